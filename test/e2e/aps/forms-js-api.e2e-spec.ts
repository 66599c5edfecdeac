import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import { type AlfrescoApiInstance, type ApsClientError, jsApi } from '../../support/alfresco-js-api.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { instanceRow } from '../../support/engine.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';
import { deployFormsProcess, fieldOf, type Json, openTasks } from './forms-fixtures.js';

/** The form APIs of @alfresco/js-api, typed as far as this test uses them. */
interface FormApis {
  ProcessDefinitionsApi: new (api: AlfrescoApiInstance) => {
    getProcessDefinitionStartForm(id: string): Promise<Json>;
    getRestFieldValues(id: string, field: string): Promise<Json[]>;
  };
  ProcessInstancesApi: new (api: AlfrescoApiInstance) => {
    startNewProcessInstance(body: Json): Promise<Json>;
    getProcessInstanceStartForm(id: string): Promise<Json>;
  };
  TaskFormsApi: new (api: AlfrescoApiInstance) => {
    getTaskForm(taskId: string): Promise<Json>;
    saveTaskForm(taskId: string, body: Json): Promise<unknown>;
    completeTaskForm(taskId: string, body: Json): Promise<unknown>;
    getTaskFormVariables(taskId: string): Promise<Json[]>;
  };
}
const { ProcessDefinitionsApi, ProcessInstancesApi, TaskFormsApi } = untyped as unknown as FormApis;

/** Alfresco's own JavaScript client drives the form flow: start form → start with values → task form → save → complete. */
describe('aps forms through @alfresco/js-api', () => {
  let t: TestApp;
  let user: CreatedUser;
  let api: AlfrescoApiInstance;
  let definitionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createUser(t, { firstName: 'Fiona', lastName: 'Form', email: 'fiona.js@example.com' });
    ({ definitionId } = await deployFormsProcess(t));
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login(user.email, user.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('start form, start with values, task form, save, complete, the completed start form', async () => {
    const definitions = new ProcessDefinitionsApi(api);
    const startForm = await definitions.getProcessDefinitionStartForm(definitionId);
    expect(startForm).toMatchObject({ processDefinitionId: definitionId, processDefinitionKey: 'formsProcess', outcomes: [{ id: 'submit', name: 'Submit' }] });
    expect(await definitions.getRestFieldValues(definitionId, 'priority')).toEqual([
      { id: 'low', name: 'Low' },
      { id: 'high', name: 'High' },
    ]);

    const instances = new ProcessInstancesApi(api);
    const started = await instances.startNewProcessInstance({
      processDefinitionId: definitionId,
      name: 'Through js-api',
      values: { title: 'Chair', amount: 90, priority: { id: 'low', name: 'Low' } },
      outcome: 'Submit',
    });
    expect(started).toMatchObject({ name: 'Through js-api', startFormDefined: true });
    const instanceId = String(started.id);
    const done = await instances.getProcessInstanceStartForm(instanceId);
    expect(fieldOf(done.fields, 'priority')).toMatchObject({ value: expect.anything() });

    const forms = new TaskFormsApi(api);
    const [review] = await openTasks(t, instanceId);
    const form = await forms.getTaskForm(review!.id);
    expect(form).toMatchObject({ taskId: review!.id, key: 'review-form' });
    expect(fieldOf(form.fields, 'title')).toMatchObject({ value: 'Chair' });
    await forms.saveTaskForm(review!.id, { values: { comment: 'draft' } });
    expect(fieldOf((await forms.getTaskForm(review!.id)).fields, 'comment')).toMatchObject({ value: 'draft' });
    expect(await forms.getTaskFormVariables(review!.id)).toEqual(expect.arrayContaining([{ id: 'amount', type: 'long', value: 90 }]));

    // A bad submission is refused with the client's error (400), the task stays open.
    const refused = await forms.completeTaskForm(review!.id, { values: { approved: 'yes please' }, outcome: 'Approve' }).then(
      () => null,
      (e: ApsClientError) => e,
    );
    expect(refused?.status).toBe(400);
    expect((await openTasks(t, instanceId)).map((x) => x.id)).toEqual([review!.id]);

    await forms.completeTaskForm(review!.id, { values: { approved: true, comment: 'ok' }, outcome: 'Approve' });
    const [confirm] = await openTasks(t, instanceId);
    expect(confirm).toMatchObject({ key: 'confirm' });
    await forms.completeTaskForm(confirm!.id, { values: { note: 'done' } });
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed' });
  });
});
