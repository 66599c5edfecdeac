import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { engineSnapshot, insertActivity, insertDefinition, insertIncident, insertInstance, insertTask } from './engine-instances-fixtures.js';

type Json = Record<string, unknown>;

/** Instances written by SQL: query, get, suspend/activate, delete, audit log and diagram over HTTP. */
describe('aps process instances (rows written by SQL)', () => {
  let t: TestApp;
  let alice: CreatedUser; // starts the instances
  let bob: CreatedUser; // member of a candidate group of one task
  let carol: CreatedUser; // involved in nothing
  let tenantAdmin: CreatedUser;
  let stranger: CreatedUser; // another tenant
  let otherTenant: number;
  let groupId: number;
  let def: { id: string; deploymentId: string };
  let def2: { id: string; deploymentId: string };
  let otherDef: { id: string; deploymentId: string };
  let running: string;
  let suspended: string;
  let completed: string;
  let carolOwn: string;
  let foreign: string;

  const post = (path: string, auth: string, body: unknown) => t.http().post(`${API}${path}`).set('Authorization', auth).send(body as object);
  const get = (path: string, auth: string) => t.http().get(`${API}${path}`).set('Authorization', auth);
  const query = async (auth: string, body: Json = {}): Promise<Json> => (await post('/process-instances/query', auth, body).expect(200)).body as Json;
  const ids = (page: Json): string[] => (page.data as Json[]).map((x) => x.id as string);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.instances@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cook' });
    tenantAdmin = await createTenantAdmin(t);
    otherTenant = await createTenant(t, 'Other Instances Co');
    stranger = await createUser(t, { tenantId: otherTenant });
    groupId = (await t.http().post(`${API}/admin/groups`).set('Authorization', t.adminBasic).send({ name: 'Reviewers', type: 1 }).expect(200)).body.id as number;
    await t.http().post(`${API}/admin/groups/${groupId}/members/${bob.id}`).set('Authorization', t.adminBasic).expect(200);

    def = await insertDefinition(t, { key: 'invoice', name: 'Invoice', category: 'finance', description: 'Pays invoices', appDefinitionId: 7 });
    def2 = await insertDefinition(t, { key: 'leave', name: 'Leave', startFormKey: 'leave-form' });
    otherDef = await insertDefinition(t, { key: 'invoice', tenantId: otherTenant });
    running = await insertInstance(t, { definitionId: def.id, startedBy: alice.id, name: 'Invoice 1', businessKey: 'INV-1', startedAt: '2026-01-01T10:00:00Z' });
    suspended = await insertInstance(t, { definitionId: def.id, startedBy: alice.id, name: 'Invoice 2', state: 'suspended', startedAt: '2026-01-02T10:00:00Z' });
    completed = await insertInstance(t, {
      definitionId: def2.id,
      startedBy: alice.id,
      name: 'Leave 1',
      state: 'completed',
      startedAt: '2026-01-03T10:00:00Z',
      endedAt: '2026-01-05T10:00:00Z',
    });
    carolOwn = await insertInstance(t, { definitionId: def2.id, startedBy: carol.id, name: 'Carol\'s leave', startedAt: '2026-01-04T10:00:00Z' });
    foreign = await insertInstance(t, { definitionId: otherDef.id, startedBy: stranger.id, tenantId: otherTenant, name: 'Foreign' });
    await insertTask(t, { instanceId: running, name: 'Review invoice', candidateGroupId: groupId, createdAt: '2026-01-01T10:00:01Z' });
    await insertIncident(t, { instanceId: running });
    await insertIncident(t, { instanceId: running, resolved: true });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST process-instances/query', () => {
    it('answers the aps page of process instance representations, newest first, running by default', async () => {
      const page = await query(t.adminBasic);
      expect(page).toEqual({ size: 3, total: 3, start: 0, data: expect.any(Array) });
      expect(ids(page)).toEqual([carolOwn, suspended, running]);
      const item = (page.data as Json[])[2]!;
      expect(item).toEqual({
        id: running,
        name: 'Invoice 1',
        businessKey: 'INV-1',
        processDefinitionId: def.id,
        tenantId: 1,
        started: '2026-01-01T10:00:00.000+0000',
        ended: null,
        startedBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.instances@example.com' },
        processDefinitionName: 'Invoice',
        processDefinitionDescription: 'Pays invoices',
        processDefinitionKey: 'invoice',
        processDefinitionCategory: 'finance',
        processDefinitionVersion: 1,
        processDefinitionDeploymentId: def.deploymentId,
        graphicalNotationDefined: false,
        startFormDefined: false,
        suspended: false,
        variables: [],
        incidents: 1,
      });
      expect((page.data as Json[])[1]!.suspended).toBe(true);
    });

    it('state completed, all; sorts created-asc, ended-desc, ended-asc', async () => {
      expect(ids(await query(t.adminBasic, { state: 'completed' }))).toEqual([completed]);
      expect(ids(await query(t.adminBasic, { state: 'all' }))).toEqual([carolOwn, completed, suspended, running]);
      expect(ids(await query(t.adminBasic, { state: 'all', sort: 'created-asc' }))).toEqual([running, suspended, completed, carolOwn]);
      expect(ids(await query(t.adminBasic, { state: 'all', sort: 'ended-desc' }))[0]).toBe(completed);
      expect(ids(await query(t.adminBasic, { state: 'all', sort: 'ended-asc' }))[0]).toBe(completed);
      const ended = (await query(t.adminBasic, { state: 'completed' })).data as Json[];
      expect(ended[0]!.ended).toBe('2026-01-05T10:00:00.000+0000');
      expect(ended[0]!.startFormDefined).toBe(true);
    });

    it('filters by processInstanceId; state open is running (both sent by the Alfresco JS client)', async () => {
      expect(ids(await query(t.adminBasic, { state: 'all', processInstanceId: completed }))).toEqual([completed]);
      expect(ids(await query(t.adminBasic, { state: 'open', processInstanceId: Number(completed) }))).toEqual([]);
      expect(ids(await query(t.adminBasic, { state: 'open' }))).toEqual(ids(await query(t.adminBasic, { state: 'running' })));
      expect(ids(await query(carol.auth, { state: 'all', processInstanceId: running }))).toEqual([]);
    });

    it('filters by processDefinitionId and appDefinitionId', async () => {
      expect(ids(await query(t.adminBasic, { state: 'all', processDefinitionId: def2.id }))).toEqual([carolOwn, completed]);
      expect(ids(await query(t.adminBasic, { state: 'all', appDefinitionId: 7 }))).toEqual([suspended, running]);
      expect(ids(await query(t.adminBasic, { state: 'all', appDefinitionId: 8 }))).toEqual([]);
    });

    it('pages by start (offset) or page (page number, wins over start)', async () => {
      const byStart = await query(t.adminBasic, { state: 'all', size: 2, start: 1 });
      expect(byStart).toMatchObject({ size: 2, total: 4, start: 1 });
      expect(ids(byStart)).toEqual([completed, suspended]);
      const byPage = await query(t.adminBasic, { state: 'all', size: 2, page: 1 });
      expect(byPage).toMatchObject({ size: 2, total: 4, start: 2 });
      expect(ids(byPage)).toEqual([suspended, running]);
      const both = await query(t.adminBasic, { state: 'all', size: 2, page: 1, start: 3 });
      expect(ids(both)).toEqual([suspended, running]);
      const beyond = await query(t.adminBasic, { state: 'all', size: 2, start: 10 });
      expect(beyond).toEqual({ size: 0, total: 4, start: 10, data: [] });
    });

    it('only instances the caller may see unless admin; never another tenant\'s', async () => {
      expect(ids(await query(alice.auth, { state: 'all' }))).toEqual([completed, suspended, running]);
      expect(ids(await query(bob.auth, { state: 'all' }))).toEqual([running]);
      expect(ids(await query(carol.auth, { state: 'all' }))).toEqual([carolOwn]);
      expect(ids(await query(tenantAdmin.auth, { state: 'all' }))).toHaveLength(4);
      expect(ids(await query(stranger.auth, { state: 'all' }))).toEqual([foreign]);
    });

    it('bad input: unknown state or sort, unknown field, absurd paging → 400 in the aps shape', async () => {
      for (const body of [{ state: 'finished' }, { sort: 'name' }, { size: 0 }, { page: -1 }, { start: 'x' }, { unknown: 1 }, { appDefinitionId: 'abc' }, { processInstanceId: 'x' }, { processInstanceId: '99999999999999999999' }, { appDefinitionId: 1e20 }]) {
        const res = await post('/process-instances/query', t.adminBasic, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
      }
    });
  });

  describe('GET process-instances/{id}', () => {
    it('answers the representation with variables for the starter, a candidate-group member and admins', async () => {
      await sql(t, `INSERT INTO process_engine.variables (tenant_id, instance_id, name, type, value) VALUES (1, $1, 'amount', 'integer', '42'), (1, $1, 'due', 'date', '"2026-02-01T00:00:00.000Z"')`, [running]);
      for (const who of [alice.auth, bob.auth, tenantAdmin.auth, t.adminBasic]) {
        const res = await get(`/process-instances/${running}`, who).expect(200);
        expect(res.body).toMatchObject({ id: running, name: 'Invoice 1', incidents: 1, started: expect.stringMatching(APS_DATE) });
        expect(res.body.variables).toEqual([
          { name: 'amount', type: 'integer', value: 42 },
          { name: 'due', type: 'date', value: '2026-02-01T00:00:00.000+0000' },
        ]);
      }
    });

    it('403 for a user not involved, 404 for unknown and other-tenant ids, 400 for malformed ids', async () => {
      expectApsError((await get(`/process-instances/${running}`, carol.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      expectApsError((await get('/process-instances/999999', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      expectApsError((await get(`/process-instances/${foreign}`, t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      expectApsError((await get(`/process-instances/${running}`, stranger.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
        expectApsError((await get(`/process-instances/${bad}`, t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'processInstanceId');
      }
    });
  });

  describe('PUT suspend / activate', () => {
    it('the starter suspends and activates; twice in a row: 409 and nothing changes', async () => {
      const s = await t.http().put(`${API}/process-instances/${running}/suspend`).set('Authorization', alice.auth).expect(200);
      expect(s.body).toMatchObject({ id: running, suspended: true });
      const [row] = await sql<{ state: string }>(t, `SELECT state FROM process_engine.process_instances WHERE id = $1`, [running]);
      expect(row!.state).toBe('suspended');
      const before = await engineSnapshot(t);
      const again = await t.http().put(`${API}/process-instances/${running}/suspend`).set('Authorization', alice.auth).expect(409);
      expectApsError(again.body, 'GENERAL.ERROR.CONFLICT');
      expect(await engineSnapshot(t)).toEqual(before);
      const a = await t.http().put(`${API}/process-instances/${running}/activate`).set('Authorization', t.adminBasic).expect(200);
      expect(a.body).toMatchObject({ id: running, suspended: false });
      const before2 = await engineSnapshot(t);
      await t.http().put(`${API}/process-instances/${running}/activate`).set('Authorization', alice.auth).expect(409);
      expect(await engineSnapshot(t)).toEqual(before2);
      const audit = await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [running]);
      expect(audit.map((x) => x.type)).toEqual(['process-suspended', 'process-activated']);
    });

    it('ended instance: 409; involved non-starter: 403; not involved: 403; other tenant: 404 — each changing nothing', async () => {
      const before = await engineSnapshot(t);
      expectApsError((await t.http().put(`${API}/process-instances/${completed}/suspend`).set('Authorization', alice.auth).expect(409)).body, 'GENERAL.ERROR.CONFLICT');
      await t.http().put(`${API}/process-instances/${completed}/activate`).set('Authorization', alice.auth).expect(409);
      expectApsError((await t.http().put(`${API}/process-instances/${running}/suspend`).set('Authorization', bob.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await t.http().put(`${API}/process-instances/${running}/suspend`).set('Authorization', carol.auth).expect(403);
      await t.http().put(`${API}/process-instances/${foreign}/suspend`).set('Authorization', t.adminBasic).expect(404);
      await t.http().put(`${API}/process-instances/abc/suspend`).set('Authorization', t.adminBasic).expect(400);
      expect(await engineSnapshot(t)).toEqual(before);
    });
  });

  describe('GET audit-log and diagram', () => {
    it('answers the document\'s audit JSON with entries in time order', async () => {
      await insertActivity(t, { instanceId: running, activityId: 'start', activityType: 'startEvent', startedAt: '2026-01-01T10:00:00Z', endedAt: '2026-01-01T10:00:00Z' });
      await insertActivity(t, { instanceId: running, activityId: 'review', activityName: 'Review invoice', activityType: 'userTask', startedAt: '2026-01-01T10:00:00.500Z' });
      await sql(t, `INSERT INTO process_engine.comments (tenant_id, instance_id, message, created_by, created_at) VALUES (1, $1, 'Looks fine', $2, '2026-01-01T11:00:00Z')`, [running, bob.id]);
      // A comment on the instance's task (no instance id on the row) shows too, naming the task.
      await sql(
        t,
        `INSERT INTO process_engine.comments (tenant_id, task_id, message, created_by, created_at)
         SELECT 1, id, 'On the task', $2, '2026-01-01T11:30:00Z' FROM process_engine.tasks WHERE instance_id = $1`,
        [running, alice.id],
      );
      const res = await get(`/process-instances/${running}/audit-log`, bob.auth).expect(200);
      expect(res.body).toMatchObject({
        processInstanceId: running,
        processInstanceName: 'Invoice 1',
        processDefinitionName: 'Invoice',
        processDefinitionVersion: '1',
        processInstanceStartTime: 'Thu Jan 01 10:00:00 UTC 2026',
        processInstanceEndTime: null,
        processInstanceInitiator: 'Alice Archer',
        decisionInfo: { calculatedValues: [], appliedRules: [] },
      });
      const entries = res.body.entries as Json[];
      expect(entries.map((e) => [e.index, e.type])).toEqual([
        [1, 'activityExecuted'],
        [2, 'activityExecuted'],
        [3, 'taskCreated'],
        [4, 'commentCreated'],
        [5, 'commentCreated'],
        [6, 'processSuspended'],
        [7, 'processActivated'],
      ]);
      expect(entries[0]).toEqual({
        index: 1,
        type: 'activityExecuted',
        timestamp: 'Thu Jan 01 10:00:00 UTC 2026',
        selectedOutcome: null,
        formData: [],
        taskName: null,
        taskAssignee: null,
        activityId: 'start',
        activityName: null,
        activityType: 'startEvent',
        startTime: 'Thu Jan 01 10:00:00 UTC 2026',
        endTime: 'Thu Jan 01 10:00:00 UTC 2026',
        durationInMillis: 0,
        message: null,
      });
      expect(entries[1]).toMatchObject({ activityId: 'review', activityName: 'Review invoice', endTime: null, durationInMillis: null });
      expect(entries[2]).toMatchObject({ type: 'taskCreated', taskName: 'Review invoice', taskAssignee: null });
      expect(entries[3]).toMatchObject({ type: 'commentCreated', taskName: null, taskAssignee: 'Bob Baker', message: 'Looks fine' });
      expect(entries[4]).toMatchObject({ type: 'commentCreated', taskName: 'Review invoice', taskAssignee: 'Alice Archer', message: 'On the task' });
      expect(entries[5]).toMatchObject({ type: 'processSuspended', taskAssignee: 'Alice Archer', timestamp: expect.stringMatching(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/) });
      await get(`/process-instances/${running}/audit-log`, carol.auth).expect(403);
      await get(`/process-instances/${foreign}/audit-log`, t.adminBasic).expect(404);
    });

    it('diagram: 404 "not supported" in the aps shape for a visible instance; the usual 403/404 otherwise', async () => {
      const res = await get(`/process-instances/${running}/diagram`, alice.auth).expect(404);
      expect(res.body).toMatchObject({ messageKey: 'GENERAL.ERROR.NOT-FOUND', code: 'ENGINE.DIAGRAM_NOT_SUPPORTED' });
      await get(`/process-instances/${running}/diagram`, carol.auth).expect(403);
    });
  });

  describe('DELETE process-instances/{id}', () => {
    it('refusals change nothing: not involved 403, involved but not the starter 403, other tenant 404, malformed 400, ended 409', async () => {
      const before = await engineSnapshot(t);
      await t.http().delete(`${API}/process-instances/${running}`).set('Authorization', carol.auth).expect(403);
      const notStarter = await t.http().delete(`${API}/process-instances/${running}`).set('Authorization', bob.auth).expect(403);
      expect(notStarter.body).toMatchObject({ messageKey: 'GENERAL.ERROR.FORBIDDEN', code: 'ENGINE.NOT_STARTER' });
      await t.http().delete(`${API}/process-instances/${foreign}`).set('Authorization', t.adminBasic).expect(404);
      await t.http().delete(`${API}/process-instances/x1`).set('Authorization', t.adminBasic).expect(400);
      await t.http().delete(`${API}/process-instances/${completed}`).set('Authorization', alice.auth).expect(409);
      expect(await engineSnapshot(t)).toEqual(before);
    });

    it('the starter deletes: state deleted, tasks ended "deleted", executions gone, incidents resolved, audit entry; twice: 409', async () => {
      await t.http().delete(`${API}/process-instances/${running}`).set('Authorization', alice.auth).expect(200);
      const [row] = await sql<Json>(t, `SELECT state, ended_at, end_reason FROM process_engine.process_instances WHERE id = $1`, [running]);
      expect(row).toMatchObject({ state: 'deleted', ended_at: expect.any(Date), end_reason: expect.stringContaining('Cancelled by') });
      const tasks = await sql<Json>(t, `SELECT ended_at, end_reason, version FROM process_engine.tasks WHERE instance_id = $1`, [running]);
      expect(tasks).toEqual([{ ended_at: expect.any(Date), end_reason: 'deleted', version: 2 }]);
      expect(await sql(t, `SELECT 1 FROM process_engine.executions WHERE instance_id = $1`, [running])).toEqual([]);
      expect(await sql(t, `SELECT 1 FROM process_engine.incidents WHERE instance_id = $1 AND resolved_at IS NULL`, [running])).toEqual([]);
      const audit = await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id DESC LIMIT 1`, [running]);
      expect(audit[0]!.type).toBe('process-deleted');
      const before = await engineSnapshot(t);
      expectApsError((await t.http().delete(`${API}/process-instances/${running}`).set('Authorization', alice.auth).expect(409)).body, 'GENERAL.ERROR.CONFLICT');
      expect(await engineSnapshot(t)).toEqual(before);
      // Still readable, listed as completed, with a processDeleted audit entry.
      const got = await get(`/process-instances/${running}`, alice.auth).expect(200);
      expect(got.body).toMatchObject({ ended: expect.stringMatching(APS_DATE), suspended: false, incidents: 0 });
      expect(ids(await query(alice.auth, { state: 'completed' }))).toContain(running);
      const log = await get(`/process-instances/${running}/audit-log`, alice.auth).expect(200);
      expect((log.body.entries as Json[]).at(-1)).toMatchObject({ type: 'processDeleted', taskAssignee: 'Alice Archer' });
    });

    it('an admin deletes an instance someone else started', async () => {
      await t.http().delete(`${API}/process-instances/${carolOwn}`).set('Authorization', tenantAdmin.auth).expect(200);
      const [row] = await sql<Json>(t, `SELECT state FROM process_engine.process_instances WHERE id = $1`, [carolOwn]);
      expect(row!.state).toBe('deleted');
    });
  });
});
