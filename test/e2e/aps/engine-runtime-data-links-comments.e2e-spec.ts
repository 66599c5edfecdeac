import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { API, APS_DATE, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { RuntimeFixtures } from './engine-runtime-data.fixtures.js';

type Json = Record<string, unknown>;

describe('aps runtime data: identity links and comments of process instances and tasks', () => {
  let t: TestApp;
  let fx: RuntimeFixtures;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let groupId: number;
  let foreignUserId: string;

  const http = () => t.http();
  const links = (kind: 'process-instances' | 'tasks', id: string, rest = '') => `${API}/${kind}/${id}/identitylinks${rest}`;
  const comments = (kind: 'process-instances' | 'tasks', id: string, rest = '') => `${API}/${kind}/${id}/comments${rest}`;
  const snapshot = async (): Promise<unknown> => ({
    links: await sql(t, `SELECT instance_id::text, task_id::text, user_id::text, group_id::text, type FROM process_engine.identity_links ORDER BY id`),
    comments: await sql(t, `SELECT count(*)::int AS n FROM process_engine.comments`),
    audit: await sql(t, `SELECT count(*)::int AS n FROM process_engine.audit_entries`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    fx = new RuntimeFixtures(t);
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: `alice-${Date.now()}@example.com` });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole' });
    groupId = (await http().post(`${API}/admin/groups`).set('Authorization', t.adminBasic).send({ name: 'Reviewers' }).expect(200)).body.id as number;
    const tenant = (await http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Elsewhere' }).expect(200)).body as Json;
    foreignUserId = await insertUser(t, { username: 'foreigner', password: 'foreigner-pw-1', tenantId: tenant.id as number });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('process-instances/{id}/identitylinks', () => {
    it('POST involves a user (type participant by default) or a group; GET lists them, users first; GET /{family} filters', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const added = await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: String(bob.id) }).expect(200);
      expect(added.body).toEqual({ user: String(bob.id), group: null, type: 'participant' });
      expect((await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ group: groupId, type: 'customType' }).expect(200)).body).toEqual({
        user: null,
        group: String(groupId),
        type: 'customType',
      });
      await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: carol.id, type: 'reviewer' }).expect(200);
      const all = (await http().get(links('process-instances', id)).set('Authorization', alice.auth).expect(200)).body as Json[];
      // The engine's starter link comes with the instance.
      expect(all).toEqual([
        { user: String(alice.id), group: null, type: 'starter' },
        { user: String(bob.id), group: null, type: 'participant' },
        { user: String(carol.id), group: null, type: 'reviewer' },
        { user: null, group: String(groupId), type: 'customType' },
      ]);
      expect((await http().get(links('process-instances', id, '/users')).set('Authorization', alice.auth).expect(200)).body).toEqual(all.slice(0, 3));
      expect((await http().get(links('process-instances', id, '/groups')).set('Authorization', alice.auth).expect(200)).body).toEqual(all.slice(3));
      expectApsError((await http().get(links('process-instances', id, '/people')).set('Authorization', alice.auth).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'family');
      // The involved user now sees the instance.
      await http().get(links('process-instances', id)).set('Authorization', bob.auth).expect(200);
      const audit = await sql(t, `SELECT type, user_id::int AS "user", details FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'task-involved' ORDER BY id`, [id]);
      expect(audit[0]).toEqual({ type: 'task-involved', user: alice.id, details: { involvedUserId: String(bob.id), linkType: 'participant' } });
      expect(audit).toHaveLength(3);
    });

    it('adding a link that exists is idempotent: 200 with the same link, no second row, no second audit entry', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: bob.id }).expect(200);
      const before = await snapshot();
      expect((await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: String(bob.id), type: 'participant' }).expect(200)).body).toEqual({
        user: String(bob.id),
        group: null,
        type: 'participant',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('concurrent identical links and concurrent first comments of one user leave one row and one audit entry each', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const adds = await Promise.all(Array.from({ length: 5 }, () => http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: carol.id, type: 'watcher' })));
      expect(adds.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      await fx.link({ instanceId: id, userId: bob.id, type: 'candidate' });
      const posts = await Promise.all(Array.from({ length: 5 }, (_, i) => http().post(comments('process-instances', id)).set('Authorization', bob.auth).send({ message: `c${i}` })));
      expect(posts.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const rows = await sql(t, `SELECT user_id::int AS u, type FROM process_engine.identity_links WHERE instance_id = $1 AND type IN ('watcher', 'participant') ORDER BY id`, [id]);
      expect(rows).toEqual([{ u: carol.id, type: 'watcher' }, { u: bob.id, type: 'participant' }]);
      expect(await sql(t, `SELECT type, count(*)::int AS n FROM process_engine.audit_entries WHERE instance_id = $1 AND type IN ('task-involved', 'comment-added') GROUP BY type ORDER BY type`, [id])).toEqual([
        { type: 'comment-added', n: 5 },
        { type: 'task-involved', n: 1 },
      ]);
    });

    it('GET and DELETE /{family}/{identityId}/{type} address one link (404 when there is none)', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ group: groupId, type: 'candidate' }).expect(200);
      expect((await http().get(links('process-instances', id, `/groups/${groupId}/candidate`)).set('Authorization', alice.auth).expect(200)).body).toEqual({
        user: null,
        group: String(groupId),
        type: 'candidate',
      });
      await http().get(links('process-instances', id, `/users/${groupId}/candidate`)).set('Authorization', alice.auth).expect(404);
      await http().get(links('process-instances', id, `/groups/${groupId}/participant`)).set('Authorization', alice.auth).expect(404);
      expect((await http().delete(links('process-instances', id, `/groups/${groupId}/candidate`)).set('Authorization', alice.auth).expect(200)).text).toBe('');
      expect((await http().get(links('process-instances', id)).set('Authorization', alice.auth).expect(200)).body).toEqual([{ user: String(alice.id), group: null, type: 'starter' }]);
      expectApsError(
        (await http().delete(links('process-instances', id, `/groups/${groupId}/candidate`)).set('Authorization', alice.auth).expect(404)).body,
        'GENERAL.ERROR.NOT-FOUND',
        'identityId',
      );
      await http().get(links('process-instances', id, '/groups/abc/candidate')).set('Authorization', alice.auth).expect(400);
    });

    it('refuses bad bodies with 400 and writes nothing: unknown user or group, one of another tenant, both or neither, malformed ids, bad type', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const before = await snapshot();
      for (const [body, field] of [
        [{ user: '999999999' }, 'user'],
        [{ user: foreignUserId }, 'user'],
        [{ group: '999999999' }, 'group'],
        [{ user: 'alice' }, 'user'],
        [{ user: String(bob.id), group: String(groupId) }, 'user'],
        [{ type: 'participant' }, 'user'],
        [{ user: String(bob.id), type: '' }, 'type'],
        [{ user: String(bob.id), type: 'x'.repeat(33) }, 'type'],
        [{ user: String(bob.id), type: 'has space' }, 'type'],
        [{ user: String(bob.id), role: 'x' }, 'role'],
      ] as const) {
        const res = await http().post(links('process-instances', id)).set('Authorization', alice.auth).send(body);
        expect({ body, status: res.status, field: res.body.field }).toEqual({ body, status: 400, field });
      }
      expect(await snapshot()).toEqual(before);
    });

    it('visibility and state: uninvolved 403, unknown or other-tenant 404, malformed 400; an ended instance takes no new links (409)', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const before = await snapshot();
      await http().get(links('process-instances', id)).set('Authorization', bob.auth).expect(403);
      await http().post(links('process-instances', id)).set('Authorization', bob.auth).send({ user: bob.id }).expect(403);
      expect(await snapshot()).toEqual(before);
      await http().get(links('process-instances', await fx.instance({ tenantId: 2 }))).set('Authorization', t.adminBasic).expect(404);
      await http().get(links('process-instances', '999999999')).set('Authorization', t.adminBasic).expect(404);
      expectApsError((await http().get(links('process-instances', 'abc')).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'processInstanceId');
      await fx.setState(id, 'completed');
      const ended = await snapshot();
      expectApsError((await http().post(links('process-instances', id)).set('Authorization', alice.auth).send({ user: bob.id }).expect(409)).body, 'GENERAL.ERROR.CONFLICT');
      expect(await snapshot()).toEqual(ended);
      await http().get(links('process-instances', id)).set('Authorization', alice.auth).expect(200);
    });
  });

  describe('tasks/{id}/identitylinks', () => {
    it('lists the assignee and owner first, then candidates and other links; POST adds links; GET one; DELETE removes', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id, ownerId: carol.id });
      await fx.link({ taskId, groupId, type: 'candidate' });
      const added = await http().post(links('tasks', taskId)).set('Authorization', alice.auth).send({ user: String(bob.id), type: 'candidate' }).expect(200);
      expect(added.body).toEqual({ user: String(bob.id), group: null, type: 'candidate' });
      await http().post(links('tasks', taskId)).set('Authorization', alice.auth).send({ user: carol.id }).expect(200);
      const all = (await http().get(links('tasks', taskId)).set('Authorization', alice.auth).expect(200)).body as Json[];
      expect(all).toEqual([
        { user: String(alice.id), group: null, type: 'assignee' },
        { user: String(carol.id), group: null, type: 'owner' },
        { user: String(bob.id), group: null, type: 'candidate' },
        { user: String(carol.id), group: null, type: 'participant' },
        { user: null, group: String(groupId), type: 'candidate' },
      ]);
      expect((await http().get(links('tasks', taskId, '/groups')).set('Authorization', alice.auth).expect(200)).body).toEqual(all.slice(4));
      expect((await http().get(links('tasks', taskId, '/users')).set('Authorization', alice.auth).expect(200)).body).toEqual(all.slice(0, 4));
      expect((await http().get(links('tasks', taskId, `/users/${alice.id}/assignee`)).set('Authorization', alice.auth).expect(200)).body).toEqual(all[0]);
      expect((await http().get(links('tasks', taskId, `/users/${bob.id}/candidate`)).set('Authorization', alice.auth).expect(200)).body).toEqual(all[2]);
      await http().get(links('tasks', taskId, `/users/${bob.id}/assignee`)).set('Authorization', alice.auth).expect(404);
      // The new candidate sees the task.
      await http().get(links('tasks', taskId)).set('Authorization', bob.auth).expect(200);
      expect((await http().delete(links('tasks', taskId, `/users/${bob.id}/candidate`)).set('Authorization', alice.auth).expect(200)).text).toBe('');
      await http().get(links('tasks', taskId, `/users/${bob.id}/candidate`)).set('Authorization', alice.auth).expect(404);
      await http().delete(links('tasks', taskId, `/users/${bob.id}/candidate`)).set('Authorization', alice.auth).expect(404);
      const audit = await sql(t, `SELECT type, details FROM process_engine.audit_entries WHERE task_id = $1 ORDER BY id`, [taskId]);
      expect(audit).toEqual([
        { type: 'task-involved', details: { involvedUserId: String(bob.id), linkType: 'candidate' } },
        { type: 'task-involved', details: { involvedUserId: String(carol.id), linkType: 'participant' } },
        { type: 'task-involvement-removed', details: { involvedUserId: String(bob.id), linkType: 'candidate' } },
      ]);
      // Each change of the task's people moved its version.
      expect(await sql(t, `SELECT version FROM process_engine.tasks WHERE id = $1`, [taskId])).toEqual([{ version: 4 }]);
    });

    it('assignee and owner links follow the task: adding or deleting them answers 400 and changes nothing', async () => {
      const taskId = await fx.task({ assigneeId: alice.id });
      const before = await snapshot();
      for (const type of ['assignee', 'owner']) {
        const res = await http().post(links('tasks', taskId)).set('Authorization', alice.auth).send({ user: bob.id, type }).expect(400);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'type');
      }
      await http().delete(links('tasks', taskId, `/users/${alice.id}/assignee`)).set('Authorization', alice.auth).expect(400);
      expect(await snapshot()).toEqual(before);
      const [row] = await sql(t, `SELECT assignee_id::int AS a FROM process_engine.tasks WHERE id = $1`, [taskId]);
      expect(row).toEqual({ a: alice.id });
    });

    it('unknown users and groups answer 400; a completed task 409; visibility 403/404; malformed ids 400', async () => {
      const taskId = await fx.task({ assigneeId: alice.id });
      const done = await fx.task({ assigneeId: alice.id, ended: true });
      const before = await snapshot();
      expectApsError((await http().post(links('tasks', taskId)).set('Authorization', alice.auth).send({ user: 999999999 }).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'user');
      expectApsError((await http().post(links('tasks', taskId)).set('Authorization', alice.auth).send({ group: 999999999 }).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'group');
      await http().post(links('tasks', done)).set('Authorization', alice.auth).send({ user: bob.id }).expect(409);
      await http().delete(links('tasks', done, `/users/${alice.id}/candidate`)).set('Authorization', alice.auth).expect(409);
      await http().get(links('tasks', taskId)).set('Authorization', bob.auth).expect(403);
      await http().post(links('tasks', taskId)).set('Authorization', bob.auth).send({ user: bob.id }).expect(403);
      await http().get(links('tasks', await fx.task({ tenantId: 2 }))).set('Authorization', t.adminBasic).expect(404);
      await http().get(links('tasks', '1x')).set('Authorization', t.adminBasic).expect(400);
      await http().get(links('tasks', taskId, '/users/0/candidate')).set('Authorization', alice.auth).expect(400);
      await http().get(links('tasks', taskId, '/users/1/not a type')).set('Authorization', alice.auth).expect(400);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('comments', () => {
    it('POST adds a comment {id, message, created, createdBy light user}; GET lists {size,total,start,data} oldest first, latestFirst=true newest first', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const first = await http().post(comments('process-instances', instanceId)).set('Authorization', alice.auth).send({ message: 'First!' }).expect(200);
      expect(first.body).toEqual({
        id: expect.any(Number),
        message: 'First!',
        created: expect.stringMatching(APS_DATE),
        createdBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: alice.email },
      });
      const second = await http().post(comments('process-instances', instanceId)).set('Authorization', t.adminBasic).send({ message: '  Second, with spaces kept  ' }).expect(200);
      expect(second.body.message).toBe('  Second, with spaces kept  ');
      expect(second.body.createdBy).toEqual({ id: 1, firstName: expect.anything(), lastName: expect.anything(), email: 'admin@example.com' });
      const page = (await http().get(comments('process-instances', instanceId)).set('Authorization', alice.auth).expect(200)).body as Json;
      expect(page).toEqual({ size: 2, total: 2, start: 0, data: [first.body, second.body] });
      const latest = (await http().get(comments('process-instances', instanceId, '?latestFirst=true')).set('Authorization', alice.auth).expect(200)).body as Json;
      expect(latest.data).toEqual([second.body, first.body]);
      await http().get(comments('process-instances', instanceId, '?latestFirst=maybe')).set('Authorization', alice.auth).expect(400);
      const audit = await sql(t, `SELECT type, user_id::int AS "user", details FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'comment-added' ORDER BY id`, [instanceId]);
      expect(audit[0]).toEqual({ type: 'comment-added', user: alice.id, details: { commentId: String(first.body.id), message: 'First!' } });
      expect(audit).toHaveLength(2);
    });

    it('task comments: on the task, and in its instance\'s list; the author becomes a participant of the instance', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await fx.link({ taskId, userId: bob.id, type: 'candidate' });
      const c = await http().post(comments('tasks', taskId)).set('Authorization', bob.auth).send({ message: 'On the task' }).expect(200);
      expect(c.body.createdBy).toEqual({ id: bob.id, firstName: 'Bob', lastName: 'Baker', email: bob.email });
      expect((await http().get(comments('tasks', taskId)).set('Authorization', alice.auth).expect(200)).body).toEqual({ size: 1, total: 1, start: 0, data: [c.body] });
      await http().post(comments('process-instances', instanceId)).set('Authorization', alice.auth).send({ message: 'On the instance' }).expect(200);
      const all = (await http().get(comments('process-instances', instanceId)).set('Authorization', alice.auth).expect(200)).body as { data: Json[] };
      expect(all.data.map((x) => x.message)).toEqual(['On the task', 'On the instance']);
      expect((await http().get(comments('tasks', taskId)).set('Authorization', alice.auth).expect(200)).body.total).toBe(1);
      expect((await http().get(links('process-instances', instanceId, '/users')).set('Authorization', alice.auth).expect(200)).body).toEqual([
        { user: String(alice.id), group: null, type: 'participant' },
        { user: String(alice.id), group: null, type: 'starter' },
        { user: String(bob.id), group: null, type: 'participant' },
      ]);
      // A second comment does not add a second link.
      await http().post(comments('tasks', taskId)).set('Authorization', bob.auth).send({ message: 'Again' }).expect(200);
      expect((await sql(t, `SELECT count(*)::int AS n FROM process_engine.identity_links WHERE instance_id = $1`, [instanceId]))[0]).toEqual({ n: 3 });
    });

    it('a comment on a standalone task involves the author on the task', async () => {
      const taskId = await fx.task({ assigneeId: alice.id });
      await http().post(comments('tasks', taskId)).set('Authorization', t.adminBasic).send({ message: 'Admin was here' }).expect(200);
      expect((await http().get(links('tasks', taskId, '/users/1/participant')).set('Authorization', alice.auth).expect(200)).body).toEqual({
        user: '1',
        group: null,
        type: 'participant',
      });
    });

    it('empty, blank, missing, non-string or over-long messages answer 400 naming message, and store nothing', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      const before = await snapshot();
      for (const body of [{ message: '' }, { message: '   ' }, {}, { message: 42 }, { message: 'x'.repeat(4001) }, { message: 'ok', extra: true }]) {
        for (const url of [comments('process-instances', instanceId), comments('tasks', taskId)]) {
          const res = await http().post(url).set('Authorization', alice.auth).send(body);
          expect({ body: Object.keys(body), status: res.status }).toEqual({ body: Object.keys(body), status: 400 });
          expect(res.body.messageKey).toBe('GENERAL.ERROR.BAD-REQUEST');
          if (!('extra' in body)) expect(res.body.field).toBe('message');
        }
      }
      expect(await snapshot()).toEqual(before);
      await http().post(comments('tasks', taskId)).set('Authorization', alice.auth).send({ message: 'y'.repeat(4000) }).expect(200);
    });

    it('visibility and state: 403 uninvolved, 404 unknown or other tenant, 400 malformed; 409 on a completed task or ended instance', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const done = await fx.task({ instanceId, assigneeId: alice.id, ended: true });
      const before = await snapshot();
      await http().get(comments('process-instances', instanceId)).set('Authorization', bob.auth).expect(403);
      await http().post(comments('process-instances', instanceId)).set('Authorization', bob.auth).send({ message: 'hi' }).expect(403);
      await http().post(comments('tasks', done)).set('Authorization', bob.auth).send({ message: 'hi' }).expect(403);
      expectApsError((await http().post(comments('tasks', done)).set('Authorization', alice.auth).send({ message: 'hi' }).expect(409)).body, 'GENERAL.ERROR.CONFLICT', 'taskId');
      await http().get(comments('tasks', done)).set('Authorization', alice.auth).expect(200);
      await http().get(comments('tasks', await fx.task({ tenantId: 2 }))).set('Authorization', t.adminBasic).expect(404);
      await http().get(comments('process-instances', '999999999')).set('Authorization', t.adminBasic).expect(404);
      await http().get(comments('process-instances', 'x')).set('Authorization', t.adminBasic).expect(400);
      await fx.setState(instanceId, 'completed');
      await http().post(comments('process-instances', instanceId)).set('Authorization', alice.auth).send({ message: 'late' }).expect(409);
      expect(await snapshot()).toEqual(before);
    });
  });
});
