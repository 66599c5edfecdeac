import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { candidateGroupBpmn, deployBpmn, instanceRow, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { API, createTenant, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { addGroupMember, createGroup, insertTask, type Json, expectRefused, taskSnapshot } from './engine-tasks-fixtures.js';

describe('aps tasks: create, update and the task actions', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let dave: CreatedUser;
  let outsider: CreatedUser;
  let team: number;

  const as = (who: CreatedUser | 'admin') => (who === 'admin' ? t.adminBasic : who.auth);
  const put = (who: CreatedUser | 'admin', path: string, body?: Json) => {
    const req = t.http().put(`${API}/tasks/${path}`).set('Authorization', as(who));
    return body === undefined ? req : req.send(body);
  };
  const create = async (who: CreatedUser, body: Json = {}): Promise<Json & { id: string }> =>
    (await t.http().post(`${API}/tasks`).set('Authorization', who.auth).send({ name: 'A task', ...body }).expect(200)).body as Json & { id: string };
  const details = async (who: CreatedUser | 'admin', id: string): Promise<Json> =>
    (await t.http().get(`${API}/tasks/${id}`).set('Authorization', as(who)).expect(200)).body as Json;
  const row = async (id: string) =>
    (
      await sql<{ assignee: string | null; owner: string | null; delegation: string | null; version: number; ended: boolean; claimedAt: Date | null }>(
        t,
        `SELECT assignee_id::text AS assignee, owner_id::text AS owner, delegation_state AS delegation, version, ended_at IS NOT NULL AS ended,
                claimed_at AS "claimedAt"
           FROM process_engine.tasks WHERE id = $1`,
        [id],
      )
    )[0]!;
  const auditTypes = async (id: string) =>
    (await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE task_id = $1 ORDER BY id`, [id])).map((r) => r.type);
  const participants = async (instanceId: string) =>
    (
      await sql<{ user: string }>(
        t,
        `SELECT user_id::text AS user FROM process_engine.identity_links WHERE instance_id = $1 AND type = 'participant' ORDER BY user_id`,
        [instanceId],
      )
    ).map((r) => r.user);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.ta@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob.ta@example.com' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole', email: 'carol.ta@example.com' });
    dave = await createUser(t, { firstName: 'Dave', lastName: 'Dunn', email: 'dave.ta@example.com' });
    team = await createGroup(t, 'Team');
    const sub = await createGroup(t, 'Team sub', team);
    await addGroupMember(t, team, bob.id);
    await addGroupMember(t, sub, dave.id);
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Elsewhere'), email: 'outsider.ta@example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST tasks (standalone)', () => {
    it('creates a task outside any process, assigned to the caller, and audits it', async () => {
      const task = await create(alice, { name: 'Call the customer', description: 'About the invoice' });
      expect(task).toMatchObject({
        name: 'Call the customer',
        description: 'About the invoice',
        assignee: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.ta@example.com' },
        priority: 50,
        dueDate: null,
        endDate: null,
        processInstanceId: null,
        processDefinitionId: null,
        parentTaskId: null,
        adhocTaskCanBeReassigned: true,
        involvedPeople: [],
        variables: [],
      });
      expect(task.id).toMatch(/^\d+$/);
      expect(await details(alice, task.id)).toEqual(task);
      expect(await auditTypes(task.id)).toEqual(['task-created']);
      const full = await create(alice, { name: 'With extras', dueDate: '2026-12-01T10:00:00.000Z', priority: 80, formKey: '7', category: 'c' });
      expect(full).toMatchObject({ dueDate: '2026-12-01T10:00:00.000+0000', priority: 80, formKey: '7', category: 'c' });
    });

    it('refuses bad bodies with 400 and creates nothing', async () => {
      const count = async () => Number((await sql<{ n: string }>(t, `SELECT count(*) AS n FROM process_engine.tasks`))[0]!.n);
      const before = await count();
      for (const [body, field] of [
        [{}, 'name'],
        [{ name: '' }, 'name'],
        [{ name: 'x'.repeat(256) }, 'name'],
        [{ name: 'x', priority: 101 }, 'priority'],
        [{ name: 'x', priority: 'high' }, 'priority'],
        [{ name: 'x', dueDate: 'soon' }, 'dueDate'],
        [{ name: 'x', assignee: 5 }, 'assignee'],
        [{ name: 'a\u0000b' }, 'name'],
        [{ name: 'x', description: '\u0000' }, 'description'],
      ] as Array<[Json, string]>) {
        const res = await t.http().post(`${API}/tasks`).set('Authorization', alice.auth).send(body);
        expect(res.status).toBe(400);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      expect(await count()).toBe(before);
    });
  });

  describe('PUT tasks/{id}', () => {
    it('changes name, description, dueDate, priority and formKey; bumps the version and audits', async () => {
      const task = await create(alice);
      const v = (await row(task.id)).version;
      const res = await put(alice, task.id, {
        name: 'IchangedTaskName',
        description: 'description-updated',
        dueDate: '2015-01-11T22:59:59.000Z',
        priority: 10,
        formKey: '100',
      }).expect(200);
      expect(res.body).toMatchObject({
        id: task.id,
        name: 'IchangedTaskName',
        description: 'description-updated',
        dueDate: '2015-01-11T22:59:59.000+0000',
        priority: 10,
        formKey: '100',
      });
      expect(await details(alice, task.id)).toEqual(res.body);
      expect((await row(task.id)).version).toBe(v + 1);
      expect(await auditTypes(task.id)).toEqual(['task-created', 'task-updated']);
      // Absent fields stay; null clears the due date; the js-api's …Set flags are accepted.
      const cleared = await put(alice, task.id, { dueDate: null, dueDateSet: true }).expect(200);
      expect(cleared.body).toMatchObject({ name: 'IchangedTaskName', dueDate: null, priority: 10 });
      // An empty body changes nothing, not even the version.
      const before = await taskSnapshot(t, task.id);
      expect((await put(alice, task.id, {}).expect(200)).body).toEqual(await details(alice, task.id));
      expect(await taskSnapshot(t, task.id)).toEqual(before);
    });

    it('bad dates, priorities and names are a 400 that changes nothing', async () => {
      const task = await create(alice);
      for (const body of [{ dueDate: 'next week' }, { dueDate: '2026-13-01T00:00:00Z' }, { priority: 'high' }, { priority: -1 }, { priority: 1.5 }, { name: '' }, { owner: 3 }, { name: 'a\u0000' }, { formKey: '\u0000' }]) {
        await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, task.id, body));
      }
    });

    it('403 for a user not involved, 404 for unknown and other-tenant tasks, 400 for a malformed id, 409 once completed', async () => {
      const task = await create(alice);
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(carol, task.id, { name: 'hijacked' }));
      await expectRefused(t, 404, 'GENERAL.ERROR.NOT-FOUND', task.id, () => put(outsider, task.id, { name: 'hijacked' }));
      await put(alice, '999999', { name: 'x' }).expect(404);
      expectApsError((await put(alice, 'abc', { name: 'x' }).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'taskId');
      await put(alice, `${task.id}/action/complete`).expect(200);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, task.id, { name: 'after the end' }));
    });
  });

  describe('claim', () => {
    let definitionId: string;
    beforeAll(async () => {
      const deployed = await deployBpmn(t, candidateGroupBpmn(String(team), 'teamTask'));
      definitionId = deployed.definitions[0]!.id;
    });
    const groupTask = async () => {
      const instanceId = await startInProcess(t, 1, definitionId);
      const [task] = await tasksOf(t, instanceId);
      return { instanceId, taskId: task!.id };
    };

    it('a member of the candidate group claims: assignee, claimed_at, version, a participant link on the instance, audit', async () => {
      const { instanceId, taskId } = await groupTask();
      const before = await row(taskId);
      expect(before.assignee).toBeNull();
      await put(bob, `${taskId}/action/claim`).expect(200);
      const after = await row(taskId);
      expect(after).toMatchObject({ assignee: String(bob.id), version: before.version + 1 });
      expect(after.claimedAt).not.toBeNull();
      expect(await participants(instanceId)).toContain(String(bob.id));
      expect((await auditTypes(taskId)).at(-1)).toBe('task-claimed');
      expect((await details(bob, taskId)).assignee).toMatchObject({ id: bob.id });
      // Claiming one's own task again changes nothing.
      const snapshot = await taskSnapshot(t, taskId);
      await put(bob, `${taskId}/action/claim`).expect(200);
      expect(await taskSnapshot(t, taskId)).toEqual(snapshot);
    });

    it('a member of a nested group may claim; a task claimed by someone else is a 409', async () => {
      const { taskId } = await groupTask();
      await put(dave, `${taskId}/action/claim`).expect(200);
      expect((await row(taskId)).assignee).toBe(String(dave.id));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', taskId, () => put(bob, `${taskId}/action/claim`));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', taskId, () => put('admin', `${taskId}/action/claim`));
    });

    it('not involved: 403; other tenant: 404; completed: 409 — each changing nothing', async () => {
      const { taskId } = await groupTask();
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', taskId, () => put(carol, `${taskId}/action/claim`));
      await expectRefused(t, 404, 'GENERAL.ERROR.NOT-FOUND', taskId, () => put(outsider, `${taskId}/action/claim`));
      await put(bob, `${taskId}/action/complete`).expect(200);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', taskId, () => put(dave, `${taskId}/action/claim`));
      await put('admin', '0/action/claim').expect(400);
    });
  });

  describe('assign', () => {
    it('the assignee hands the task on: the new assignee gets a participant link on the instance; answers the task', async () => {
      const deployed = await deployBpmn(t, oneTaskBpmn('assignMe'));
      const instanceId = await startInProcess(t, alice.id, deployed.definitions[0]!.id);
      const [task] = await tasksOf(t, instanceId);
      const v = (await row(task!.id)).version;
      const res = await put(alice, `${task!.id}/action/assign`, { assignee: carol.id }).expect(200);
      expect(res.body).toMatchObject({ id: task!.id, assignee: { id: carol.id, firstName: 'Carol', lastName: 'Cole' } });
      expect(await row(task!.id)).toMatchObject({ assignee: String(carol.id), version: v + 1 });
      expect(await participants(instanceId)).toContain(String(carol.id));
      expect((await auditTypes(task!.id)).at(-1)).toBe('task-assigned');
      // alice started the instance, so she still sees the task, but no longer holds it.
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task!.id, () => put(alice, `${task!.id}/action/assign`, { assignee: String(bob.id) }));
      // The admin may; an e-mail works too.
      await put('admin', `${task!.id}/action/assign`, { email: 'bob.ta@example.com' }).expect(200);
      expect((await row(task!.id)).assignee).toBe(String(bob.id));
    });

    it('unknown or malformed users and missing bodies are a 400; strangers 403; each changes nothing', async () => {
      const task = await create(alice);
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/assign`, { assignee: 999999 }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/assign`, { assignee: 'bob' }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/assign`, {}));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/assign`, { assignee: outsider.id }));
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(carol, `${task.id}/action/assign`, { assignee: carol.id }));
    });

    it('a candidate may assign an unassigned task', async () => {
      const taskId = await insertTask(t, { name: 'Unassigned', candidateGroups: [team] });
      await put(bob, `${taskId}/action/assign`, { assignee: carol.id }).expect(200);
      expect((await row(taskId)).assignee).toBe(String(carol.id));
    });
  });

  describe('delegate and resolve', () => {
    it('delegate: the delegate holds the task, the delegator owns it, pending; resolve gives it back', async () => {
      const task = await create(alice);
      await put(alice, `${task.id}/action/delegate`, { userId: String(bob.id) }).expect(200);
      expect(await row(task.id)).toMatchObject({ assignee: String(bob.id), owner: String(alice.id), delegation: 'pending' });
      expect((await details(bob, task.id)).assignee).toMatchObject({ id: bob.id });
      // While the delegation is pending nobody completes it (engine-core's rule) and it cannot be resolved by the owner.
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(bob, `${task.id}/action/complete`));
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(alice, `${task.id}/action/resolve`));
      await put(bob, `${task.id}/action/resolve`).expect(200);
      expect(await row(task.id)).toMatchObject({ assignee: String(alice.id), owner: String(alice.id), delegation: 'resolved' });
      expect((await auditTypes(task.id)).slice(-2)).toEqual(['task-delegated', 'task-resolved']);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, `${task.id}/action/resolve`));
      await put(alice, `${task.id}/action/complete`).expect(200);
    });

    it('refusals: unknown user 400, stranger 403, unassigned 409, completed 409 — each changing nothing', async () => {
      const task = await create(alice);
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/delegate`, { userId: '999999' }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/delegate`, {}));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/delegate`, { userId: 'x1' }));
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(carol, `${task.id}/action/delegate`, { userId: String(carol.id) }));
      const unassigned = await insertTask(t, { name: 'Nobody', candidateUsers: [alice.id] });
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', unassigned, () => put(alice, `${unassigned}/action/delegate`, { userId: String(bob.id) }));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', unassigned, () => put(alice, `${unassigned}/action/resolve`));
      await put(alice, `${task.id}/action/complete`).expect(200);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, `${task.id}/action/delegate`, { userId: String(bob.id) }));
    });
  });

  describe('involve and remove-involved', () => {
    it('an involved user sees the task and is listed in involvedPeople; removing them takes it away', async () => {
      const task = await create(alice);
      await t.http().get(`${API}/tasks/${task.id}`).set('Authorization', carol.auth).expect(403);
      const v = (await row(task.id)).version;
      await put(alice, `${task.id}/action/involve`, { userId: String(carol.id) }).expect(200);
      expect((await row(task.id)).version).toBe(v + 1);
      const seen = await details(carol, task.id);
      expect(seen.involvedPeople).toEqual([{ id: carol.id, firstName: 'Carol', lastName: 'Cole', email: 'carol.ta@example.com' }]);
      const listed = async () =>
        ((await t.http().post(`${API}/tasks/query`).set('Authorization', carol.auth).send({}).expect(200)).body.data as Json[]).map((x) => x.id);
      expect(await listed()).toContain(task.id);
      // Twice changes nothing; by e-mail works too.
      const snapshot = await taskSnapshot(t, task.id);
      await put(alice, `${task.id}/action/involve`, { email: 'carol.ta@example.com' }).expect(200);
      expect(await taskSnapshot(t, task.id)).toEqual(snapshot);
      await put(alice, `${task.id}/action/involve`, { userId: bob.id }).expect(200);
      expect((await details(alice, task.id)).involvedPeople).toEqual([
        expect.objectContaining({ id: carol.id }),
        expect.objectContaining({ id: bob.id }),
      ]);
      await put(alice, `${task.id}/action/remove-involved`, { userId: String(carol.id) }).expect(200);
      await t.http().get(`${API}/tasks/${task.id}`).set('Authorization', carol.auth).expect(403);
      expect(await listed()).not.toContain(task.id);
      expect((await auditTypes(task.id)).slice(1)).toEqual(['task-involved', 'task-involved', 'task-involvement-removed']);
      // Removing someone not involved changes nothing.
      const again = await taskSnapshot(t, task.id);
      await put(alice, `${task.id}/action/remove-involved`, { userId: String(carol.id) }).expect(200);
      expect(await taskSnapshot(t, task.id)).toEqual(again);
    });

    it('involving a user with a process task makes them a participant of the instance too (Activiti); removing keeps that', async () => {
      const deployed = await deployBpmn(t, oneTaskBpmn('involveMe'));
      const instanceId = await startInProcess(t, alice.id, deployed.definitions[0]!.id);
      const [task] = await tasksOf(t, instanceId);
      expect(await participants(instanceId)).not.toContain(String(carol.id));
      await put(alice, `${task!.id}/action/involve`, { userId: carol.id }).expect(200);
      expect(await participants(instanceId)).toContain(String(carol.id));
      await put(alice, `${task!.id}/action/remove-involved`, { userId: carol.id }).expect(200);
      expect((await details(alice, task!.id)).involvedPeople).toEqual([]);
      expect(await participants(instanceId)).toContain(String(carol.id));
    });

    it('unknown users and missing ids: 400; strangers 403; completed task 409 — changing nothing', async () => {
      const task = await create(alice);
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/involve`, { userId: '999999' }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/involve`, { email: 'nobody@example.com' }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/involve`, { email: 'not-an-email' }));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/involve`, {}));
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', task.id, () => put(alice, `${task.id}/action/involve`, { userId: outsider.id }));
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(carol, `${task.id}/action/involve`, { userId: carol.id }));
      await put(alice, `${task.id}/action/complete`).expect(200);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, `${task.id}/action/involve`, { userId: carol.id }));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, `${task.id}/action/remove-involved`, { userId: carol.id }));
    });
  });

  describe('a suspended process instance', () => {
    it('its tasks take no action (409, nothing changes) but their details may be edited', async () => {
      const deployed = await deployBpmn(t, candidateGroupBpmn(String(team), 'suspendMe'));
      const instanceId = await startInProcess(t, alice.id, deployed.definitions[0]!.id);
      const [task] = await tasksOf(t, instanceId);
      const id = task!.id;
      await sql(t, `UPDATE process_engine.process_instances SET state = 'suspended' WHERE id = $1`, [instanceId]);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', id, () => put(bob, `${id}/action/claim`));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', id, () => put('admin', `${id}/action/assign`, { assignee: bob.id }));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', id, () => put(alice, `${id}/action/involve`, { userId: carol.id }));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', id, () => put('admin', `${id}/action/complete`));
      await put(alice, id, { name: 'Renamed while suspended' }).expect(200);
      await sql(t, `UPDATE process_engine.process_instances SET state = 'running' WHERE id = $1`, [instanceId]);
      await put(bob, `${id}/action/claim`).expect(200);
      expect((await row(id)).assignee).toBe(String(bob.id));
    });
  });

  describe('complete', () => {
    it('a standalone task: ended, completed twice is a 409 that changes nothing; strangers 403', async () => {
      const task = await create(alice);
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', task.id, () => put(carol, `${task.id}/action/complete`));
      await put(alice, `${task.id}/action/complete`).expect(200);
      const done = await details(alice, task.id);
      expect(done.endDate).toEqual(expect.any(String));
      expect(done.duration).toEqual(expect.any(Number));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', task.id, () => put(alice, `${task.id}/action/complete`));
      await put(alice, '999999/action/complete').expect(404);
    });

    it('a process task: deploy → start → query → claim → complete ends the instance', async () => {
      const deployed = await deployBpmn(t, candidateGroupBpmn(String(team), 'cycle'));
      const instanceId = await startInProcess(t, alice.id, deployed.definitions[0]!.id);
      const queue = (await t.http().post(`${API}/tasks/query`).set('Authorization', dave.auth).send({ assignment: `group_${team}` }).expect(200)).body;
      const mine = (queue.data as Json[]).filter((x) => x.processInstanceId === instanceId);
      expect(mine).toEqual([expect.objectContaining({ name: 'Group work', processDefinitionKey: 'cycle', taskDefinitionKey: 'task', assignee: null })]);
      const taskId = mine[0]!.id as string;
      await put(dave, `${taskId}/action/claim`).expect(200);
      const claimed = (await t.http().post(`${API}/tasks/query`).set('Authorization', dave.auth).send({ assignment: 'assignee' }).expect(200)).body;
      expect((claimed.data as Json[]).map((x) => x.id)).toContain(taskId);
      await put(dave, `${taskId}/action/complete`).expect(200);
      expect((await instanceRow(t, instanceId))!.state).toBe('completed');
      const completed = (await t.http().post(`${API}/tasks/query`).set('Authorization', dave.auth).send({ state: 'completed' }).expect(200)).body;
      expect((completed.data as Json[]).map((x) => x.id)).toContain(taskId);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', taskId, () => put(dave, `${taskId}/action/complete`));
    });
  });
});
