import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { answerProblems, type Json } from '../../support/openapi.js';
import { API, createUser } from './aps-test-helpers.js';
import { deployFormsProcess, openTasks, startWithForm } from './forms-fixtures.js';

/** Every answer of the form endpoints, successes and errors, has the shape its OpenAPI operation documents. */
describe('aps forms: answers match the OpenAPI document', () => {
  let t: TestApp;
  let aps: Json;

  beforeAll(async () => {
    t = await startTestApp();
    aps = (await t.http().get('/docs/aps-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every answer it gives', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const { definitionId } = await deployFormsProcess(t);
    const d = encodeURIComponent(definitionId);
    const instance = await startWithForm(t, user.auth, definitionId);
    const [review] = await openTasks(t, instance.id);
    const task = review!.id;
    const model = await t.http().post(`${API}/models`).set('Authorization', user.auth).send({ modelType: 2, name: 'Docs form', content: JSON.stringify({ fields: [{ id: 'x', type: 'text' }] }) });
    const as = (auth: string) => ({ get: (p: string) => t.http().get(`${API}${p}`).set('Authorization', auth), post: (p: string, b: Json) => t.http().post(`${API}${p}`).set('Authorization', auth).send(b) });
    const u = as(user.auth);
    const o = as(other.auth);
    const P = '/activiti-app/api/enterprise';
    const calls: Array<[string, string, () => PromiseLike<{ status: number; body: unknown; text: string }>]> = [
      ['get', `${P}/process-definitions/{processDefinitionId}/start-form`, () => u.get(`/process-definitions/${d}/start-form`)],
      ['get', `${P}/process-definitions/{processDefinitionId}/start-form`, () => u.get(`/process-definitions/nope:1:1/start-form`)],
      ['get', `${P}/process-definitions/{processDefinitionId}/start-form-values/{field}`, () => u.get(`/process-definitions/${d}/start-form-values/priority`)],
      ['get', `${P}/process-definitions/{processDefinitionId}/start-form-values/{field}`, () => u.get(`/process-definitions/${d}/start-form-values/nope`)],
      ['get', `${P}/process-instances/{processInstanceId}/start-form`, () => u.get(`/process-instances/${instance.id}/start-form`)],
      ['get', `${P}/process-instances/{processInstanceId}/start-form`, () => o.get(`/process-instances/${instance.id}/start-form`)],
      ['get', `${P}/task-forms/{taskId}`, () => u.get(`/task-forms/${task}`)],
      ['get', `${P}/task-forms/{taskId}`, () => o.get(`/task-forms/${task}`)],
      ['get', `${P}/task-forms/{taskId}/variables`, () => u.get(`/task-forms/${task}/variables`)],
      ['get', `${P}/task-forms/{taskId}/form-values/{field}`, () => u.get(`/task-forms/${task}/form-values/title`)],
      ['post', `${P}/task-forms/{taskId}/save-form`, () => u.post(`/task-forms/${task}/save-form`, { values: { comment: 'c' } })],
      ['post', `${P}/task-forms/{taskId}/save-form`, () => u.post(`/task-forms/${task}/save-form`, { values: { nope: 1 } })],
      ['post', `${P}/task-forms/{taskId}`, () => u.post(`/task-forms/${task}`, { values: { approved: 'x' }, outcome: 'Approve' })],
      ['post', `${P}/task-forms/{taskId}`, () => o.post(`/task-forms/${task}`, { values: {} })],
      ['put', `${P}/tasks/{taskId}/action/attach-form`, () => t.http().put(`${API}/tasks/${task}/action/attach-form`).set('Authorization', user.auth).send({ formId: 987654 })],
      ['put', `${P}/tasks/{taskId}/action/attach-form`, () => t.http().put(`${API}/tasks/${task}/action/attach-form`).set('Authorization', user.auth).send({ formId: model.body.id })],
      ['delete', `${P}/tasks/{taskId}/action/remove-form`, () => t.http().delete(`${API}/tasks/${task}/action/remove-form`).set('Authorization', user.auth)],
      ['put', `${P}/tasks/{taskId}/action/attach-form`, () => t.http().put(`${API}/tasks/${task}/action/attach-form`).set('Authorization', user.auth).send({ formId: model.body.id })],
      ['post', `${P}/task-forms/{taskId}`, () => u.post(`/task-forms/${task}`, { values: { x: 'done' } })],
      ['post', `${P}/task-forms/{taskId}`, () => u.post(`/task-forms/${task}`, { values: { x: 'again' } })],
    ];
    const problems: string[] = [];
    const statuses: string[] = [];
    for (const [method, path, call] of calls) {
      const res = await call();
      statuses.push(`${method} ${path} ${res.status}`);
      problems.push(...answerProblems(aps, method, path, res));
    }
    expect(problems).toEqual([]);
    expect(statuses).toEqual([
      `get ${P}/process-definitions/{processDefinitionId}/start-form 200`,
      `get ${P}/process-definitions/{processDefinitionId}/start-form 404`,
      `get ${P}/process-definitions/{processDefinitionId}/start-form-values/{field} 200`,
      `get ${P}/process-definitions/{processDefinitionId}/start-form-values/{field} 404`,
      `get ${P}/process-instances/{processInstanceId}/start-form 200`,
      `get ${P}/process-instances/{processInstanceId}/start-form 403`,
      `get ${P}/task-forms/{taskId} 200`,
      `get ${P}/task-forms/{taskId} 403`,
      `get ${P}/task-forms/{taskId}/variables 200`,
      `get ${P}/task-forms/{taskId}/form-values/{field} 200`,
      `post ${P}/task-forms/{taskId}/save-form 200`,
      `post ${P}/task-forms/{taskId}/save-form 400`,
      `post ${P}/task-forms/{taskId} 400`,
      `post ${P}/task-forms/{taskId} 403`,
      `put ${P}/tasks/{taskId}/action/attach-form 404`,
      `put ${P}/tasks/{taskId}/action/attach-form 200`,
      `delete ${P}/tasks/{taskId}/action/remove-form 200`,
      `put ${P}/tasks/{taskId}/action/attach-form 200`,
      `post ${P}/task-forms/{taskId} 200`,
      `post ${P}/task-forms/{taskId} 409`,
    ]);
  });
});
