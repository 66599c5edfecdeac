import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { deployBpmn, oneTaskBpmn } from '../../support/engine.js';
import { API, createUser } from './aps-test-helpers.js';
import { insertIncident } from './engine-instances-fixtures.js';
import { answerProblems, type Json } from '../../support/openapi.js';

/** Every answer of the engine-instances endpoints, successes and errors, has the shape its OpenAPI operation documents. */
describe('aps process definitions and instances: answers match the OpenAPI documents', () => {
  let t: TestApp;
  const docs: Record<string, Json> = {};

  beforeAll(async () => {
    t = await startTestApp();
    docs.aps = (await t.http().get('/docs/aps-json').expect(200)).body as Json;
    docs.platform = (await t.http().get('/docs/platform-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every answer it gives', async () => {
    const user = await createUser(t);
    const defId = (await deployBpmn(t, oneTaskBpmn('docs', 'Docs'))).definitions[0]!.id;
    const started = await t.http().post(`${API}/process-instances`).set('Authorization', user.auth).send({ processDefinitionKey: 'docs', variables: [{ name: 'n', value: 1 }, { name: 's', value: 'x' }, { name: 'j', type: 'json', value: { a: [1] } }] });
    const id = started.body.id as string;
    await insertIncident(t, { instanceId: id });
    const admin = t.adminBasic;
    const e = encodeURIComponent(defId);
    const calls: Array<[string, string, string, () => Promise<{ status: number; body: unknown; text: string }>]> = [
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances', async () => started],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances', () => t.http().post(`${API}/process-instances`).set('Authorization', admin).send({})],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances', () => t.http().post(`${API}/process-instances`).set('Authorization', admin).send({ processDefinitionKey: 'nope' })],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/query', () => t.http().post(`${API}/process-instances/query`).set('Authorization', admin).send({ state: 'all' })],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/query', () => t.http().post(`${API}/process-instances/query`).set('Authorization', admin).send({ state: 'x' })],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}', () => t.http().get(`${API}/process-instances/${id}`).set('Authorization', user.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}', () => t.http().get(`${API}/process-instances/999999`).set('Authorization', admin)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/audit-log', () => t.http().get(`${API}/process-instances/${id}/audit-log`).set('Authorization', user.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/diagram', () => t.http().get(`${API}/process-instances/${id}/diagram`).set('Authorization', user.auth)],
      ['aps', 'put', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/suspend', () => t.http().put(`${API}/process-instances/${id}/suspend`).set('Authorization', user.auth)],
      ['aps', 'put', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/suspend', () => t.http().put(`${API}/process-instances/${id}/suspend`).set('Authorization', user.auth)],
      ['aps', 'put', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/activate', () => t.http().put(`${API}/process-instances/${id}/activate`).set('Authorization', user.auth)],
      ['aps', 'post', '/activiti-app/api/enterprise/historic-process-instances/query', () => t.http().post(`${API}/historic-process-instances/query`).set('Authorization', admin).send({ includeProcessVariables: true })],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions', () => t.http().get(`${API}/process-definitions`).set('Authorization', user.auth)],
      ['aps', 'post', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks', () => t.http().post(`${API}/process-definitions/${e}/identitylinks`).set('Authorization', admin).send({ user: String(user.id) })],
      ['aps', 'post', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks', () => t.http().post(`${API}/process-definitions/${e}/identitylinks`).set('Authorization', user.auth).send({ user: String(user.id) })],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks', () => t.http().get(`${API}/process-definitions/${e}/identitylinks`).set('Authorization', user.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks/{family}', () => t.http().get(`${API}/process-definitions/${e}/identitylinks/users`).set('Authorization', user.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks/{family}/{identityId}', () => t.http().get(`${API}/process-definitions/${e}/identitylinks/users/${user.id}`).set('Authorization', user.auth)],
      ['aps', 'delete', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/identitylinks/{family}/{identityId}', () => t.http().delete(`${API}/process-definitions/${e}/identitylinks/users/${user.id}`).set('Authorization', admin)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/start-form', () => t.http().get(`${API}/process-definitions/${e}/start-form`).set('Authorization', user.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-definitions/{processDefinitionId}/start-form', () => t.http().get(`${API}/process-definitions/bad/start-form`).set('Authorization', user.auth)],
      ['platform', 'get', '/api/platform/incidents', () => t.http().get('/api/platform/incidents').set('Authorization', admin)],
      ['platform', 'get', '/api/platform/incidents', () => t.http().get('/api/platform/incidents?size=0').set('Authorization', admin)],
      ['aps', 'delete', '/activiti-app/api/enterprise/process-instances/{processInstanceId}', () => t.http().delete(`${API}/process-instances/${id}`).set('Authorization', user.auth)],
      ['aps', 'delete', '/activiti-app/api/enterprise/process-instances/{processInstanceId}', () => t.http().delete(`${API}/process-instances/${id}`).set('Authorization', user.auth)],
    ];
    const problems: string[] = [];
    const statuses: string[] = [];
    for (const [dialect, method, path, call] of calls) {
      const res = await call();
      statuses.push(`${method} ${path} ${res.status}`);
      problems.push(...answerProblems(docs[dialect]!, method, path, res).map((p) => `${dialect}: ${p}`));
    }
    expect(problems).toEqual([]);
    // The calls above cover successes and the refusals they were meant to provoke.
    expect(statuses).toEqual(expect.arrayContaining([
      expect.stringMatching(/^post .*\/process-instances 200$/),
      expect.stringMatching(/^post .*\/process-instances 400$/),
      expect.stringMatching(/^post .*\/process-instances 404$/),
      expect.stringMatching(/suspend 409$/),
      expect.stringMatching(/diagram 404$/),
      expect.stringMatching(/identitylinks 403$/),
      expect.stringMatching(/^delete .*\{processInstanceId\} 409$/),
    ]));
  });
});
