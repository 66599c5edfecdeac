import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, APS_DATE, createTenant, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import {
  addGroupMember,
  createGroup,
  type Definition,
  insertDefinition,
  insertInstance,
  insertTask,
  insertVariable,
  type Json,
} from './engine-tasks-fixtures.js';

type Page = { size: number; total: number; start: number; data: Json[] };

describe('aps tasks: POST tasks/query and GET tasks/{id}', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let outsider: CreatedUser;
  let ops: number;
  let opsEu: number;
  let alpha: Definition;
  let beta: Definition;
  let iA: string;
  let iB: string;
  const id: Record<string, string> = {};

  const query = async (who: CreatedUser | 'admin', body: Json): Promise<Page> => {
    const res = await t
      .http()
      .post(`${API}/tasks/query`)
      .set('Authorization', who === 'admin' ? t.adminBasic : who.auth)
      .send(body);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  const names = async (who: CreatedUser | 'admin', body: Json): Promise<string[]> => (await query(who, body)).data.map((x) => x.name as string);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.tq@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob.tq@example.com' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole', email: 'carol.tq@example.com' });
    ops = await createGroup(t, 'Ops');
    opsEu = await createGroup(t, 'Ops EU', ops);
    await addGroupMember(t, opsEu, bob.id);

    alpha = await insertDefinition(t, { key: 'alpha', name: 'Alpha process', appId: 11, category: 'cat-a', description: 'Alpha description' });
    beta = await insertDefinition(t, { key: 'beta', name: 'Beta process', appId: 12 });
    iA = await insertInstance(t, { definitionId: alpha.id, name: 'Alpha #1', businessKey: 'BK-1', startedBy: 1 });
    iB = await insertInstance(t, { definitionId: beta.id, name: 'Beta #1', startedBy: 1 });
    const common = (i: string, d: Definition) => ({ instanceId: i, definitionId: d.id });
    id.review = await insertTask(t, {
      ...common(iA, alpha),
      name: 'Review invoice',
      taskDefinitionKey: 'review',
      assigneeId: alice.id,
      created: '2026-01-01T10:00:00.000Z',
      due: '2026-02-01T10:00:00.000Z',
      formKey: '5',
      description: 'Check the amounts',
    });
    id.approve = await insertTask(t, { ...common(iA, alpha), name: 'Approve 100%_deal', candidateUsers: [alice.id], created: '2026-01-02T10:00:00.000Z', due: '2026-03-01T10:00:00.000Z' });
    id.ship = await insertTask(t, { ...common(iB, beta), name: 'Ship order', candidateGroups: [ops], created: '2026-01-03T10:00:00.000Z' });
    id.contract = await insertTask(t, {
      ...common(iB, beta),
      name: 'Review contract',
      assigneeId: bob.id,
      created: '2026-01-04T10:00:00.000Z',
      ended: '2026-01-05T10:00:00.000Z',
    });
    id.pack = await insertTask(t, { ...common(iB, beta), name: 'Pack order', candidateGroups: [opsEu], assigneeId: carol.id, created: '2026-01-06T10:00:00.000Z' });
    const created = await t.http().post(`${API}/tasks`).set('Authorization', alice.auth).send({ name: 'Call customer' }).expect(200);
    id.call = created.body.id as string;
    await sql(t, `UPDATE process_engine.tasks SET created_at = '2026-01-07T10:00:00Z' WHERE id = $1`, [id.call]);
    await insertVariable(t, { instanceId: iA, name: 'amount', type: 'integer', value: 100 });
    await insertVariable(t, { taskId: id.review, instanceId: iA, name: 'note', type: 'string', value: 'urgent' });

    // Another tenant with its own user and task.
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Other Co'), email: 'outsider.tq@example.com' });
    const other = await t.http().post(`${API}/tasks`).set('Authorization', outsider.auth).send({ name: 'Review other tenant' }).expect(200);
    id.other = other.body.id as string;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the task representation', () => {
    it('answers every field of the document (and Alfresco\'s TaskRepresentation) for a process task', async () => {
      const page = await query(alice, { assignment: 'assignee', processInstanceId: iA });
      expect(page).toEqual({ size: 1, total: 1, start: 0, data: [expect.any(Object)] });
      expect(page.data[0]).toEqual({
        id: id.review,
        name: 'Review invoice',
        description: 'Check the amounts',
        category: null,
        assignee: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.tq@example.com' },
        created: '2026-01-01T10:00:00.000+0000',
        dueDate: '2026-02-01T10:00:00.000+0000',
        endDate: null,
        duration: null,
        priority: 50,
        parentTaskId: null,
        parentTaskName: null,
        processInstanceId: iA,
        processInstanceName: 'Alpha #1',
        processDefinitionId: alpha.id,
        processDefinitionName: 'Alpha process',
        processDefinitionDescription: 'Alpha description',
        processDefinitionKey: 'alpha',
        processDefinitionCategory: 'cat-a',
        processDefinitionVersion: 1,
        processDefinitionDeploymentId: alpha.deploymentId,
        formKey: '5',
        processInstanceStartUserId: '1',
        initiatorCanCompleteTask: false,
        adhocTaskCanBeReassigned: false,
        taskDefinitionKey: 'review',
        executionId: expect.any(String),
        involvedPeople: [],
        involvedGroups: [],
        managerOfCandidateGroup: false,
        memberOfCandidateGroup: false,
        memberOfCandidateUsers: false,
        variables: [],
      });
    });

    it('a completed task carries its end date and duration; candidate flags follow the caller', async () => {
      const [contract] = (await query(bob, { state: 'completed' })).data;
      expect(contract).toMatchObject({ id: id.contract, endDate: '2026-01-05T10:00:00.000+0000', duration: 86_400_000 });
      const [ship] = (await query(bob, { assignment: 'candidate' })).data;
      expect(ship).toMatchObject({ id: id.ship, memberOfCandidateGroup: true, memberOfCandidateUsers: false, managerOfCandidateGroup: false });
      expect(ship!.involvedGroups).toEqual([{ id: ops, name: 'Ops', externalId: null, status: 'active' }]);
      const [approve] = (await query(alice, { assignment: 'candidate' })).data;
      expect(approve).toMatchObject({ id: id.approve, memberOfCandidateGroup: false, memberOfCandidateUsers: true, assignee: null });
    });

    it('managerOfCandidateGroup: the caller manages a candidate group of the task', async () => {
      await sql(t, `UPDATE org_structure.groups SET manager_id = 1 WHERE id = $1`, [ops]);
      try {
        expect((await t.http().get(`${API}/tasks/${id.ship}`).set('Authorization', t.adminBasic).expect(200)).body.managerOfCandidateGroup).toBe(true);
        expect((await t.http().get(`${API}/tasks/${id.ship}`).set('Authorization', bob.auth).expect(200)).body.managerOfCandidateGroup).toBe(false);
        expect((await t.http().get(`${API}/tasks/${id.pack}`).set('Authorization', t.adminBasic).expect(200)).body.managerOfCandidateGroup).toBe(false);
      } finally {
        await sql(t, `UPDATE org_structure.groups SET manager_id = NULL WHERE id = $1`, [ops]);
      }
    });

    it('involvedGroups keeps a candidate group deleted since, without its name', async () => {
      const gone = await createGroup(t, 'Short-lived');
      const taskId = await insertTask(t, { name: 'Orphaned', candidateGroups: [gone, ops] });
      try {
        await t.http().delete(`${API}/admin/groups/${gone}`).set('Authorization', t.adminBasic).expect(200);
        const res = await t.http().get(`${API}/tasks/${taskId}`).set('Authorization', t.adminBasic).expect(200);
        expect(res.body.involvedGroups).toEqual([
          { id: gone, name: null, externalId: null, status: null },
          { id: ops, name: 'Ops', externalId: null, status: 'active' },
        ]);
      } finally {
        await sql(t, `DELETE FROM process_engine.tasks WHERE id = $1`, [taskId]);
      }
    });

    it('GET tasks/{id} answers the same representation', async () => {
      const [listed] = (await query(alice, { assignment: 'assignee', processInstanceId: iA })).data;
      const res = await t.http().get(`${API}/tasks/${id.review}`).set('Authorization', alice.auth).expect(200);
      expect(res.body).toEqual(listed);
      expect(res.body.created).toMatch(APS_DATE);
    });
  });

  describe('visibility', () => {
    it('the default (involved) list holds the tasks the caller is involved in, open ones, newest first', async () => {
      expect(await names(alice, {})).toEqual(['Call customer', 'Approve 100%_deal', 'Review invoice']);
      expect(await names(bob, {})).toEqual(['Pack order', 'Ship order']);
      expect(await names(bob, { assignment: 'involved' })).toEqual(['Pack order', 'Ship order']);
      expect(await names(carol, {})).toEqual(['Pack order']);
    });

    it('a user involved in the process instance sees its tasks', async () => {
      const dave = await createUser(t, { email: 'dave.tq@example.com' });
      expect(await names(dave, {})).toEqual([]);
      await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, instance_id, user_id, type) VALUES (1, $1, $2, 'participant')`, [iA, dave.id]);
      expect(await names(dave, {})).toEqual(['Approve 100%_deal', 'Review invoice']);
    });

    it('an admin sees every task of the tenant, never another tenant\'s', async () => {
      expect(await names('admin', { state: 'all', sort: 'created-asc' })).toEqual([
        'Review invoice',
        'Approve 100%_deal',
        'Ship order',
        'Review contract',
        'Pack order',
        'Call customer',
      ]);
      expect(await names(outsider, { state: 'all' })).toEqual(['Review other tenant']);
    });

    it('GET tasks/{id}: 403 when not involved, 404 for another tenant\'s or an unknown task, 400 for a malformed id', async () => {
      expectApsError((await t.http().get(`${API}/tasks/${id.review}`).set('Authorization', carol.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await t.http().get(`${API}/tasks/${id.other}`).set('Authorization', alice.auth).expect(404);
      await t.http().get(`${API}/tasks/${id.other}`).set('Authorization', t.adminBasic).expect(404);
      expectApsError((await t.http().get(`${API}/tasks/999999`).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      expectApsError((await t.http().get(`${API}/tasks/abc`).set('Authorization', alice.auth).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'taskId');
      await t.http().get(`${API}/tasks/${id.review}`).expect(401);
    });
  });

  describe('assignment', () => {
    it('assignee: tasks the caller holds', async () => {
      expect(await names(alice, { assignment: 'assignee' })).toEqual(['Call customer', 'Review invoice']);
      expect(await names(carol, { assignment: 'assignee' })).toEqual(['Pack order']);
    });

    it('candidate: unassigned tasks where the caller is a candidate user or in a candidate group (nested groups count)', async () => {
      expect(await names(alice, { assignment: 'candidate' })).toEqual(['Approve 100%_deal']);
      // bob is in Ops EU, a sub-group of Ops: a candidate of "Ship order"; "Pack order" (Ops EU) is held by carol.
      expect(await names(bob, { assignment: 'candidate' })).toEqual(['Ship order']);
      expect(await names(carol, { assignment: 'candidate' })).toEqual([]);
    });

    it('group_{id}: unassigned tasks of that candidate group, for its members only', async () => {
      expect(await names(bob, { assignment: `group_${ops}` })).toEqual(['Ship order']);
      expect(await names(bob, { assignment: `group_${opsEu}` })).toEqual([]);
      expect(await names(alice, { assignment: `group_${ops}` })).toEqual([]);
      expect(await names('admin', { assignment: `group_${ops}` })).toEqual(['Ship order']);
      await sql(t, `UPDATE process_engine.tasks SET assignee_id = NULL WHERE id = $1`, [id.pack]);
      try {
        expect(await names(bob, { assignment: `group_${opsEu}` })).toEqual(['Pack order']);
        expect(await names(bob, { assignment: `group_${ops}` })).toEqual(['Ship order']);
      } finally {
        await sql(t, `UPDATE process_engine.tasks SET assignee_id = $2 WHERE id = $1`, [id.pack, carol.id]);
      }
    });
  });

  describe('filters', () => {
    it('state: open by default (active is the same), completed, all', async () => {
      expect(await names(bob, { state: 'open' })).toEqual(['Pack order', 'Ship order']);
      expect(await names(bob, { state: 'active' })).toEqual(['Pack order', 'Ship order']);
      expect(await names(bob, { state: 'completed' })).toEqual(['Review contract']);
      expect(await names(bob, { state: 'all' })).toEqual(['Pack order', 'Review contract', 'Ship order']);
    });

    it('text: case-insensitive substring of the name; LIKE wildcards match literally', async () => {
      expect(await names('admin', { text: 'REVIEW' })).toEqual(['Review invoice']);
      expect(await names('admin', { text: 'review', state: 'all' })).toEqual(['Review contract', 'Review invoice']);
      expect(await names('admin', { text: '%_' })).toEqual(['Approve 100%_deal']);
      expect(await names('admin', { text: '_' })).toEqual(['Approve 100%_deal']);
    });

    it('appDefinitionId, processInstanceId, processDefinitionId', async () => {
      expect(await names('admin', { appDefinitionId: 11 })).toEqual(['Approve 100%_deal', 'Review invoice']);
      expect(await names('admin', { appDefinitionId: 12, state: 'all' })).toEqual(['Pack order', 'Review contract', 'Ship order']);
      expect(await names('admin', { appDefinitionId: 13 })).toEqual([]);
      expect(await names('admin', { processInstanceId: iB })).toEqual(['Pack order', 'Ship order']);
      expect(await names('admin', { processInstanceId: Number(iA) })).toEqual(['Approve 100%_deal', 'Review invoice']);
      expect(await names('admin', { processDefinitionId: alpha.id })).toEqual(['Approve 100%_deal', 'Review invoice']);
      expect(await names('admin', { processDefinitionId: 'nope:1:1' })).toEqual([]);
    });

    it('taskId (sent by the js-api) narrows to one task, still within what the caller sees', async () => {
      expect(await names('admin', { taskId: id.ship })).toEqual(['Ship order']);
      expect(await names(alice, { taskId: Number(id.review) })).toEqual(['Review invoice']);
      expect(await names(alice, { taskId: id.ship })).toEqual([]);
    });

    it('dueAfter and dueBefore (exclusive)', async () => {
      expect(await names('admin', { dueAfter: '2026-02-15T00:00:00.000Z' })).toEqual(['Approve 100%_deal']);
      expect(await names('admin', { dueBefore: '2026-02-15T00:00:00Z' })).toEqual(['Review invoice']);
      expect(await names('admin', { dueAfter: '2026-02-01T10:00:00.000Z' })).toEqual(['Approve 100%_deal']);
      expect(await names('admin', { dueAfter: '2026-01-01', dueBefore: '2026-04-01' })).toEqual(['Approve 100%_deal', 'Review invoice']);
    });

    it('includeProcessVariables and includeTaskLocalVariables fill `variables`', async () => {
      const variables = async (body: Json) =>
        (await query(alice, { assignment: 'assignee', processInstanceId: iA, ...body })).data[0]!.variables;
      expect(await variables({})).toEqual([]);
      expect(await variables({ includeProcessVariables: true })).toEqual([{ name: 'amount', type: 'integer', value: 100, scope: 'global' }]);
      expect(await variables({ includeTaskLocalVariables: true })).toEqual([{ name: 'note', type: 'string', value: 'urgent', scope: 'local' }]);
      expect(await variables({ includeProcessVariables: true, includeTaskLocalVariables: true })).toEqual([
        { name: 'amount', type: 'integer', value: 100, scope: 'global' },
        { name: 'note', type: 'string', value: 'urgent', scope: 'local' },
      ]);
    });

    it('sort: created-desc (default), created-asc, due-asc and due-desc with undated tasks last', async () => {
      expect(await names('admin', { sort: 'created-desc' })).toEqual(['Call customer', 'Pack order', 'Ship order', 'Approve 100%_deal', 'Review invoice']);
      expect(await names('admin', { sort: 'created-asc' })).toEqual(['Review invoice', 'Approve 100%_deal', 'Ship order', 'Pack order', 'Call customer']);
      expect((await names('admin', { sort: 'due-asc' })).slice(0, 2)).toEqual(['Review invoice', 'Approve 100%_deal']);
      expect((await names('admin', { sort: 'due-desc' })).slice(0, 2)).toEqual(['Approve 100%_deal', 'Review invoice']);
    });

    it('paging: start is an offset, page a page number (wins over start), size defaults to 25', async () => {
      const all = await query('admin', { sort: 'created-asc' });
      expect(all).toMatchObject({ size: 5, total: 5, start: 0 });
      const second = await query('admin', { sort: 'created-asc', start: 1, size: 2 });
      expect(second).toMatchObject({ size: 2, total: 5, start: 1 });
      expect(second.data.map((x) => x.name)).toEqual(['Approve 100%_deal', 'Ship order']);
      const page = await query('admin', { sort: 'created-asc', page: 1, size: 2, start: 4 });
      expect(page).toMatchObject({ size: 2, total: 5, start: 2 });
      expect(page.data.map((x) => x.name)).toEqual(['Ship order', 'Pack order']);
      expect(await query('admin', { start: 10 })).toEqual({ size: 0, total: 5, start: 10, data: [] });
      const many = await Promise.all(Array.from({ length: 26 }, (_, i) => insertTask(t, { name: `bulk ${i}`, assigneeId: carol.id })));
      try {
        expect(await query(carol, { assignment: 'assignee' })).toMatchObject({ size: 25, total: 27, start: 0 });
      } finally {
        await sql(t, `DELETE FROM process_engine.tasks WHERE id = ANY($1::bigint[])`, [many]);
      }
    });
  });

  describe('bad input: 400 in the aps error shape', () => {
    const bad: Array<[string, Json, string]> = [
      ['state', { state: 'bogus' }, 'state'],
      ['sort', { sort: 'name-asc' }, 'sort'],
      ['assignment', { assignment: 'everyone' }, 'assignment'],
      ['assignment group id', { assignment: 'group_abc' }, 'assignment'],
      ['dueAfter', { dueAfter: 'tomorrow' }, 'dueAfter'],
      ['dueBefore', { dueBefore: '2026-02-30T00:00:00Z' }, 'dueBefore'],
      ['processInstanceId', { processInstanceId: 'abc' }, 'processInstanceId'],
      ['appDefinitionId', { appDefinitionId: 'x' }, 'appDefinitionId'],
      ['size', { size: 0 }, 'size'],
      ['start', { start: -1 }, 'start'],
      ['includeProcessVariables', { includeProcessVariables: 'yes' }, 'includeProcessVariables'],
      ['unknown field', { colour: 'red' }, 'colour'],
      ['text with a NUL character', { text: 'a\u0000b' }, 'text'],
      ['processDefinitionId with a NUL character', { processDefinitionId: 'a\u0000' }, 'processDefinitionId'],
      ['appDefinitionId beyond any id', { appDefinitionId: 1e20 }, 'appDefinitionId'],
    ];
    it.each(bad)('%s', async (_name, body, field) => {
      const res = await t.http().post(`${API}/tasks/query`).set('Authorization', alice.auth).send(body).expect(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
    });
  });
});
