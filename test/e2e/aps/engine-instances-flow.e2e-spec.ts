import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { completeInProcess, deployBpmn, exclusiveBpmn, oneTaskBpmn, tasksOf } from '../../support/engine.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { engineSnapshot } from './engine-instances-fixtures.js';

type Json = Record<string, unknown>;

/** Real deploy → start → complete flows through the aps process-instance, historic and audit endpoints. */
describe('aps process instances: deploy → start → complete', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let tenantAdmin: CreatedUser;
  let stranger: CreatedUser;
  let otherTenant: number;
  let oneTaskId: string;
  let oneTaskV2: string;
  let foreignDefId: string;

  const start = (auth: string, body: unknown) => t.http().post(`${API}/process-instances`).set('Authorization', auth).send(body as object);
  const instanceCount = async (): Promise<number> => Number((await sql<{ n: string }>(t, `SELECT count(*) AS n FROM process_engine.process_instances`))[0]!.n);
  const historic = async (auth: string, body: Json = {}): Promise<Json> =>
    (await t.http().post(`${API}/historic-process-instances/query`).set('Authorization', auth).send(body).expect(200)).body as Json;
  const ids = (page: Json): string[] => (page.data as Json[]).map((x) => x.id as string);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.flow@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cook' });
    tenantAdmin = await createTenantAdmin(t);
    otherTenant = await createTenant(t, 'Flow Other Co');
    stranger = await createUser(t, { tenantId: otherTenant });
    oneTaskId = (await deployBpmn(t, oneTaskBpmn('oneTask', 'One task'))).definitions[0]!.id;
    oneTaskV2 = (await deployBpmn(t, oneTaskBpmn('oneTask', 'One task v2'))).definitions[0]!.id;
    await grantStrangerAdmin();
    foreignDefId = (await deployBpmn(t, oneTaskBpmn('oneTask', 'Foreign'), 'p.bpmn20.xml', stranger.auth)).definitions[0]!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function grantStrangerAdmin(): Promise<void> {
    await sql(t, `INSERT INTO identity.user_authorities (user_id, permission_id) SELECT $1, id FROM identity.permissions WHERE code = 'tenant-admin'`, [stranger.id]);
  }

  describe('POST process-instances', () => {
    it('starts by key (latest version) and answers 200 with the process instance representation', async () => {
      const res = await start(alice.auth, { processDefinitionKey: 'oneTask', name: 'My first', businessKey: 'BK-1', variables: [{ name: 'amount', type: 'integer', value: 5 }] }).expect(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        name: 'My first',
        businessKey: 'BK-1',
        processDefinitionId: oneTaskV2,
        tenantId: 1,
        started: expect.stringMatching(APS_DATE),
        ended: null,
        startedBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.flow@example.com' },
        processDefinitionName: 'One task v2',
        processDefinitionDescription: null,
        processDefinitionKey: 'oneTask',
        processDefinitionCategory: null,
        processDefinitionVersion: 2,
        processDefinitionDeploymentId: oneTaskV2.split(':')[2],
        graphicalNotationDefined: false,
        startFormDefined: false,
        suspended: false,
        variables: expect.arrayContaining([{ name: 'amount', type: 'integer', value: 5 }]),
        incidents: 0,
      });
      const tasks = await tasksOf(t, res.body.id as string);
      expect(tasks).toEqual([expect.objectContaining({ name: 'Do it', assigneeId: String(alice.id) })]);
      const got = await t.http().get(`${API}/process-instances/${res.body.id}`).set('Authorization', alice.auth).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it('starts by id; the assignee of its task sees it, a user not involved does not', async () => {
      const res = await start(alice.auth, { processDefinitionId: oneTaskId }).expect(200);
      expect(res.body).toMatchObject({ processDefinitionId: oneTaskId, processDefinitionVersion: 1, name: null, variables: expect.any(Array) });
      await t.http().get(`${API}/process-instances/${res.body.id}`).set('Authorization', carol.auth).expect(403);
      const q = await t.http().post(`${API}/process-instances/query`).set('Authorization', carol.auth).send({ state: 'all' }).expect(200);
      expect(ids(q.body as Json)).not.toContain(res.body.id);
    });

    it('bad input answers a clear 4xx and starts nothing', async () => {
      const before = await instanceCount();
      const snapshot = await engineSnapshot(t);
      const cases: Array<[unknown, number, string | undefined]> = [
        [{ processDefinitionId: oneTaskId, processDefinitionKey: 'oneTask' }, 400, 'processDefinitionId'],
        [{}, 400, 'processDefinitionId'],
        [{ processDefinitionId: 'nope:1:999999' }, 404, 'processDefinitionId'],
        [{ processDefinitionKey: 'noSuchKey' }, 404, 'processDefinitionKey'],
        [{ processDefinitionId: foreignDefId }, 404, 'processDefinitionId'],
        [{ processDefinitionKey: 'oneTask', variables: [{ name: 'amount', type: 'integer', value: 'abc' }] }, 400, undefined],
        [{ processDefinitionKey: 'oneTask', variables: [{ name: 'when', type: 'date', value: 'yesterday' }] }, 400, undefined],
        [{ processDefinitionKey: 'oneTask', variables: [{ name: 'x', type: 'widget', value: 1 }] }, 400, undefined],
        [{ processDefinitionKey: 'oneTask', variables: [{ name: 'flag', type: 'boolean', value: 'maybe' }] }, 400, undefined],
        [{ processDefinitionKey: 'oneTask', variables: [{ type: 'string', value: 'no name' }] }, 400, undefined],
        [{ processDefinitionKey: 'oneTask', variables: { name: 'a', value: 1 } }, 400, 'variables'],
        [{ processDefinitionKey: 'oneTask', variables: [{ name: 'a', value: 1 }], values: { a: 1 } }, 400, 'variables'],
        [{ processDefinitionKey: 'oneTask', name: 'x'.repeat(256) }, 400, 'name'],
        [{ processDefinitionKey: 'oneTask', surprise: true }, 400, undefined],
        [{ processDefinitionKey: 42 }, 400, 'processDefinitionKey'],
      ];
      for (const [body, status, field] of cases) {
        const res = await start(alice.auth, body);
        expect({ body, status: res.status }).toEqual({ body, status });
        expectApsError(res.body, status === 400 ? 'GENERAL.ERROR.BAD-REQUEST' : 'GENERAL.ERROR.NOT-FOUND', field);
      }
      expect(await instanceCount()).toBe(before);
      expect(await engineSnapshot(t)).toEqual(snapshot);
    });
  });

  describe('complete → ended; audit log and historic query', () => {
    let done: string;
    let open: string;

    beforeAll(async () => {
      done = (await start(alice.auth, { processDefinitionId: oneTaskId, name: 'To finish', businessKey: 'FIN' }).expect(200)).body.id as string;
      const [task] = await tasksOf(t, done);
      await completeInProcess(t, alice.id, task!.id);
      open = (await start(bob.auth, { processDefinitionKey: 'oneTask', name: 'Bob open', variables: [{ name: 'note', value: 'hi' }] }).expect(200)).body.id as string;
    });

    it('a completed instance is listed as completed with its end date', async () => {
      const got = await t.http().get(`${API}/process-instances/${done}`).set('Authorization', alice.auth).expect(200);
      expect(got.body).toMatchObject({ id: done, ended: expect.stringMatching(APS_DATE), suspended: false });
      const completed = await t.http().post(`${API}/process-instances/query`).set('Authorization', alice.auth).send({ state: 'completed' }).expect(200);
      expect(ids(completed.body as Json)).toEqual([done]);
      const running = await t.http().post(`${API}/process-instances/query`).set('Authorization', alice.auth).send({}).expect(200);
      expect(ids(running.body as Json)).not.toContain(done);
      // The ended instance cannot be suspended or deleted.
      await t.http().put(`${API}/process-instances/${done}/suspend`).set('Authorization', alice.auth).expect(409);
      await t.http().delete(`${API}/process-instances/${done}`).set('Authorization', alice.auth).expect(409);
    });

    it('the audit log shows the start, the task created and completed, and the end, in time order', async () => {
      const res = await t.http().get(`${API}/process-instances/${done}/audit-log`).set('Authorization', alice.auth).expect(200);
      expect(res.body).toMatchObject({
        processInstanceId: done,
        processInstanceName: 'To finish',
        processDefinitionName: 'One task',
        processDefinitionVersion: '1',
        processInstanceInitiator: 'Alice Archer',
        processInstanceEndTime: expect.stringMatching(/UTC \d{4}$/),
      });
      const entries = res.body.entries as Json[];
      expect(entries.map((e) => e.index)).toEqual(entries.map((_e, i) => i + 1));
      const activities = entries.filter((e) => e.type === 'activityExecuted').map((e) => [e.activityId, e.activityType]);
      expect(activities).toEqual([
        ['start', 'startEvent'],
        ['task', 'userTask'],
        ['end', 'endEvent'],
      ]);
      const created = entries.findIndex((e) => e.type === 'taskCreated');
      const completed = entries.findIndex((e) => e.type === 'taskCompleted');
      expect(created).toBeGreaterThan(-1);
      expect(completed).toBeGreaterThan(created);
      expect(entries[created]).toMatchObject({ taskName: 'Do it', taskAssignee: 'Alice Archer' });
      expect(entries[completed]).toMatchObject({ taskName: 'Do it', taskAssignee: 'Alice Archer', durationInMillis: expect.any(Number) });
    });

    it('historic query: every parameter filters; paging, sort and visibility', async () => {
      const all = await historic(t.adminBasic, { size: 100 });
      const everyone = ids(all);
      expect(everyone).toEqual([...everyone].sort((a, b) => Number(a) - Number(b)));
      expect(everyone).toEqual(expect.arrayContaining([done, open]));
      expect(ids(await historic(t.adminBasic, { processInstanceId: done }))).toEqual([done]);
      expect(ids(await historic(t.adminBasic, { processInstanceId: Number(done) }))).toEqual([done]);
      expect(ids(await historic(t.adminBasic, { processInstanceIds: [done, open] }))).toEqual([done, open].sort((a, b) => Number(a) - Number(b)));
      expect(ids(await historic(t.adminBasic, { businessKey: 'FIN' }))).toEqual([done]);
      expect(ids(await historic(t.adminBasic, { processBusinessKey: 'FIN' }))).toEqual([done]);
      // Activiti's QueryVariable conditions on instance variables.
      const note = (operation: string, value: unknown) => historic(t.adminBasic, { variables: [{ name: 'note', operation, value }], size: 100 });
      expect(ids(await note('equals', 'hi'))).toEqual([open]);
      expect(ids(await note('equalsIgnoreCase', 'HI'))).toEqual([open]);
      expect(ids(await note('like', 'h%'))).toEqual([open]);
      expect(ids(await note('notEquals', 'hi'))).toEqual([]);
      expect(ids(await note('greaterThan', 'ha'))).toEqual([open]);
      const amount = (operation: string, value: unknown) => historic(t.adminBasic, { variables: [{ name: 'amount', operation, value, type: 'integer' }], size: 100 });
      expect(ids(await amount('equals', 5))).toHaveLength(1);
      expect(ids(await amount('greaterThan', 4))).toEqual(ids(await amount('equals', 5)));
      expect(ids(await amount('lessThan', 5))).toEqual([]);
      expect(ids(await amount('lessThanOrEquals', 5))).toEqual(ids(await amount('greaterThanOrEquals', 5)));
      expect(ids(await historic(t.adminBasic, { finished: true }))).toEqual([done]);
      expect(ids(await historic(t.adminBasic, { finished: false }))).not.toContain(done);
      expect(ids(await historic(t.adminBasic, { processDefinitionId: oneTaskId }))).toContain(done);
      expect(ids(await historic(t.adminBasic, { processDefinitionId: oneTaskId }))).not.toContain(open);
      expect(ids(await historic(t.adminBasic, { processDefinitionKey: 'oneTask', size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { processDefinitionKey: 'other' }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { startedBy: bob.id }))).toEqual([open]);
      expect(ids(await historic(t.adminBasic, { involvedUser: String(bob.id) }))).toEqual([open]);
      expect(ids(await historic(t.adminBasic, { superProcessInstanceId: done }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { excludeSubprocesses: true, size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { tenantId: '1', size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { tenantId: otherTenant }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { tenantIdLike: '%1', size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { withoutTenantId: true }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { withoutTenantId: false, size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { startedAfter: '2000-01-01', size: 100 }))).toEqual(everyone);
      expect(ids(await historic(t.adminBasic, { startedBefore: '2000-01-01' }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { startedAfter: '2999-01-01T00:00:00' }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { finishedAfter: '2000-01-01T00:00:00Z' }))).toEqual([done]);
      expect(ids(await historic(t.adminBasic, { finishedBefore: '2000-01-01' }))).toEqual([]);
      expect(ids(await historic(t.adminBasic, { sort: 'processInstanceId', order: 'desc', size: 100 }))).toEqual([...everyone].reverse());
      expect(ids(await historic(t.adminBasic, { sort: 'endTime', order: 'asc' }))[0]).toBe(done);
      const paged = await historic(t.adminBasic, { size: 1, page: 1 });
      expect(paged).toMatchObject({ size: 1, total: everyone.length, start: 1 });
      expect(ids(paged)).toEqual([everyone[1]]);
      expect(ids(await historic(t.adminBasic, { size: 1, start: 2 }))).toEqual([everyone[2]]);
      // includeProcessVariables fills variables.
      const withVars = await historic(t.adminBasic, { processInstanceId: open, includeProcessVariables: true });
      expect((withVars.data as Json[])[0]!.variables).toEqual(expect.arrayContaining([{ name: 'note', type: 'string', value: 'hi' }]));
      expect(((await historic(t.adminBasic, { processInstanceId: open })).data as Json[])[0]!.variables).toEqual([]);
      // Visibility: carol is involved in nothing; alice sees hers only; the other tenant sees none of ours.
      expect(ids(await historic(carol.auth))).toEqual([]);
      expect(ids(await historic(alice.auth, { size: 100 }))).not.toContain(open);
      expect(ids(await historic(tenantAdmin.auth, { size: 100 }))).toEqual(everyone);
      expect(ids(await historic(stranger.auth, { size: 100 })).filter((id) => everyone.includes(id))).toEqual([]);
    });

    it('historic query bad input: 400 in the aps shape', async () => {
      for (const body of [
        { finished: 'yes' },
        { startedAfter: 'yesterday' },
        { startedAfter: '2016-02-30' },
        { startedAfter: '2016-02-30T10:00:00Z' },
        { finishedBefore: '2016-04-31T00:00:00+02:00' },
        { finishedBefore: '2016-13-01' },
        { processInstanceId: 'abc' },
        { processInstanceIds: ['1', 'x'] },
        { startedBy: -1 },
        { involvedUser: '9999999999999999999' },
        { processInstanceId: 9223372036854775807 },
        { sort: 'name' },
        { order: 'up' },
        { size: 0 },
        { nonsense: 1 },
        { variables: [{ name: 'note', operation: 'matches', value: 'x' }] },
        { variables: [{ name: 'note', operation: 'like', value: 3 }] },
        { variables: [{ name: 'note', operation: 'greaterThan', value: true }] },
        { variables: { name: 'note', operation: 'equals', value: 'x' } },
      ]) {
        const res = await t.http().post(`${API}/historic-process-instances/query`).set('Authorization', t.adminBasic).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
      }
    });
  });

  describe('candidate starters and start forms on deployed definitions', () => {
    it('once a definition has candidate starters, others get 403 and start nothing; the starter and admins may start', async () => {
      const base = `${API}/process-definitions/${encodeURIComponent(oneTaskId)}/identitylinks`;
      await t.http().post(base).set('Authorization', t.adminBasic).send({ user: String(bob.id) }).expect(200);
      const before = await engineSnapshot(t);
      const refused = await start(carol.auth, { processDefinitionId: oneTaskId }).expect(403);
      expectApsError(refused.body, 'GENERAL.ERROR.FORBIDDEN');
      expect(await engineSnapshot(t)).toEqual(before);
      const listed = await t.http().get(`${API}/process-definitions`).set('Authorization', carol.auth).expect(200);
      expect((listed.body.data as Json[]).map((d) => d.id)).not.toContain(oneTaskId);
      await start(bob.auth, { processDefinitionId: oneTaskId }).expect(200);
      await start(tenantAdmin.auth, { processDefinitionId: oneTaskId }).expect(200);
      await t.http().delete(`${base}/users/${bob.id}`).set('Authorization', t.adminBasic).expect(200);
      await start(carol.auth, { processDefinitionId: oneTaskId }).expect(200);
    });

    it('a start event with a form key: hasStartForm, the start form shape, start with values and outcome, the startForm audit entry', async () => {
      const xml = oneTaskBpmn('withForm', 'With form').replace('<startEvent id="start" activiti:initiator="initiator"/>', '<startEvent id="start" activiti:initiator="initiator" activiti:formKey="request-form"/>');
      // A formKey that names no form: no start form.
      const bare = (await deployBpmn(t, xml.replace('id="withForm"', 'id="withoutForm"'))).definitions[0]!.id;
      // The form deployed with the BPMN, as a further file part (design.md §8 "Forms").
      const requestForm = {
        key: 'request-form',
        name: 'Request',
        fields: [{ fieldType: 'FormFieldRepresentation', id: 'text1', name: 'Text1', type: 'text' }],
        outcomes: [{ id: 'approve', name: 'Approve' }],
      };
      const deployed = await t
        .http()
        .post('/activiti-app/api/repository/deployments')
        .set('Authorization', t.adminBasic)
        .attach('file', Buffer.from(xml), 'with-form.bpmn20.xml')
        .attach('file', Buffer.from(JSON.stringify(requestForm)), 'request.form')
        .expect(201);
      const [{ id: defId }] = await sql<{ id: string }>(t, `SELECT id FROM process_engine.process_definitions WHERE deployment_id = $1`, [deployed.body.id]);
      const listed = await t.http().get(`${API}/process-definitions?latest=true`).set('Authorization', alice.auth).expect(200);
      expect((listed.body.data as Json[]).find((d) => d.id === defId)).toMatchObject({ key: 'withForm', hasStartForm: true });
      expect((listed.body.data as Json[]).find((d) => d.id === bare)).toMatchObject({ key: 'withoutForm', hasStartForm: false });
      const form = await t.http().get(`${API}/process-definitions/${defId}/start-form`).set('Authorization', alice.auth).expect(200);
      expect(form.body).toMatchObject({
        processDefinitionId: defId,
        processDefinitionName: 'With form',
        processDefinitionKey: 'withForm',
        key: 'request-form',
        fields: [expect.objectContaining({ id: 'text1', name: 'Text1', type: 'text', value: null })],
        outcomes: [{ id: 'approve', name: 'Approve' }],
      });
      await t.http().get(`${API}/process-definitions/${bare}/start-form`).set('Authorization', alice.auth).expect(404);
      const started = await start(alice.auth, { processDefinitionId: defId, values: { text1: 'TEST' }, outcome: 'Approve', variables: [] }).expect(200);
      expect(started.body).toMatchObject({
        startFormDefined: true,
        variables: expect.arrayContaining([
          { name: 'text1', type: 'string', value: 'TEST' },
          { name: 'form_request-form_outcome', type: 'string', value: 'Approve' },
        ]),
      });
      const log = await t.http().get(`${API}/process-instances/${started.body.id}/audit-log`).set('Authorization', alice.auth).expect(200);
      // The document's example entry, field for field.
      expect((log.body.entries as Json[])[0]).toMatchObject({
        index: 1,
        type: 'startForm',
        selectedOutcome: 'Approve',
        formData: [{ fieldName: 'Text1', fieldId: 'text1', value: 'TEST' }],
      });
    });
  });

  describe('suspend blocks completion; incidents', () => {
    it('a task of a suspended instance cannot be completed until the instance is activated', async () => {
      const id = (await start(alice.auth, { processDefinitionId: oneTaskId }).expect(200)).body.id as string;
      await t.http().put(`${API}/process-instances/${id}/suspend`).set('Authorization', alice.auth).expect(200);
      const [task] = await tasksOf(t, id);
      await expect(completeInProcess(t, alice.id, task!.id)).rejects.toMatchObject({ kind: 'conflict' });
      expect(await tasksOf(t, id)).toHaveLength(1);
      await t.http().put(`${API}/process-instances/${id}/activate`).set('Authorization', alice.auth).expect(200);
      await completeInProcess(t, alice.id, task!.id);
      const got = await t.http().get(`${API}/process-instances/${id}`).set('Authorization', alice.auth).expect(200);
      expect(got.body.ended).toMatch(APS_DATE);
    });

    it('an exclusive gateway without a matching flow leaves an incident: counted on the instance and listed by /api/platform/incidents', async () => {
      await deployBpmn(t, exclusiveBpmn('gwProc', '${amount > 100}', '${amount < 0}'));
      const id = (await start(alice.auth, { processDefinitionKey: 'gwProc', variables: [{ name: 'amount', type: 'integer', value: 50 }] }).expect(200)).body.id as string;
      const [task] = await tasksOf(t, id);
      await completeInProcess(t, alice.id, task!.id);
      const got = await t.http().get(`${API}/process-instances/${id}`).set('Authorization', alice.auth).expect(200);
      expect(got.body).toMatchObject({ ended: null, incidents: 1 });
      const list = await t.http().get('/api/platform/incidents').query({ processInstanceId: id }).set('Authorization', alice.auth).expect(200);
      expect(list.body).toEqual({
        size: 1,
        total: 1,
        start: 0,
        data: [
          {
            id: expect.any(Number),
            processInstanceId: id,
            processDefinitionId: expect.stringMatching(/^gwProc:1:\d+$/),
            executionId: expect.anything(),
            activityId: 'gw',
            type: 'NO_OUTGOING_FLOW',
            message: expect.any(String),
            created: expect.stringMatching(APS_DATE),
            resolved: null,
          },
        ],
      });
      // Carol is not involved: she sees none; an admin sees it without a filter.
      expect((await t.http().get('/api/platform/incidents').set('Authorization', carol.auth).expect(200)).body).toEqual({ size: 0, total: 0, start: 0, data: [] });
      const adminList = await t.http().get('/api/platform/incidents').set('Authorization', tenantAdmin.auth).expect(200);
      expect((adminList.body.data as Json[]).map((x) => x.processInstanceId)).toContain(id);
      expect((await t.http().get('/api/platform/incidents').set('Authorization', stranger.auth).expect(200)).body.total).toBe(0);
      // Deleting the stuck instance resolves its incident.
      await t.http().delete(`${API}/process-instances/${id}`).set('Authorization', alice.auth).expect(200);
      expect((await t.http().get(`${API}/process-instances/${id}`).set('Authorization', alice.auth).expect(200)).body.incidents).toBe(0);
      expect((await sql<{ incidents: number }>(t, `SELECT incidents FROM process_engine.process_instances WHERE id = $1`, [id]))[0]!.incidents).toBe(0);
      expect((await t.http().get('/api/platform/incidents').query({ processInstanceId: id }).set('Authorization', alice.auth).expect(200)).body.total).toBe(0);
      const resolved = await t.http().get('/api/platform/incidents').query({ processInstanceId: id, includeResolved: true }).set('Authorization', alice.auth).expect(200);
      expect(resolved.body.data).toEqual([expect.objectContaining({ activityId: 'gw', resolved: expect.stringMatching(APS_DATE) })]);
    });
  });
});
