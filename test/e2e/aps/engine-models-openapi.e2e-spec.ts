import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { oneTaskBpmn } from '../../support/engine.js';
import { API, createUser, type CreatedUser } from './aps-test-helpers.js';
import { answerProblems, type Json } from '../../support/openapi.js';

/** The answers of the models, apps and filters endpoints have exactly the shapes their Swagger documents. */
describe('aps models, apps and filters: real answers match the OpenAPI document', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let doc: Json;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t);
    doc = (await t.http().get('/docs/aps-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('successes and errors conform', async () => {
    const http = () => t.http();
    const auth = alice.auth;
    const process = (await http().post(`${API}/models`).set('Authorization', auth).send({ name: 'Doc', modelType: 0, content: oneTaskBpmn('docProcess') })).body as Json;
    await http().put(`${API}/models/${String(process.id)}`).set('Authorization', auth).send({ content: oneTaskBpmn('docProcess', 'v2') }).expect(200);
    const history = (await http().get(`${API}/models/${String(process.id)}/history`).set('Authorization', auth)).body as { data: Json[] };
    const app = (await http().post(`${API}/models`).set('Authorization', auth).send({ name: 'Doc app', modelType: 3, content: JSON.stringify({ models: [process.id] }) })).body as Json;
    const filter = (await http().post(`${API}/filters/tasks`).set('Authorization', auth).send({ name: 'F', appId: app.id, filter: { state: 'open' } })).body as Json;
    const pfilter = (await http().post(`${API}/filters/processes`).set('Authorization', auth).send({ name: 'P', filter: { state: 'all' } })).body as Json;

    const calls: Array<[string, string, () => Promise<{ status: number; body: unknown; text: string }>]> = [
      ['get', '/models', () => http().get(`${API}/models`).set('Authorization', auth)],
      ['get', '/models', () => http().get(`${API}/models?sort=bad`).set('Authorization', auth)],
      ['post', '/models', () => http().post(`${API}/models`).set('Authorization', auth).send({ name: 'Another', modelType: 2 })],
      ['post', '/models', () => http().post(`${API}/models`).set('Authorization', auth).send({ name: 'x', modelType: 9 })],
      ['get', '/models/{modelId}', () => http().get(`${API}/models/${String(process.id)}`).set('Authorization', auth)],
      ['get', '/models/{modelId}', () => http().get(`${API}/models/999999`).set('Authorization', auth)],
      ['put', '/models/{modelId}', () => http().put(`${API}/models/${String(process.id)}`).set('Authorization', auth).send({ favorite: true })],
      ['post', '/models/{modelId}/clone', () => http().post(`${API}/models/${String(process.id)}/clone`).set('Authorization', auth).send({ name: 'Clone' })],
      ['get', '/models/{modelId}/history', () => http().get(`${API}/models/${String(process.id)}/history?includeLatestVersion=true`).set('Authorization', auth)],
      ['get', '/models/{modelId}/history/{modelHistoryId}', () => http().get(`${API}/models/${String(process.id)}/history/${String(history.data[0]!.id)}`).set('Authorization', auth)],
      ['get', '/models/{processModelId}/bpmn20', () => http().get(`${API}/models/999999/bpmn20`).set('Authorization', auth)],
      ['get', '/models/{processModelId}/history/{processModelHistoryId}/bpmn20', () => http().get(`${API}/models/${String(process.id)}/history/999999/bpmn20`).set('Authorization', auth)],
      ['get', '/models/{modelId}/thumbnail', () => http().get(`${API}/models/${String(process.id)}/thumbnail`).set('Authorization', auth)],
      ['post', '/process-models/import', () => http().post(`${API}/process-models/import`).set('Authorization', auth).attach('file', Buffer.from(oneTaskBpmn('imported')), 'i.bpmn')],
      ['post', '/process-models/import', () => http().post(`${API}/process-models/import`).set('Authorization', auth).attach('file', Buffer.from('nope'), 'i.bpmn')],
      ['get', '/app-definitions/{modelId}', () => http().get(`${API}/app-definitions/${String(app.id)}`).set('Authorization', auth)],
      ['post', '/app-definitions/{modelId}/publish', () => http().post(`${API}/app-definitions/${String(app.id)}/publish`).set('Authorization', auth).send({})],
      ['post', '/runtime-app-definitions', () => http().post(`${API}/runtime-app-definitions`).set('Authorization', auth).send({ appDefinitions: [{ id: app.id }] })],
      ['post', '/runtime-app-definitions', () => http().post(`${API}/runtime-app-definitions`).set('Authorization', auth).send({ appDefinitions: [{ id: process.id }] })],
      ['get', '/runtime-app-definitions', () => http().get(`${API}/runtime-app-definitions`).set('Authorization', auth)],
      ['get', '/runtime-app-definitions/{appDefinitionId}', () => http().get(`${API}/runtime-app-definitions/${String(app.id)}`).set('Authorization', auth)],
      ['get', '/app-definitions/{modelId}/export', () => http().get(`${API}/app-definitions/${String(app.id)}/export`).set('Authorization', auth)],
      ['get', '/filters/tasks', () => http().get(`${API}/filters/tasks`).set('Authorization', auth)],
      ['get', '/filters/tasks/{userFilterId}', () => http().get(`${API}/filters/tasks/${String(filter.id)}`).set('Authorization', auth)],
      ['put', '/filters/tasks', () => http().put(`${API}/filters/tasks`).set('Authorization', auth).send({ order: [filter.id], appId: app.id })],
      ['put', '/filters/tasks/{userFilterId}', () => http().put(`${API}/filters/tasks/${String(filter.id)}`).set('Authorization', auth).send({ filter: { sort: 'bad' } })],
      ['get', '/filters/processes', () => http().get(`${API}/filters/processes`).set('Authorization', auth)],
      ['put', '/filters/processes', () => http().put(`${API}/filters/processes`).set('Authorization', auth).send({ name: 'Q', filter: { state: 'running' } })],
      ['put', '/filters/processes', () => http().put(`${API}/filters/processes`).set('Authorization', auth).send({ order: [pfilter.id] })],
      ['put', '/filters/processes/{userFilterId}', () => http().put(`${API}/filters/processes/${String(pfilter.id)}`).set('Authorization', auth).send({ name: 'P2' })],
    ];
    const problems: string[] = [];
    for (const [method, path, call] of calls) {
      const res = await call();
      problems.push(...answerProblems(doc, method, `${API}${path}`, res));
    }
    expect(problems).toEqual([]);
  });
});
