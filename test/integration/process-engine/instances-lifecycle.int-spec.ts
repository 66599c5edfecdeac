import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteProcessInstance } from '../../../src/process-engine/application/instances/delete-process-instance.use-case.js';
import { SuspendProcessInstance } from '../../../src/process-engine/application/instances/suspend-process-instance.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { completeInProcess, deployBpmn, instanceRow, oneTaskBpmn, principalOf, startInProcess, tasksOf } from '../../support/engine.js';

const ROUNDS = 15;

function codeOf(r: PromiseSettledResult<unknown>): string | null {
  return r.status === 'rejected' ? ((r.reason as { code?: string }).code ?? String(r.reason)) : null;
}

/**
 * Deleting and suspending instances race with task completion: each runs in its own transaction
 * and locks the instance row first, so exactly one order wins and the rows always agree.
 */
describe('engine instances: delete and suspend under concurrency', () => {
  let t: TestApp;
  let alice: string;

  const deleteAs = async (userId: string, instanceId: string) =>
    t.app.get(DeleteProcessInstance, { strict: false }).execute({ actor: await principalOf(t, userId), instanceId });
  const suspendAs = async (userId: string, instanceId: string) =>
    t.app.get(SuspendProcessInstance, { strict: false }).execute({ actor: await principalOf(t, userId), instanceId });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    await deployBpmn(t, oneTaskBpmn('race'));
  });
  afterAll(async () => {
    await t.close();
  });

  it(`delete racing the completion of the last task: one wins, the other is refused, never both (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const [task] = await tasksOf(t, instanceId);
      const [deleted, completed] = await Promise.allSettled([deleteAs(alice, instanceId), completeInProcess(t, alice, task!.id)]);
      const codes = [codeOf(deleted), codeOf(completed)];
      expect(codes.filter((c) => c === null)).toHaveLength(1);
      const row = await instanceRow(t, instanceId);
      const [facts] = await sql<{ ends: number; deletions: number; endReason: string | null; executions: number }>(
        t,
        `SELECT (SELECT count(*)::int FROM process_engine.activity_history WHERE instance_id = $1 AND activity_id = 'end') AS ends,
                (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'process-deleted') AS deletions,
                (SELECT end_reason FROM process_engine.tasks WHERE id = $2) AS "endReason",
                (SELECT count(*)::int FROM process_engine.executions WHERE instance_id = $1) AS executions`,
        [instanceId, task!.id],
      );
      if (codes[0] === null) {
        expect(row!.state).toBe('deleted');
        expect(codes[1]).toMatch(/^ENGINE\./);
        expect(facts).toEqual({ ends: 0, deletions: 1, endReason: 'deleted', executions: 0 });
      } else {
        expect(row!.state).toBe('completed');
        expect(codes[0]).toBe('ENGINE.INSTANCE_NOT_RUNNING');
        expect(facts).toMatchObject({ ends: 1, deletions: 0 });
        expect(facts.endReason).not.toBe('deleted');
      }
    }
  });

  it(`two concurrent deletes: exactly one succeeds, the other gets ENGINE.INSTANCE_NOT_RUNNING (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const results = await Promise.allSettled([deleteAs(alice, instanceId), deleteAs(alice, instanceId)]);
      expect(results.map(codeOf).sort()).toEqual(['ENGINE.INSTANCE_NOT_RUNNING', null].sort());
      const [facts] = await sql<{ deletions: number }>(
        t,
        `SELECT count(*)::int AS deletions FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'process-deleted'`,
        [instanceId],
      );
      expect(facts!.deletions).toBe(1);
    }
  });

  it(`suspend racing a completion: either the task stays open on a suspended instance, or the instance ended and suspend is refused (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const [task] = await tasksOf(t, instanceId);
      const [suspended, completed] = await Promise.allSettled([suspendAs(alice, instanceId), completeInProcess(t, alice, task!.id)]);
      const row = await instanceRow(t, instanceId);
      if (codeOf(suspended) === null) {
        expect(row!.state).toBe('suspended');
        expect(codeOf(completed)).toMatch(/^ENGINE\./);
        expect(await tasksOf(t, instanceId)).toHaveLength(1);
      } else {
        expect(codeOf(suspended)).toBe('ENGINE.INSTANCE_NOT_RUNNING');
        expect(codeOf(completed)).toBeNull();
        expect(row!.state).toBe('completed');
      }
    }
  });
});
