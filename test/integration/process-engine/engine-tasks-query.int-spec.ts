import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { QueryHistoricTasks } from '../../../src/process-engine/application/tasks/query-historic-tasks.query.js';
import { QueryTasks } from '../../../src/process-engine/application/tasks/query-tasks.query.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { passwordHash, sql } from '../../support/db.js';
import { principalOf } from '../../support/engine.js';
import { notificationsSettled } from '../../support/notifications.js';

/**
 * The task lists read a page in a fixed number of statements, whatever the page holds: one for the
 * tasks (joins and sub-selects), one for all their users, plus the caller's groups — no query per task.
 */
describe('task queries: statements per page', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof principalOf>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await principalOf(t, 1);
    const [definition] = await sql<{ id: string }>(
      t,
      `WITH d AS (INSERT INTO process_engine.deployments (tenant_id, name) VALUES (1, 'd') RETURNING id)
       INSERT INTO process_engine.process_definitions (id, tenant_id, key, version, name, deployment_id, resource_name, graph)
       SELECT 'k:1:' || d.id, 1, 'k', 1, 'K', d.id, 'k.bpmn', '{}'::jsonb FROM d RETURNING id`,
    );
    const [instance] = await sql<{ id: string }>(
      t,
      `INSERT INTO process_engine.process_instances (tenant_id, definition_id) VALUES (1, $1) RETURNING id::text AS id`,
      [definition!.id],
    );
    // 30 tasks, each with its own assignee and an involved user, and variables on the instance and the task.
    const hash = await passwordHash('Passw0rd-x');
    const users = (
      await sql<{ id: string }>(
        t,
        `INSERT INTO identity.users (tenant_id, username, email, first_name, password_hash, status, role_id)
         SELECT 1, 'u' || n, 'u' || n || '@example.com', 'U' || n, $1, 'active', 3 FROM generate_series(1, 60) AS n RETURNING id::text AS id`,
        [hash],
      )
    ).map((r) => r.id);
    for (let i = 0; i < 30; i++) {
      const [task] = await sql<{ id: string }>(
        t,
        `INSERT INTO process_engine.tasks (tenant_id, instance_id, definition_id, name, assignee_id) VALUES (1, $1, $2, $3, $4) RETURNING id::text AS id`,
        [instance!.id, definition!.id, `task ${i}`, users[2 * i]],
      );
      await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, user_id, type) VALUES (1, $1, $2, 'participant')`, [task!.id, users[2 * i + 1]]);
      await sql(t, `INSERT INTO process_engine.variables (tenant_id, instance_id, task_id, name, type, value) VALUES (1, $1, $2, 'v', 'integer', '1')`, [
        instance!.id,
        task!.id,
      ]);
    }
    await sql(t, `INSERT INTO process_engine.variables (tenant_id, instance_id, name, type, value) VALUES (1, $1, 'g', 'string', '"x"')`, [instance!.id]);
  });

  afterAll(async () => {
    await t.close();
  });

  /**
   * The caller's groups and the users of a page are cached (emptied by any commit of the node that
   * wrote the identity or org_structure schema): each measurement starts from empty caches by
   * committing such a write (that changes no row), so both pages count the same reads. Its triggers
   * NOTIFY too: those notifications are awaited, so that none empties the caches mid-measurement.
   */
  async function emptyCaches(): Promise<void> {
    const uow = t.app.get(UnitOfWork, { strict: false });
    await uow.run(async () => {
      await uow.query(`UPDATE identity.users SET updated_at = updated_at WHERE false`);
      await uow.query(`UPDATE org_structure.groups SET updated_at = updated_at WHERE false`);
    });
    await notificationsSettled(t, ['meridian_auth', 'meridian_org']);
  }

  async function statements(run: () => Promise<{ items: unknown[] }>, cold = true): Promise<{ count: number; items: number }> {
    const uow = t.app.get(UnitOfWork, { strict: false });
    if (cold) await emptyCaches();
    const spy = jest.spyOn(uow, 'query');
    try {
      const result = await run();
      return { count: spy.mock.calls.length, items: result.items.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('tasks/query: as many statements for a page of 25 as for a page of 1, variables included', async () => {
    const query = t.app.get(QueryTasks, { strict: false });
    const page = (limit: number) => () =>
      query.execute({ actor: admin, offset: 0, limit, includeProcessVariables: true, includeTaskLocalVariables: true });
    const one = await statements(page(1));
    const many = await statements(page(25));
    expect(one.items).toBe(1);
    expect(many.items).toBe(25);
    expect(many.count).toBe(one.count);
    expect(many.count).toBeLessThanOrEqual(3);
  });

  it('tasks/query: the same page again reads only the tasks (groups and users come from the caches)', async () => {
    const query = t.app.get(QueryTasks, { strict: false });
    const page = () => query.execute({ actor: admin, offset: 0, limit: 25 });
    const cold = await statements(page);
    const warm = await statements(page, false);
    expect([cold.items, warm.items]).toEqual([25, 25]);
    expect(cold.count).toBe(3);
    expect(warm.count).toBe(1);
  });

  it('historic-tasks/query: the same', async () => {
    const query = t.app.get(QueryHistoricTasks, { strict: false });
    const page = (limit: number) => () => query.execute({ actor: admin, filters: {}, sort: { field: 'id', direction: 'asc' }, offset: 0, limit });
    const one = await statements(page(1));
    const many = await statements(page(25));
    expect([one.items, many.items]).toEqual([1, 25]);
    expect(many.count).toBe(one.count);
  });
});
