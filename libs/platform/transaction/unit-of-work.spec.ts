import { describe, expect, it } from '@jest/globals';
import { writtenSchemas } from './unit-of-work.js';

describe('writtenSchemas: which schemas a statement writes (cache invalidation on commit)', () => {
  it('reads nothing from plain selects, locking selects and CTE reads', () => {
    expect([...(writtenSchemas('SELECT * FROM identity.users WHERE id = $1') as Set<string>)]).toEqual([]);
    expect([...(writtenSchemas('SELECT id FROM process_engine.process_instances WHERE id = $1 FOR UPDATE') as Set<string>)]).toEqual([]);
    expect([...(writtenSchemas('SELECT 1 FROM platform.outbox FOR UPDATE SKIP LOCKED') as Set<string>)]).toEqual([]);
    expect([...(writtenSchemas('SELECT t.id FROM process_engine.tasks t FOR UPDATE OF t') as Set<string>)]).toEqual([]);
  });

  it('names the schemas of insert, update, delete and truncate targets, CTEs and upserts included', () => {
    expect(writtenSchemas('INSERT INTO process_engine.tasks (id) VALUES ($1)')).toEqual(new Set(['process_engine']));
    expect(writtenSchemas('update  identity.users SET x = 1')).toEqual(new Set(['identity']));
    expect(writtenSchemas('DELETE FROM org_structure.group_members WHERE id = $1')).toEqual(new Set(['org_structure']));
    expect(writtenSchemas('TRUNCATE TABLE "identity".sessions')).toEqual(new Set(['identity']));
    expect(
      writtenSchemas(`WITH a AS (UPDATE process_engine.tasks SET v = 1 RETURNING id)
        INSERT INTO platform.outbox (x) SELECT id FROM a ON CONFLICT (x) DO UPDATE SET x = excluded.x`),
    ).toEqual(new Set(['process_engine', 'platform']));
  });

  it('counts a write to an unqualified table as a write anywhere', () => {
    expect(writtenSchemas('INSERT INTO users (id) VALUES (1)')).toBe('all');
    expect(writtenSchemas('UPDATE users SET x = 1')).toBe('all');
  });
});
