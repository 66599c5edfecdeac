import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createTenant, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { type Definition, insertDefinition, insertInstance, insertTask, insertVariable, type Json } from './engine-tasks-fixtures.js';

type Page = { size: number; total: number; start: number; data: Json[] };

describe('aps: POST historic-tasks/query', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let dave: CreatedUser;
  let outsider: CreatedUser;
  let alpha: Definition;
  let iA: string;
  let iB: string;
  const h: Record<'h1' | 'h2' | 'h3' | 'h4', string> = { h1: '', h2: '', h3: '', h4: '' };
  let execution1: string;

  const query = async (body: Json, who: CreatedUser | 'admin' = 'admin'): Promise<Page> => {
    const res = await t
      .http()
      .post(`${API}/historic-tasks/query`)
      .set('Authorization', who === 'admin' ? t.adminBasic : who.auth)
      .send(body);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  /** The fixture names (h1…h4) of the tasks a query answers, in the answer's order. */
  const keys = async (body: Json, who: CreatedUser | 'admin' = 'admin'): Promise<string[]> => {
    const byId = new Map(Object.entries(h).map(([k, v]) => [v, k]));
    return (await query(body, who)).data.map((x) => byId.get(x.id as string) ?? `?${String(x.id)}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.th@example.com' });
    bob = await createUser(t, { email: 'bob.th@example.com' });
    carol = await createUser(t, { email: 'carol.th@example.com' });
    dave = await createUser(t, { email: 'dave.th@example.com' });
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Elsewhere'), email: 'outsider.th@example.com' });

    alpha = await insertDefinition(t, { key: 'alpha', name: 'Alpha process' });
    const beta = await insertDefinition(t, { key: 'beta', name: 'Beta flow' });
    iA = await insertInstance(t, { definitionId: alpha.id, businessKey: 'order-1' });
    iB = await insertInstance(t, { definitionId: beta.id, businessKey: 'order-2', ended: true });
    h.h1 = await insertTask(t, {
      instanceId: iA,
      definitionId: alpha.id,
      name: 'Check stock',
      description: 'Look in the warehouse',
      taskDefinitionKey: 'check',
      assigneeId: alice.id,
      ownerId: bob.id,
      priority: 30,
      created: '2026-01-01T10:00:00.000Z',
      due: '2026-02-01T00:00:00.000Z',
      ended: '2026-01-03T12:00:00.000Z',
      endReason: 'completed',
      candidateGroups: [77],
    });
    h.h2 = await insertTask(t, {
      instanceId: iA,
      definitionId: alpha.id,
      name: 'Ship goods',
      description: 'By truck',
      taskDefinitionKey: 'ship',
      assigneeId: bob.id,
      priority: 70,
      created: '2026-01-02T10:00:00.000Z',
    });
    h.h3 = await insertTask(t, {
      instanceId: iB,
      definitionId: beta.id,
      name: 'Bill customer',
      description: 'Invoice',
      taskDefinitionKey: 'bill',
      assigneeId: alice.id,
      priority: 50,
      created: '2026-01-05T10:00:00.000Z',
      due: '2026-03-01T00:00:00.000Z',
      ended: '2026-01-06T09:00:00.000Z',
      endReason: 'deleted',
    });
    h.h4 = await insertTask(t, { name: 'Call back', parentTaskId: h.h2, assigneeId: carol.id, created: '2026-01-07T10:00:00.000Z' });
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, user_id, type) VALUES (1, $1, $2, 'participant')`, [h.h2, dave.id]);
    execution1 = (await sql<{ e: string }>(t, `SELECT execution_id::text AS e FROM process_engine.tasks WHERE id = $1`, [h.h1]))[0]!.e;
    await insertVariable(t, { instanceId: iA, name: 'amount', type: 'integer', value: 5 });
    await insertVariable(t, { instanceId: iA, taskId: h.h1, name: 'note', type: 'string', value: 'n' });
    await t.http().post(`${API}/tasks`).set('Authorization', outsider.auth).send({ name: 'Other tenant' }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('no filter: every task of the tenant, open and completed, by id, in the aps envelope with the task representation', async () => {
    const page = await query({});
    expect(page).toMatchObject({ size: 4, total: 4, start: 0 });
    expect(await keys({})).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(page.data[0]).toMatchObject({
      id: h.h1,
      name: 'Check stock',
      assignee: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.th@example.com' },
      created: '2026-01-01T10:00:00.000+0000',
      dueDate: '2026-02-01T00:00:00.000+0000',
      endDate: '2026-01-03T12:00:00.000+0000',
      duration: 2 * 86_400_000 + 2 * 3_600_000,
      priority: 30,
      processInstanceId: iA,
      processDefinitionId: alpha.id,
      processDefinitionKey: 'alpha',
      taskDefinitionKey: 'check',
      variables: [],
    });
    expect(page.data[3]).toMatchObject({ parentTaskId: h.h2, parentTaskName: 'Ship goods' });
  });

  const cases: Array<[string, () => Json, string[]]> = [
    ['taskId', () => ({ taskId: h.h2 }), ['h2']],
    ['processInstanceId', () => ({ processInstanceId: iA }), ['h1', 'h2']],
    ['processDefinitionKey', () => ({ processDefinitionKey: 'beta' }), ['h3']],
    ['processDefinitionKeyLike', () => ({ processDefinitionKeyLike: 'al%' }), ['h1', 'h2']],
    ['processDefinitionId', () => ({ processDefinitionId: alpha.id }), ['h1', 'h2']],
    ['processDefinitionName', () => ({ processDefinitionName: 'Beta flow' }), ['h3']],
    ['processDefinitionNameLike', () => ({ processDefinitionNameLike: '%flow' }), ['h3']],
    ['processBusinessKey', () => ({ processBusinessKey: 'order-2' }), ['h3']],
    ['processBusinessKeyLike', () => ({ processBusinessKeyLike: 'order-%' }), ['h1', 'h2', 'h3']],
    ['executionId', () => ({ executionId: execution1 }), ['h1']],
    ['taskDefinitionKey', () => ({ taskDefinitionKey: 'ship' }), ['h2']],
    ['taskDefinitionKeyLike', () => ({ taskDefinitionKeyLike: 'b%' }), ['h3']],
    ['taskName', () => ({ taskName: 'Ship goods' }), ['h2']],
    ['taskNameLike', () => ({ taskNameLike: 'C%' }), ['h1', 'h4']],
    ['taskDescription', () => ({ taskDescription: 'Invoice' }), ['h3']],
    ['taskDescriptionLike', () => ({ taskDescriptionLike: '%truck' }), ['h2']],
    ['taskDeleteReason', () => ({ taskDeleteReason: 'deleted' }), ['h3']],
    ['taskDeleteReasonLike', () => ({ taskDeleteReasonLike: 'comp%' }), ['h1']],
    ['taskAssignee', () => ({ taskAssignee: String(alice.id) }), ['h1', 'h3']],
    ['taskAssigneeLike', () => ({ taskAssigneeLike: String(carol.id) }), ['h4']],
    ['taskOwner', () => ({ taskOwner: bob.id }), ['h1']],
    ['taskOwnerLike', () => ({ taskOwnerLike: `${bob.id}%` }), ['h1']],
    ['taskInvolvedUser (a participant)', () => ({ taskInvolvedUser: String(dave.id) }), ['h2']],
    ['taskInvolvedUser (owner and assignee)', () => ({ taskInvolvedUser: String(bob.id) }), ['h1', 'h2']],
    ['taskCandidateGroup', () => ({ taskCandidateGroup: '77' }), ['h1']],
    ['taskPriority', () => ({ taskPriority: 70 }), ['h2']],
    ['taskMinPriority', () => ({ taskMinPriority: 50 }), ['h2', 'h3', 'h4']],
    ['taskMaxPriority', () => ({ taskMaxPriority: 30 }), ['h1']],
    ['finished: true', () => ({ finished: true }), ['h1', 'h3']],
    ['finished: false', () => ({ finished: false }), ['h2', 'h4']],
    ['processFinished: true', () => ({ processFinished: true }), ['h3']],
    ['processFinished: false', () => ({ processFinished: false }), ['h1', 'h2']],
    ['parentTaskId', () => ({ parentTaskId: h.h2 }), ['h4']],
    ['dueDate', () => ({ dueDate: '2026-02-01T00:00:00.000Z' }), ['h1']],
    ['dueDateAfter', () => ({ dueDateAfter: '2026-02-15' }), ['h3']],
    ['dueDateBefore', () => ({ dueDateBefore: '2026-02-15' }), ['h1']],
    ['withoutDueDate: true', () => ({ withoutDueDate: true }), ['h2', 'h4']],
    ['withoutDueDate: false is ignored', () => ({ withoutDueDate: false }), ['h1', 'h2', 'h3', 'h4']],
    ['taskCompletedOn', () => ({ taskCompletedOn: '2026-01-03' }), ['h1']],
    ['taskCompletedAfter', () => ({ taskCompletedAfter: '2026-01-04T00:00:00Z' }), ['h3']],
    ['taskCompletedBefore', () => ({ taskCompletedBefore: '2026-01-04' }), ['h1']],
    ['taskCreatedOn', () => ({ taskCreatedOn: '2026-01-02' }), ['h2']],
    ['taskCreatedAfter', () => ({ taskCreatedAfter: '2026-01-04' }), ['h3', 'h4']],
    ['taskCreatedBefore', () => ({ taskCreatedBefore: '2026-01-02' }), ['h1']],
    ['tenantId (own)', () => ({ tenantId: '1' }), ['h1', 'h2', 'h3', 'h4']],
    ['tenantId (another)', () => ({ tenantId: 2 }), []],
    ['tenantIdLike', () => ({ tenantIdLike: '1' }), ['h1', 'h2', 'h3', 'h4']],
    ['tenantIdLike (no match)', () => ({ tenantIdLike: '9%' }), []],
    ['withoutTenantId: true', () => ({ withoutTenantId: true }), []],
    ['withoutTenantId: false is ignored', () => ({ withoutTenantId: false }), ['h1', 'h2', 'h3', 'h4']],
    ['filters combine with AND', () => ({ processInstanceId: iA, finished: true }), ['h1']],
  ];
  it.each(cases)('%s', async (_name, body, expected) => {
    expect(await keys(body())).toEqual(expected);
  });

  it('includeTaskLocalVariables and includeProcessVariables fill `variables`', async () => {
    const vars = async (body: Json) => (await query({ taskId: h.h1, ...body })).data[0]!.variables;
    expect(await vars({})).toEqual([]);
    expect(await vars({ includeTaskLocalVariables: true })).toEqual([{ name: 'note', type: 'string', value: 'n', scope: 'local' }]);
    expect(await vars({ includeProcessVariables: true })).toEqual([{ name: 'amount', type: 'integer', value: 5, scope: 'global' }]);
  });

  it('sort by Activiti\'s names and order; paging by start or page', async () => {
    expect(await keys({ sort: 'name' })).toEqual(['h3', 'h4', 'h1', 'h2']);
    expect(await keys({ sort: 'name', order: 'desc' })).toEqual(['h2', 'h1', 'h4', 'h3']);
    expect(await keys({ sort: 'startTime', order: 'desc' })).toEqual(['h4', 'h3', 'h2', 'h1']);
    expect(await keys({ sort: 'priority', order: 'desc' })).toEqual(['h2', 'h4', 'h3', 'h1']);
    expect(await keys({ sort: 'dueDate' })).toEqual(['h1', 'h3', 'h2', 'h4']);
    expect(await keys({ sort: 'endTime' })).toEqual(['h1', 'h3', 'h2', 'h4']);
    expect(await keys({ sort: 'taskInstanceId', order: 'desc' })).toEqual(['h4', 'h3', 'h2', 'h1']);
    const page = await query({ page: 1, size: 3 });
    expect(page).toMatchObject({ size: 1, total: 4, start: 3 });
    expect(await keys({ start: 1, size: 2 })).toEqual(['h2', 'h3']);
  });

  it('visibility: users see the tasks they are involved in; another tenant sees none of these', async () => {
    expect(await keys({}, alice)).toEqual(['h1', 'h3']);
    expect(await keys({}, carol)).toEqual(['h4']);
    expect(await keys({}, dave)).toEqual(['h2']);
    expect((await query({}, outsider)).data.map((x) => x.name)).toEqual(['Other tenant']);
  });

  const bad: Array<[string, Json, string]> = [
    ['taskId', { taskId: 'x' }, 'taskId'],
    ['taskAssignee', { taskAssignee: 'alice' }, 'taskAssignee'],
    ['taskPriority', { taskPriority: 'high' }, 'taskPriority'],
    ['finished', { finished: 'yes' }, 'finished'],
    ['dueDate', { dueDate: '2026-02-31' }, 'dueDate'],
    ['taskCreatedAfter', { taskCreatedAfter: 'yesterday' }, 'taskCreatedAfter'],
    ['sort', { sort: 'bogus' }, 'sort'],
    ['order', { order: 'up' }, 'order'],
    ['processVariables', { processVariables: [{ name: 'x', value: 1, operation: 'equals' }] }, 'processVariables'],
    ['size', { size: 100000 }, 'size'],
    ['unknown field', { taskColour: 'red' }, 'taskColour'],
    ['taskNameLike with a NUL character', { taskNameLike: 'x\u0000%' }, 'taskNameLike'],
  ];
  it.each(bad)('bad %s: 400 in the aps error shape', async (_name, body, field) => {
    const res = await t.http().post(`${API}/historic-tasks/query`).set('Authorization', alice.auth).send(body).expect(400);
    expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
  });
});
