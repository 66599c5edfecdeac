import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CompleteTaskForm } from '../../../src/process-engine/application/forms/complete-task-form.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { instanceRow, principalOf, startInProcess, tasksOf } from '../../support/engine.js';
import { deployFormsProcess } from '../../e2e/aps/forms-fixtures.js';

const ROUNDS = 10;

function codeOf(r: PromiseSettledResult<unknown>): string | null {
  return r.status === 'rejected' ? ((r.reason as { code?: string }).code ?? String(r.reason)) : null;
}

/**
 * Two submissions of one task form at once, each in its own transaction (CompleteTaskForm locks the
 * instance first): one completes the task and advances, the other gets 409 ENGINE.TASK_ENDED and
 * leaves nothing behind — no second set of variables, audit entries or form submission.
 */
describe('task form completion under concurrency', () => {
  let t: TestApp;
  let alice: string;
  let definitionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    ({ definitionId } = await deployFormsProcess(t));
  });

  afterAll(async () => {
    await t.close();
  });

  it(`two concurrent form completions of one task: one succeeds, one 409, the instance advances once (${ROUNDS} rounds)`, async () => {
    const complete = t.app.get(CompleteTaskForm, { strict: false });
    const actor = await principalOf(t, alice);
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, definitionId, [], { values: { title: `Round ${round}`, amount: round }, outcome: 'Submit' });
      const [review] = await tasksOf(t, instanceId);
      const results = await Promise.allSettled([
        complete.execute({ actor, taskId: review!.id, values: { comment: 'first' }, outcome: 'Approve' }),
        complete.execute({ actor, taskId: review!.id, values: { comment: 'second' }, outcome: 'Reject' }),
      ]);
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === null)).toHaveLength(1);
      expect(codes.filter((c) => c === 'ENGINE.TASK_ENDED')).toHaveLength(1);
      const winner = codes[0] === null ? { comment: 'first', outcome: 'Approve' } : { comment: 'second', outcome: 'Reject' };
      const [row] = await sql<{ confirms: number; completions: number; submissions: number }>(
        t,
        `SELECT (SELECT count(*)::int FROM process_engine.tasks WHERE instance_id = $1 AND task_definition_key = 'confirm') AS confirms,
                (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'task-completed') AS completions,
                (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'form-submitted') AS submissions`,
        [instanceId],
      );
      expect(row).toEqual({ confirms: 1, completions: 1, submissions: 1 });
      const vars = await sql<{ name: string; value: unknown }>(
        t,
        `SELECT name, value FROM process_engine.variables WHERE instance_id = $1 AND name IN ('comment', 'form_review-form_outcome') ORDER BY name`,
        [instanceId],
      );
      expect(vars).toEqual([
        { name: 'comment', value: winner.comment },
        { name: 'form_review-form_outcome', value: winner.outcome },
      ]);
      expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'running' });
    }
  });
});
