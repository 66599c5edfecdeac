import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

describe('aps app definitions: publish, deploy to the runtime, the landing page', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let admin: CreatedUser;
  let outsider: CreatedUser;
  let leave: Json;
  let expenses: Json;
  let form: Json;
  let app: Json;
  let deploymentId: string;

  const http = () => t.http();
  const create = async (auth: string, body: Json): Promise<Json> => {
    const res = await http().post(`${API}/models`).set('Authorization', auth).send(body);
    expect(res.status).toBe(200);
    return res.body as Json;
  };
  const appContent = (ids: unknown[], extra: Json = {}): string => JSON.stringify({ models: ids.map((id) => ({ id })), theme: 'theme-2', icon: 'glyphicon-briefcase', ...extra });
  /** What a refused publish or deploy must leave untouched. */
  const snapshot = async (): Promise<unknown> => ({
    models: await sql(t, `SELECT id::text, version, content, comment, last_updated_at FROM process_engine.models ORDER BY id`),
    history: await sql(t, `SELECT count(*)::int AS n FROM process_engine.model_history`),
    publications: await sql(t, `SELECT id::text, app_model_id::text, app_version FROM process_engine.app_publications ORDER BY id`),
    appDeployments: await sql(t, `SELECT id::text, app_model_id::text, deployment_id::text FROM process_engine.app_deployments ORDER BY id`),
    deployments: await sql(t, `SELECT id::text FROM process_engine.deployments ORDER BY id`),
    definitions: await sql(t, `SELECT id FROM process_engine.process_definitions ORDER BY id`),
  });
  const definitionsOfApp = (appId: unknown) =>
    sql<{ key: string; version: number; deployment_id: string; resource: string }>(
      t,
      `SELECT d.key, d.version, d.deployment_id::text, convert_from(r.bytes, 'UTF8') AS resource
         FROM process_engine.process_definitions d
         JOIN process_engine.deployment_resources r ON r.deployment_id = d.deployment_id AND r.name = d.resource_name
        WHERE d.app_definition_id = $1 ORDER BY d.key, d.version`,
      [appId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    admin = await createTenantAdmin(t);
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Elsewhere') });
    leave = await create(alice.auth, { name: 'Leave', modelType: 0, content: oneTaskBpmn('leave', 'Leave') });
    // Created with the minimal BPMN: deploying it shows that a new process model is deployable as it is.
    expenses = await create(alice.auth, { name: 'Expenses', modelType: 0 });
    form = await create(alice.auth, { name: 'A form', modelType: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an app model holds its process models as JSON; a model that is not a process model, or unknown, is a 400', async () => {
    const before = await snapshot();
    for (const [content, field] of [
      [appContent([form.id]), 'content.models[0]'],
      [appContent([leave.id, 999999]), 'content.models[1]'],
      [appContent([leave.id, leave.id]), 'content.models'],
      [JSON.stringify({ models: ['x'] }), 'content.models[0]'],
      [JSON.stringify({ models: [], theme: 7 }), 'content.theme'],
      ['{', 'content'],
    ] as Array<[string, string]>) {
      const res = await http().post(`${API}/models`).set('Authorization', alice.auth).send({ name: 'HR', modelType: 3, content });
      expect({ content, status: res.status }).toEqual({ content, status: 400 });
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
    }
    expect(await snapshot()).toEqual(before);
    app = await create(alice.auth, { name: 'HR', description: 'HR processes', modelType: 3 });
    expect(app).toMatchObject({ modelType: 3, version: 1 });
    const saved = await http().put(`${API}/models/${String(app.id)}`).set('Authorization', alice.auth).send({ content: appContent([leave.id, expenses.id]) });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    app = saved.body as Json;
  });

  it('deploying an app that was never published is a 409 and deploys nothing', async () => {
    const before = await snapshot();
    const res = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: app.id }] });
    expect(res.status).toBe(409);
    expectApsError(res.body, 'GENERAL.ERROR.CONFLICT');
    expect(res.body.code).toBe('ENGINE.APP_NOT_PUBLISHED');
    expect(await snapshot()).toEqual(before);
  });

  it('publish is for the creator or an admin, of app models only; refused publishes change nothing', async () => {
    const before = await snapshot();
    const byBob = await http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', bob.auth).send({});
    expect(byBob.status).toBe(403);
    const notApp = await http().post(`${API}/app-definitions/${String(leave.id)}/publish`).set('Authorization', alice.auth).send({});
    expect(notApp.status).toBe(400);
    expectApsError(notApp.body, 'GENERAL.ERROR.BAD-REQUEST', 'modelId');
    await http().post(`${API}/app-definitions/999999/publish`).set('Authorization', alice.auth).send({}).expect(404);
    await http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', outsider.auth).send({}).expect(404);
    await http().post(`${API}/app-definitions/abc/publish`).set('Authorization', alice.auth).send({}).expect(400);
    const badBody = await http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', alice.auth).send({ force: 'yes' });
    expect(badBody.status).toBe(400);
    expectApsError(badBody.body, 'GENERAL.ERROR.BAD-REQUEST', 'force');
    expect(await snapshot()).toEqual(before);
    // Two process models with the same process id cannot be published together.
    const twin = await create(alice.auth, { name: 'Leave twin', modelType: 0, content: oneTaskBpmn('leave', 'Twin') });
    const clash = await create(alice.auth, { name: 'Clash', modelType: 3, content: appContent([leave.id, twin.id]) });
    const beforeClash = await snapshot();
    const clashing = await http().post(`${API}/app-definitions/${String(clash.id)}/publish`).set('Authorization', alice.auth).send({});
    expect(clashing.status).toBe(400);
    expectApsError(clashing.body, 'GENERAL.ERROR.BAD-REQUEST', 'definition.models[1]');
    expect(await snapshot()).toEqual(beforeClash);
  });

  it('POST app-definitions/{modelId}/publish makes a new app version and freezes its process models', async () => {
    const res = await http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', alice.auth).send({ comment: 'First release', force: false });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      appDefinition: {
        id: app.id,
        name: 'HR',
        description: 'HR processes',
        modelType: 3,
        version: 3,
        comment: 'First release',
        stencilSet: 0,
        referenceId: null,
        createdBy: alice.id,
        createdByFullName: 'Alice Archer',
        lastUpdatedBy: alice.id,
        lastUpdatedByFullName: 'Alice Archer',
        lastUpdated: expect.stringMatching(APS_DATE),
        latestVersion: true,
        favorite: false,
        permission: 'write',
        tenantId: 1,
        definition: {
          models: [
            { id: leave.id, name: 'Leave', version: 1, key: 'leave' },
            { id: expenses.id, name: 'Expenses', version: 1, key: 'expenses' },
          ],
          theme: 'theme-2',
          icon: 'glyphicon-briefcase',
        },
      },
      error: false,
      message: null,
      messageKey: null,
    });
    const history = await http().get(`${API}/models/${String(app.id)}/history`).set('Authorization', alice.auth).expect(200);
    expect((history.body.data as Json[]).map((m) => m.version)).toEqual([2, 1]);
  });

  it('deploying is for admins or the app\'s creator; bad ids and bodies deploy nothing', async () => {
    const before = await snapshot();
    const cases: Array<[string, Json, number, string | undefined]> = [
      [bob.auth, { appDefinitions: [{ id: app.id }] }, 403, undefined],
      [alice.auth, { appDefinitions: [{ id: 999999 }] }, 404, 'appDefinitions[0].id'],
      [alice.auth, { appDefinitions: [{ id: app.id }, { id: 999999 }] }, 404, 'appDefinitions[1].id'],
      [alice.auth, { appDefinitions: [{ id: leave.id }] }, 400, 'appDefinitions[0].id'],
      [alice.auth, { appDefinitions: [] }, 400, 'appDefinitions'],
      [alice.auth, { appDefinitions: [{ id: 'x' }] }, 400, 'appDefinitions.0.id'],
      [alice.auth, {}, 400, 'appDefinitions'],
      [outsider.auth, { appDefinitions: [{ id: app.id }] }, 404, 'appDefinitions[0].id'],
    ];
    for (const [auth, body, status, field] of cases) {
      const res = await http().post(`${API}/runtime-app-definitions`).set('Authorization', auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      if (field !== undefined) expect(res.body.field).toBe(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('POST runtime-app-definitions deploys the published BPMN with appDefinitionId; the app is on the landing page', async () => {
    const res = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: app.id, name: 'ignored' }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      size: 1,
      total: 1,
      start: 0,
      data: [{ deploymentId: expect.any(String), name: 'HR', icon: 'glyphicon-briefcase', description: 'HR processes', theme: 'theme-2', modelId: app.id, id: app.id }],
    });
    deploymentId = (res.body.data as Json[])[0]!.deploymentId as string;
    const defs = await definitionsOfApp(app.id);
    expect(defs.map((d) => [d.key, d.version, d.deployment_id])).toEqual([
      ['expenses', 1, deploymentId],
      ['leave', 1, deploymentId],
    ]);
    expect(defs.find((d) => d.key === 'leave')!.resource).toBe(oneTaskBpmn('leave', 'Leave'));
    const [deployment] = await sql<{ app_definition_id: string; name: string }>(t, `SELECT app_definition_id::text, name FROM process_engine.deployments WHERE id = $1`, [deploymentId]);
    expect(deployment).toEqual({ app_definition_id: String(app.id), name: 'HR' });

    // Every user of the tenant sees it; other tenants do not.
    for (const auth of [alice.auth, bob.auth]) {
      const list = await http().get(`${API}/runtime-app-definitions`).set('Authorization', auth).expect(200);
      expect(list.body).toEqual(res.body);
    }
    expect((await http().get(`${API}/runtime-app-definitions`).set('Authorization', outsider.auth).expect(200)).body).toEqual({ size: 0, total: 0, start: 0, data: [] });
    const one = await http().get(`${API}/runtime-app-definitions/${String(app.id)}`).set('Authorization', bob.auth).expect(200);
    expect(one.body).toEqual((res.body.data as Json[])[0]);
    await http().get(`${API}/runtime-app-definitions/${String(app.id)}`).set('Authorization', outsider.auth).expect(404);
    await http().get(`${API}/runtime-app-definitions/${String(leave.id)}`).set('Authorization', alice.auth).expect(404);
    await http().get(`${API}/runtime-app-definitions/abc`).set('Authorization', alice.auth).expect(400);

    // The deployed definitions run.
    const instanceId = await startInProcess(t, bob.id, 'leave');
    expect((await tasksOf(t, instanceId)).map((task) => [task.name, task.assigneeId])).toEqual([['Do it', String(bob.id)]]);
  });

  it('GET process-definitions?appDefinitionId= lists the app\'s definitions', async () => {
    const res = await http().get(`${API}/process-definitions`).query({ appDefinitionId: app.id }).set('Authorization', alice.auth);
    expect(res.status).toBe(200);
    expect((res.body.data as Json[]).map((d) => d.key).sort()).toEqual(['expenses', 'leave']);
  });

  it('edits after a publish reach the runtime only with the next publish', async () => {
    const changed = oneTaskBpmn('leave', 'Leave, reworked');
    await http().put(`${API}/models/${String(leave.id)}`).set('Authorization', alice.auth).send({ content: changed }).expect(200);
    // An admin may deploy another user's app.
    const again = await http().post(`${API}/runtime-app-definitions`).set('Authorization', admin.auth).send({ appDefinitions: [{ id: app.id }] });
    expect(again.status).toBe(200);
    const second = (again.body.data as Json[])[0]!.deploymentId as string;
    expect(second).not.toBe(deploymentId);
    let leaves = (await definitionsOfApp(app.id)).filter((d) => d.key === 'leave');
    expect(leaves.map((d) => [d.version, d.resource])).toEqual([
      [1, oneTaskBpmn('leave', 'Leave')],
      [2, oneTaskBpmn('leave', 'Leave')],
    ]);

    await http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', admin.auth).send({}).expect(200);
    const third = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: app.id }] });
    expect(third.status).toBe(200);
    leaves = (await definitionsOfApp(app.id)).filter((d) => d.key === 'leave');
    expect(leaves.map((d) => d.version)).toEqual([1, 2, 3]);
    expect(leaves[2]!.resource).toBe(changed);
    // The landing page shows the newest deployment.
    const list = await http().get(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).expect(200);
    expect((list.body.data as Json[])[0]!.deploymentId).toBe((third.body.data as Json[])[0]!.deploymentId);
  });

  it('an app without process models publishes and deploys without a process deployment', async () => {
    const empty = await create(alice.auth, { name: 'Empty', modelType: 3 });
    await http().post(`${API}/app-definitions/${String(empty.id)}/publish`).set('Authorization', alice.auth).send({}).expect(200);
    const res = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: empty.id }] });
    expect(res.status).toBe(200);
    expect((res.body.data as Json[])[0]).toMatchObject({ deploymentId: null, name: 'Empty', theme: 'theme-1', icon: 'glyphicon-asterisk', id: empty.id });
    const list = await http().get(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).expect(200);
    expect((list.body.data as Json[]).map((a) => a.id)).toEqual([app.id, empty.id]);
    // Deleting an app model takes it off the landing page; its definitions stay.
    await http().delete(`${API}/models/${String(empty.id)}`).set('Authorization', alice.auth).expect(200);
    expect(((await http().get(`${API}/runtime-app-definitions`).set('Authorization', alice.auth)).body.data as Json[]).map((a) => a.id)).toEqual([app.id]);
  });

  it('GET and PUT app-definitions/{modelId}: the app editor\'s read and save (with publish)', async () => {
    const editor = await create(alice.auth, { name: 'Editor app', modelType: 3 });
    const read = await http().get(`${API}/app-definitions/${String(editor.id)}`).set('Authorization', bob.auth).expect(200);
    expect(read.body).toEqual({
      appDefinition: { ...editor, permission: 'read', definition: { models: [], theme: 'theme-1', icon: 'glyphicon-asterisk' } },
      error: false,
      message: null,
      messageKey: null,
    });
    const before = await snapshot();
    const refused: Array<[string, Json, number, string | undefined]> = [
      [bob.auth, { appDefinition: { name: 'Bob\'s' } }, 403, undefined],
      [alice.auth, { appDefinition: { definition: { models: [{ id: form.id }] } } }, 400, 'appDefinition.definition.models[0]'],
      [alice.auth, { appDefinition: { definition: { models: [{ id: 'x' }] } } }, 400, 'appDefinition.definition.models.0.id'],
      [alice.auth, { appDefinition: { name: '' } }, 400, 'appDefinition.name'],
      [alice.auth, { publish: true }, 400, 'appDefinition'],
    ];
    for (const [auth, body, status, field] of refused) {
      const res = await http().put(`${API}/app-definitions/${String(editor.id)}`).set('Authorization', auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      if (field !== undefined) expect(res.body.field).toBe(field);
    }
    await http().get(`${API}/app-definitions/${String(leave.id)}`).set('Authorization', alice.auth).expect(400);
    await http().put(`${API}/app-definitions/${String(leave.id)}`).set('Authorization', alice.auth).send({ appDefinition: { name: 'x' } }).expect(400);
    await http().get(`${API}/app-definitions/999999`).set('Authorization', alice.auth).expect(404);
    expect(await snapshot()).toEqual(before);

    // The representation read back, edited and sent again, as the editor does; publish in the same call.
    const body = { appDefinition: { ...(read.body.appDefinition as Json), name: 'Editor app v2', definition: { models: [{ id: leave.id, name: 'Leave' }], theme: 'theme-4', icon: 'glyphicon-road', publishIdentityInfo: [] } }, publish: true, force: false };
    const saved = await http().put(`${API}/app-definitions/${String(editor.id)}`).set('Authorization', alice.auth).send(body);
    expect(saved.status).toBe(200);
    expect(saved.body.appDefinition).toMatchObject({
      id: editor.id,
      name: 'Editor app v2',
      version: 3,
      definition: { models: [{ id: leave.id, name: 'Leave', version: 2, key: 'leave' }], theme: 'theme-4', icon: 'glyphicon-road' },
    });
    const deployed = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: editor.id }] });
    expect(deployed.status).toBe(200);
    expect((deployed.body.data as Json[])[0]).toMatchObject({ name: 'Editor app v2', theme: 'theme-4', icon: 'glyphicon-road' });
  });

  it('a deployment the deployer refuses (a candidate starter naming nobody) is a 400 naming the app and stores nothing', async () => {
    const restricted = await create(alice.auth, {
      name: 'Restricted',
      modelType: 0,
      content: oneTaskBpmn('restricted').replace('<process id="restricted"', '<process activiti:candidateStarterUsers="nobody-at-all" id="restricted"'),
    });
    const bad = await create(alice.auth, { name: 'Restricted app', modelType: 3, content: appContent([restricted.id]) });
    await http().post(`${API}/app-definitions/${String(bad.id)}/publish`).set('Authorization', alice.auth).send({}).expect(200);
    const before = await snapshot();
    const res = await http().post(`${API}/runtime-app-definitions`).set('Authorization', alice.auth).send({ appDefinitions: [{ id: bad.id }] });
    expect(res.status).toBe(400);
    expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'appDefinitions[0].id');
    expect(res.body.message).toContain('nobody-at-all');
    expect(await snapshot()).toEqual(before);
  });

  it('a process model that an app lists cannot be deleted (409); once out of the app it can', async () => {
    const before = await snapshot();
    const res = await http().delete(`${API}/models/${String(expenses.id)}`).set('Authorization', alice.auth);
    expect(res.status).toBe(409);
    expectApsError(res.body, 'GENERAL.ERROR.CONFLICT');
    expect(res.body.code).toBe('ENGINE.MODEL_IN_USE');
    expect(res.body.message).toContain('HR');
    expect(await snapshot()).toEqual(before);
    const spare = await create(alice.auth, { name: 'Spare', modelType: 0 });
    await http().delete(`${API}/models/${String(spare.id)}`).set('Authorization', alice.auth).expect(200);
  });

  it('app zips are not implemented yet: 501 in the aps error shape', async () => {
    const exported = await http().get(`${API}/app-definitions/${String(app.id)}/export`).set('Authorization', alice.auth);
    expect(exported.status).toBe(501);
    expect(exported.body).toEqual({ message: expect.any(String), messageKey: 'GENERAL.ERROR.NOT-IMPLEMENTED', code: 'ENGINE.APP_ZIP_NOT_IMPLEMENTED' });
    const imported = await http().post(`${API}/app-definitions/import`).set('Authorization', alice.auth).attach('file', Buffer.from('PK'), 'app.zip');
    expect(imported.status).toBe(501);
    const version = await http().post(`${API}/app-definitions/${String(app.id)}/import`).set('Authorization', alice.auth).attach('file', Buffer.from('PK'), 'app.zip');
    expect(version.status).toBe(501);
    await http().get(`${API}/app-definitions/${String(app.id)}/export`).expect(401);
  });
});
