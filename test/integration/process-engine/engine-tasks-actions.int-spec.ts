import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssignTask } from '../../../src/process-engine/application/tasks/assign-task.use-case.js';
import { ClaimTask } from '../../../src/process-engine/application/tasks/claim-task.use-case.js';
import { UpdateTask } from '../../../src/process-engine/application/tasks/update-task.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { candidateUserBpmn, completeInProcess, deployBpmn, principalOf, startInProcess, tasksOf } from '../../support/engine.js';

const ROUNDS = 15;

function codeOf(r: PromiseSettledResult<unknown>): string | null {
  return r.status === 'rejected' ? ((r.reason as { code?: string }).code ?? String(r.reason)) : null;
}

/**
 * Task actions under real concurrency: each call runs in its own transaction on its own pool
 * connection (the task actions lock the instance row, then the task, as the engine does).
 */
describe('task actions under concurrency', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    bob = await insertUser(t, { username: 'bob', password: 'Passw0rd-bob' });
    await deployBpmn(t, candidateUserBpmn(`${alice},${bob}`, 'race'));
  });

  afterAll(async () => {
    await t.close();
  });

  it(`two candidates claim one task at once: one holds it, the other gets 409, one audit entry (${ROUNDS} rounds)`, async () => {
    const claim = t.app.get(ClaimTask, { strict: false });
    const [pa, pb] = [await principalOf(t, alice), await principalOf(t, bob)];
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const [task] = await tasksOf(t, instanceId);
      const results = await Promise.allSettled([claim.execute({ actor: pa, taskId: task!.id }), claim.execute({ actor: pb, taskId: task!.id })]);
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === null)).toHaveLength(1);
      expect(codes.filter((c) => c === 'ENGINE.TASK_ALREADY_CLAIMED')).toHaveLength(1);
      const winner = codes[0] === null ? alice : bob;
      const [row] = await sql<{ assignee: string; version: number; claims: number }>(
        t,
        `SELECT t.assignee_id::text AS assignee, t.version,
                (SELECT count(*)::int FROM process_engine.audit_entries a WHERE a.task_id = t.id AND a.type = 'task-claimed') AS claims
           FROM process_engine.tasks t WHERE t.id = $1`,
        [task!.id],
      );
      expect(row).toEqual({ assignee: winner, version: 2, claims: 1 });
    }
  });

  it(`a claim racing a completion by another candidate: exactly one wins, and the row agrees (${ROUNDS} rounds)`, async () => {
    const claim = t.app.get(ClaimTask, { strict: false });
    const pb = await principalOf(t, bob);
    for (let round = 0; round < ROUNDS; round++) {
      const instanceId = await startInProcess(t, alice, 'race');
      const [task] = await tasksOf(t, instanceId);
      const [completed, claimed] = (await Promise.allSettled([completeInProcess(t, alice, task!.id), claim.execute({ actor: pb, taskId: task!.id })])).map(codeOf);
      const [row] = await sql<{ assignee: string; ended: boolean }>(
        t,
        `SELECT assignee_id::text AS assignee, ended_at IS NOT NULL AS ended FROM process_engine.tasks WHERE id = $1`,
        [task!.id],
      );
      if (completed === null) {
        // alice completed first (claiming it as a candidate): bob's claim saw a completed task.
        expect(claimed).toBe('ENGINE.TASK_ENDED');
        expect(row).toEqual({ assignee: alice, ended: true });
      } else {
        // bob claimed first: the task left the candidates' queue, so alice may no longer complete it
        // (403), or her completion read the task before the claim committed and lost the version check (409).
        expect(claimed).toBeNull();
        expect(['ENGINE.MAY_NOT_COMPLETE', 'ENGINE.TASK_CHANGED']).toContain(completed);
        expect(row).toEqual({ assignee: bob, ended: false });
      }
    }
  });

  it('concurrent updates and assignments of one task serialize: every change is kept and bumps the version once', async () => {
    const update = t.app.get(UpdateTask, { strict: false });
    const assign = t.app.get(AssignTask, { strict: false });
    const pa = await principalOf(t, alice);
    const instanceId = await startInProcess(t, alice, 'race');
    const [task] = await tasksOf(t, instanceId);
    await t.app.get(ClaimTask, { strict: false }).execute({ actor: pa, taskId: task!.id });
    const results = await Promise.allSettled([
      update.execute({ actor: pa, taskId: task!.id, name: 'Renamed' }),
      update.execute({ actor: pa, taskId: task!.id, priority: 90 }),
      update.execute({ actor: pa, taskId: task!.id, description: 'Described' }),
    ]);
    expect(results.map(codeOf)).toEqual([null, null, null]);
    await assign.execute({ actor: pa, taskId: task!.id, assignee: { id: bob } });
    const [row] = await sql(t, `SELECT name, priority, description, assignee_id::text AS assignee, version FROM process_engine.tasks WHERE id = $1`, [task!.id]);
    expect(row).toEqual({ name: 'Renamed', priority: 90, description: 'Described', assignee: bob, version: 6 });
  });
});
