import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { candidateGroupBpmn, completeInProcess, deployBpmn, exclusiveBpmn, instanceRow, startInProcess, tasksOf } from '../../support/engine.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

/** Variables, identity links and comments on instances the engine really runs: deploy → start → work → complete. */
describe('aps runtime data on real process instances', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let groupId: number;

  const http = () => t.http();
  const get = async (url: string, auth: string): Promise<unknown> => (await http().get(url).set('Authorization', auth).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole' });
    groupId = (await http().post(`${API}/admin/groups`).set('Authorization', t.adminBasic).send({ name: 'Clerks' }).expect(200)).body.id as number;
    await http().post(`${API}/admin/groups/${groupId}/members/${carol.id}`).set('Authorization', t.adminBasic).expect(200);
    await deployBpmn(t, exclusiveBpmn('exclusive'));
    await deployBpmn(t, candidateGroupBpmn(String(groupId), 'clerkWork'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('a global variable written through the task decides the gateway; local variables stay on the task; the ended task and instance refuse writes', async () => {
    const instanceId = await startInProcess(t, alice.id, 'exclusive', [{ name: 'amount', type: 'integer', value: 50 }]);
    const pv = `${API}/process-instances/${instanceId}/variables`;
    expect(await get(pv, alice.auth)).toContainEqual({ name: 'amount', type: 'integer', value: 50 });

    const [review] = await tasksOf(t, instanceId);
    expect(review!.taskDefinitionKey).toBe('review');
    const tv = `${API}/tasks/${review!.id}/variables`;
    expect((await http().put(`${tv}/amount`).set('Authorization', alice.auth).send({ scope: 'global', type: 'integer', value: 500 }).expect(200)).body).toEqual({
      name: 'amount',
      scope: 'global',
      type: 'integer',
      value: 500,
    });
    await http().post(tv).set('Authorization', alice.auth).send({ name: 'note', type: 'string', value: 'checked' }).expect(200);
    // A bad write changes nothing the engine reads.
    await http().put(`${tv}/amount`).set('Authorization', alice.auth).send({ scope: 'global', type: 'integer', value: 'lots' }).expect(400);
    expect(await get(`${pv}/amount`, alice.auth)).toEqual({ name: 'amount', type: 'integer', value: 500 });

    await completeInProcess(t, alice.id, review!.id);
    const open = await tasksOf(t, instanceId);
    expect(open.map((x) => x.taskDefinitionKey)).toEqual(['big']);

    // The completed task keeps its local variable for reading, and takes no more writes.
    expect(await get(`${tv}?scope=local`, alice.auth)).toEqual([{ name: 'note', scope: 'local', type: 'string', value: 'checked' }]);
    expectApsError((await http().post(tv).set('Authorization', alice.auth).send({ name: 'late', value: 1 }).expect(409)).body, 'GENERAL.ERROR.CONFLICT', 'taskId');
    expect((await get(pv, alice.auth)) as Json[]).not.toContainEqual(expect.objectContaining({ name: 'note' }));

    // The next task sees the instance's variables as global ones.
    expect(await get(`${API}/tasks/${open[0]!.id}/variables/amount`, alice.auth)).toEqual({ name: 'amount', scope: 'global', type: 'integer', value: 500 });

    await completeInProcess(t, alice.id, open[0]!.id);
    expect((await instanceRow(t, instanceId))!.state).toBe('completed');
    expectApsError((await http().put(pv).set('Authorization', alice.auth).send({ name: 'amount', value: 1 }).expect(409)).body, 'GENERAL.ERROR.CONFLICT', 'processInstanceId');
    await http().post(`${API}/process-instances/${instanceId}/comments`).set('Authorization', alice.auth).send({ message: 'too late' }).expect(409);
    expect(await get(`${pv}/amount`, alice.auth)).toEqual({ name: 'amount', type: 'integer', value: 500 });
  });

  it('a variable write racing the task\'s completion either is kept or answers 409 (task ended): never lost, never on an ended task', async () => {
    for (let round = 0; round < 8; round++) {
      const instanceId = await startInProcess(t, alice.id, 'exclusive', [{ name: 'amount', type: 'integer', value: 1 }]);
      const [review] = await tasksOf(t, instanceId);
      const [write, completion] = await Promise.allSettled([
        http().post(`${API}/tasks/${review!.id}/variables`).set('Authorization', alice.auth).send({ name: 'late', value: round }),
        completeInProcess(t, alice.id, review!.id),
      ]);
      expect(completion.status).toBe('fulfilled');
      const status = write.status === 'fulfilled' ? write.value.status : 0;
      expect([200, 409]).toContain(status);
      // Both lock the instance row first, so they serialize: the write came first and is kept, or came second and saw the ended task.
      if (status === 409) expect((write as PromiseFulfilledResult<{ body: Json }>).value.body.code).toBe('ENGINE.TASK_ENDED');
      const rows = await sql(t, `SELECT name, value FROM process_engine.variables WHERE task_id = $1`, [review!.id]);
      expect(rows).toEqual(status === 200 ? [{ name: 'late', value: round }] : []);
    }
  });

  it('involving a user through identitylinks lets them see and work with the instance; comments on its tasks show on the instance', async () => {
    const instanceId = await startInProcess(t, alice.id, 'exclusive', [{ name: 'amount', type: 'integer', value: 1 }]);
    const [review] = await tasksOf(t, instanceId);
    const links = `${API}/process-instances/${instanceId}/identitylinks`;
    await http().get(`${API}/process-instances/${instanceId}/variables`).set('Authorization', bob.auth).expect(403);
    await http().post(`${API}/tasks/${review!.id}/comments`).set('Authorization', bob.auth).send({ message: 'let me in' }).expect(403);

    // What the engine wrote: the starter link, and the assignee of the first task as a participant (Activiti's).
    expect(await get(links, alice.auth)).toEqual([
      { user: String(alice.id), group: null, type: 'participant' },
      { user: String(alice.id), group: null, type: 'starter' },
    ]);
    await http().post(links).set('Authorization', alice.auth).send({ user: String(bob.id), type: 'participant' }).expect(200);
    expect((await get(links, alice.auth)) as Json[]).toContainEqual({ user: String(bob.id), group: null, type: 'participant' });
    expect((await get(`${API}/process-instances/${instanceId}/variables`, bob.auth)) as Json[]).toContainEqual({ name: 'amount', type: 'integer', value: 1 });
    await http().post(`${API}/process-instances/${instanceId}/variables`).set('Authorization', bob.auth).send({ name: 'reviewer', value: 'bob' }).expect(200);

    const comment = (await http().post(`${API}/tasks/${review!.id}/comments`).set('Authorization', bob.auth).send({ message: 'Looks fine' }).expect(200)).body as Json;
    const onInstance = (await get(`${API}/process-instances/${instanceId}/comments`, alice.auth)) as { total: number; data: Json[] };
    expect(onInstance.data).toContainEqual(comment);
    // The task's own links: the engine's assignee.
    expect((await get(`${API}/tasks/${review!.id}/identitylinks/users`, alice.auth)) as Json[]).toContainEqual({ user: String(alice.id), group: null, type: 'assignee' });
    const audit = await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    expect(audit.map((a) => a.type)).toEqual(expect.arrayContaining(['task-involved', 'variables-updated', 'comment-added']));
  });

  it('a member of a candidate group works with the task\'s variables, identity links and comments; others get 403', async () => {
    const instanceId = await startInProcess(t, alice.id, 'clerkWork', [{ name: 'customer', type: 'json', value: { name: 'ACME', tier: 2 } }]);
    const [task] = await tasksOf(t, instanceId);
    const tv = `${API}/tasks/${task!.id}/variables`;
    expect(await get(`${API}/tasks/${task!.id}/identitylinks/groups`, carol.auth)).toEqual([{ user: null, group: String(groupId), type: 'candidate' }]);
    expect(await get(tv, carol.auth)).toContainEqual({ name: 'customer', scope: 'global', type: 'json', value: { name: 'ACME', tier: 2 } });
    await http().post(tv).set('Authorization', carol.auth).send([{ name: 'due', type: 'date', value: '2026-12-01' }, { name: 'ok', scope: 'global', type: 'boolean', value: true }]).expect(200);
    expect(await get(`${API}/process-instances/${instanceId}/variables/ok`, carol.auth)).toEqual({ name: 'ok', type: 'boolean', value: true });
    expect(await get(`${tv}/due`, carol.auth)).toEqual({ name: 'due', scope: 'local', type: 'date', value: '2026-12-01T00:00:00.000+0000' });
    await http().post(`${API}/tasks/${task!.id}/comments`).set('Authorization', carol.auth).send({ message: 'Taking it' }).expect(200);
    await http().get(tv).set('Authorization', bob.auth).expect(403);
    await http().get(`${API}/tasks/${task!.id}/comments`).set('Authorization', bob.auth).expect(403);
  });
});
