import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { deployBpmn, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { API, createTenant, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { expectRefused, type Json } from './engine-tasks-fixtures.js';

const JAVA_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;

describe('aps tasks: checklists and the task audit', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let outsider: CreatedUser;

  const create = async (who: CreatedUser, name = 'Parent'): Promise<string> =>
    (await t.http().post(`${API}/tasks`).set('Authorization', who.auth).send({ name }).expect(200)).body.id as string;
  const checklist = (who: CreatedUser | 'admin', id: string) =>
    t.http().get(`${API}/tasks/${id}/checklist`).set('Authorization', who === 'admin' ? t.adminBasic : who.auth);
  const addItem = (who: CreatedUser, id: string, body: Json) => t.http().post(`${API}/tasks/${id}/checklist`).set('Authorization', who.auth).send(body);
  const reorder = (who: CreatedUser, id: string, order: unknown[]) => t.http().put(`${API}/tasks/${id}/checklist`).set('Authorization', who.auth).send({ order });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.tc@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob.tc@example.com' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole', email: 'carol.tc@example.com' });
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Elsewhere'), email: 'outsider.tc@example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('checklist', () => {
    it('items are sub-tasks appended in order, with their parent named; GET lists them in the aps envelope', async () => {
      const parent = await create(alice, 'Prepare the offer');
      expect((await checklist(alice, parent).expect(200)).body).toEqual({ size: 0, total: 0, start: 0, data: [] });
      const first = await addItem(alice, parent, { name: 'mySubtask', assignee: { id: bob.id }, parentTaskId: parent }).expect(200);
      expect(first.body).toMatchObject({
        name: 'mySubtask',
        parentTaskId: parent,
        parentTaskName: 'Prepare the offer',
        assignee: { id: bob.id, firstName: 'Bob', lastName: 'Baker', email: 'bob.tc@example.com' },
        processInstanceId: null,
        endDate: null,
      });
      const second = await addItem(alice, parent, { name: 'Second' }).expect(200);
      expect(second.body.assignee).toBeNull();
      const third = await addItem(alice, parent, { name: 'Third', assignee: { id: String(carol.id) } }).expect(200);
      const list = (await checklist(alice, parent).expect(200)).body;
      expect(list).toMatchObject({ size: 3, total: 3, start: 0 });
      expect(list.data.map((x: Json) => x.name)).toEqual(['mySubtask', 'Second', 'Third']);
      expect(list.data[0]).toEqual(first.body);
      // The item's assignee sees the item (and through it nothing of the parent).
      await t.http().get(`${API}/tasks/${first.body.id}`).set('Authorization', bob.auth).expect(200);
      await t.http().get(`${API}/tasks/${parent}`).set('Authorization', bob.auth).expect(403);
      expect(await sql(t, `SELECT type FROM process_engine.audit_entries WHERE task_id = $1`, [third.body.id])).toEqual([{ type: 'task-created' }]);
      expect(await sql(t, `SELECT type, details ->> 'itemId' AS item FROM process_engine.audit_entries WHERE task_id = $1 ORDER BY id`, [parent])).toEqual([
        { type: 'task-created', item: null },
        { type: 'checklist-item-added', item: first.body.id },
        { type: 'checklist-item-added', item: second.body.id },
        { type: 'checklist-item-added', item: third.body.id },
      ]);
    });

    it('PUT re-orders the items; the order must name every item once', async () => {
      const parent = await create(alice);
      const ids: string[] = [];
      for (const name of ['a', 'b', 'c']) ids.push((await addItem(alice, parent, { name }).expect(200)).body.id as string);
      await reorder(alice, parent, [ids[2], ids[0], ids[1]]).expect(200);
      expect((await checklist(alice, parent).expect(200)).body.data.map((x: Json) => x.name)).toEqual(['c', 'a', 'b']);
      await reorder(alice, parent, [Number(ids[1]), ids[2], ids[0]]).expect(200);
      expect((await checklist(alice, parent).expect(200)).body.data.map((x: Json) => x.name)).toEqual(['b', 'c', 'a']);
      for (const order of [[ids[0], ids[1]], [ids[0], ids[0], ids[1]], [ids[0], ids[1], ids[2], '999999'], [ids[0], ids[1], 'x'], [ids[0], ids[1], null]]) {
        await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', parent, () => reorder(alice, parent, order));
      }
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', parent, () => t.http().put(`${API}/tasks/${parent}/checklist`).set('Authorization', alice.auth).send({}));
      // An item of another checklist is not an item of this one.
      const other = await create(alice);
      const foreign = (await addItem(alice, other, { name: 'foreign' }).expect(200)).body.id as string;
      await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', parent, () => reorder(alice, parent, [ids[0], ids[1], foreign]));
      expect((await checklist(alice, parent).expect(200)).body.data.map((x: Json) => x.name)).toEqual(['b', 'c', 'a']);
    });

    it('bad items: 400; not involved: 403; other tenant: 404; completed parent: 409 — each changing nothing', async () => {
      const parent = await create(alice);
      for (const body of [{}, { name: '' }, { name: 'x', assignee: { id: 999999 } }, { name: 'x', assignee: { id: 'bob' } }, { name: 'x', assignee: { id: outsider.id } }, { name: 'x', parentTaskId: '1' }, { name: 'x', colour: 'red' }, { name: 'nul\u0000' }]) {
        await expectRefused(t, 400, 'GENERAL.ERROR.BAD-REQUEST', parent, () => addItem(alice, parent, body));
      }
      await expectRefused(t, 403, 'GENERAL.ERROR.FORBIDDEN', parent, () => addItem(carol, parent, { name: 'intruder' }));
      await checklist(carol, parent).expect(403);
      await expectRefused(t, 404, 'GENERAL.ERROR.NOT-FOUND', parent, () => addItem(outsider, parent, { name: 'intruder' }));
      await checklist(outsider, parent).expect(404);
      await checklist(alice, 'abc').expect(400);
      await checklist(alice, '999999').expect(404);
      expect((await checklist('admin', parent).expect(200)).body.total).toBe(0);
      await t.http().put(`${API}/tasks/${parent}/action/complete`).set('Authorization', alice.auth).expect(200);
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', parent, () => addItem(alice, parent, { name: 'late' }));
      await expectRefused(t, 409, 'GENERAL.ERROR.CONFLICT', parent, () => reorder(alice, parent, []));
    });
  });

  describe('GET tasks/{id}/audit', () => {
    it('an open standalone task: the document\'s fields, times as Java writes them', async () => {
      const id = await create(alice, 'Audited');
      const res = await t.http().get(`${API}/tasks/${id}/audit`).set('Authorization', alice.auth).expect(200);
      expect(res.body).toEqual({
        taskId: id,
        taskName: 'Audited',
        processInstanceId: null,
        processDefinitionName: null,
        processDefinitionVersion: null,
        assignee: 'Alice Archer',
        startTime: expect.stringMatching(JAVA_DATE),
        endTime: null,
        formData: [],
        selectedOutcome: null,
        comments: [],
      });
    });

    it('a completed process task names its definition, ends, and lists its comments with their authors', async () => {
      const deployed = await deployBpmn(t, oneTaskBpmn('audited', 'Audited process'));
      const instanceId = await startInProcess(t, alice.id, deployed.definitions[0]!.id);
      const [task] = await tasksOf(t, instanceId);
      await sql(t, `INSERT INTO process_engine.comments (tenant_id, task_id, message, created_by) VALUES (1, $1, 'Looks good', $2), (1, $1, 'Agreed', $3)`, [
        task!.id,
        alice.id,
        bob.id,
      ]);
      await t.http().put(`${API}/tasks/${task!.id}/action/complete`).set('Authorization', alice.auth).expect(200);
      const res = await t.http().get(`${API}/tasks/${task!.id}/audit`).set('Authorization', alice.auth).expect(200);
      expect(res.body).toEqual({
        taskId: task!.id,
        taskName: 'Do it',
        processInstanceId: instanceId,
        processDefinitionName: 'Audited process',
        processDefinitionVersion: 1,
        assignee: 'Alice Archer',
        startTime: expect.stringMatching(JAVA_DATE),
        endTime: expect.stringMatching(JAVA_DATE),
        formData: [],
        selectedOutcome: null,
        comments: [
          { author: 'Alice Archer', message: 'Looks good' },
          { author: 'Bob Baker', message: 'Agreed' },
        ],
      });
    });

    it('a form submission recorded in the audit trail gives formData and selectedOutcome', async () => {
      const id = await create(alice, 'With a form');
      const formData = [{ fieldId: 'amount', fieldName: 'Amount', value: '100' }];
      await sql(t, `INSERT INTO process_engine.audit_entries (tenant_id, task_id, type, user_id, details) VALUES (1, $1, 'form-submitted', $2, $3::jsonb)`, [
        id,
        alice.id,
        JSON.stringify({ formData, outcome: 'Approve' }),
      ]);
      const res = await t.http().get(`${API}/tasks/${id}/audit`).set('Authorization', alice.auth).expect(200);
      expect(res.body).toMatchObject({ formData, selectedOutcome: 'Approve' });
    });

    it('403 when not involved, 404 for unknown and other-tenant tasks, 400 for a malformed id', async () => {
      const id = await create(alice);
      expectApsError((await t.http().get(`${API}/tasks/${id}/audit`).set('Authorization', carol.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await t.http().get(`${API}/tasks/${id}/audit`).set('Authorization', outsider.auth).expect(404);
      await t.http().get(`${API}/tasks/999999/audit`).set('Authorization', alice.auth).expect(404);
      await t.http().get(`${API}/tasks/1x/audit`).set('Authorization', alice.auth).expect(400);
      await t.http().get(`${API}/tasks/${id}/audit`).set('Authorization', t.adminBasic).expect(200);
    });
  });
});
