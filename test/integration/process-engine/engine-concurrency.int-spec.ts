import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { completeInProcess, deployBpmn, instanceRow, oneTaskBpmn, parallelBpmn, startInProcess, tasksOf } from '../../support/engine.js';

const ROUNDS = 20;

function codeOf(r: PromiseSettledResult<unknown>): string | null {
  return r.status === 'rejected' ? ((r.reason as { code?: string }).code ?? String(r.reason)) : null;
}

/**
 * Real concurrency: each completion runs in its own transaction on its own pool connection,
 * started together with Promise.all (design.md §3: the instance row lock and the task version).
 */
describe('engine core under concurrent completions', () => {
  let t: TestApp;
  let alice: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    await deployBpmn(t, oneTaskBpmn('race'));
    await deployBpmn(t, parallelBpmn(2, 'branches'));
  });

  afterAll(async () => {
    await t.close();
  });

  it(`two concurrent completions of one task: exactly one succeeds, the other gets 409, the instance advances once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const [task] = await tasksOf(t, instanceId);
      const results = await Promise.allSettled([completeInProcess(t, alice, task!.id), completeInProcess(t, alice, task!.id)]);
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === null)).toHaveLength(1);
      expect(codes.filter((c) => c === 'ENGINE.TASK_ENDED' || c === 'ENGINE.TASK_CHANGED')).toHaveLength(1);
      const [row] = await sql<{ ends: number; completions: number; taskEnds: number }>(
        t,
        `SELECT (SELECT count(*)::int FROM process_engine.activity_history WHERE instance_id = $1 AND activity_id = 'end') AS ends,
                (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'task-completed') AS completions,
                (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'process-ended') AS "taskEnds"`,
        [instanceId],
      );
      expect(row).toEqual({ ends: 1, completions: 1, taskEnds: 1 });
      expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed', version: 2 });
      const [taskRow] = await sql(t, `SELECT version FROM process_engine.tasks WHERE id = $1`, [task!.id]);
      expect(taskRow).toEqual({ version: 2 });
    }
  });

  it(`two concurrent completions of two parallel branches: both succeed and the join fires exactly once (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'branches');
      const branches = await tasksOf(t, instanceId);
      expect(branches).toHaveLength(2);
      const results = await Promise.allSettled(branches.map((b) => completeInProcess(t, alice, b.id)));
      expect(results.map(codeOf)).toEqual([null, null]);
      const open = await tasksOf(t, instanceId);
      expect(open.map((x) => x.taskDefinitionKey)).toEqual(['after']);
      const [row] = await sql<{ afterTasks: number; joins: number }>(
        t,
        `SELECT (SELECT count(*)::int FROM process_engine.tasks WHERE instance_id = $1 AND task_definition_key = 'after') AS "afterTasks",
                (SELECT count(*)::int FROM process_engine.activity_history WHERE instance_id = $1 AND activity_id = 'after') AS joins`,
        [instanceId],
      );
      expect(row).toEqual({ afterTasks: 1, joins: 1 });
      expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'running', version: 3 });
    }
  });
});
