import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { deployBpmn, oneTaskBpmn } from '../../support/engine.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { taskSnapshot } from './engine-tasks-fixtures.js';
import { fieldOf, type Json, openTasks } from './forms-fixtures.js';

const CONFIRM_FORM = readFileSync(new URL('../../fixtures/forms/confirm.form', import.meta.url), 'utf8');

/** Form models (aps modelType 2) and the task actions attach-form / remove-form. */
describe('aps form models and attach-form / remove-form', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;

  const modelCount = async () => (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.models WHERE model_type = 2`))[0]!.n;
  const newTask = async (key: string): Promise<{ instanceId: string; taskId: string }> => {
    await deployBpmn(t, oneTaskBpmn(key));
    const started = await t.http().post(`${API}/process-instances`).set('Authorization', alice.auth).send({ processDefinitionKey: key }).expect(200);
    const [task] = await openTasks(t, started.body.id as string);
    return { instanceId: started.body.id as string, taskId: task!.id };
  };

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { email: 'alice.formmodels@example.com' });
    bob = await createUser(t, { email: 'bob.formmodels@example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creating a form model with invalid form JSON: 400 listing the problems, nothing created', async () => {
    const before = await modelCount();
    const res = await t
      .http()
      .post(`${API}/models`)
      .set('Authorization', alice.auth)
      .send({ modelType: 2, name: 'Broken', content: JSON.stringify({ fields: [{ id: 'a', type: 'no-such-type' }, { type: 'text' }] }) });
    expect(res.status).toBe(400);
    expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
    expect(res.body.message).toContain('no-such-type');
    expect(await modelCount()).toBe(before);
  });

  it('a valid form model keeps the aps model shape; a bad new version is a 400 and keeps the old one', async () => {
    const created = await t.http().post(`${API}/models`).set('Authorization', alice.auth).send({ modelType: 2, name: 'Confirm model', content: CONFIRM_FORM }).expect(200);
    expect(created.body).toMatchObject({ name: 'Confirm model', modelType: 2, version: 1, latestVersion: true, permission: 'write' });
    const id = created.body.id as number;
    const bad = await t.http().put(`${API}/models/${id}`).set('Authorization', alice.auth).send({ content: JSON.stringify({ fields: 'nope' }) });
    expect(bad.status).toBe(400);
    const again = await t.http().get(`${API}/models/${id}`).set('Authorization', alice.auth).expect(200);
    expect(again.body).toMatchObject({ version: 1 });
  });

  it('attach-form puts a form model on a task (formKey = its id), the task form renders it, remove-form takes it off', async () => {
    const model = await t.http().post(`${API}/models`).set('Authorization', alice.auth).send({ modelType: 2, name: 'Attached', content: CONFIRM_FORM }).expect(200);
    const formId = model.body.id as number;
    const { instanceId, taskId } = await newTask('attachMe');
    expect((await t.http().get(`${API}/task-forms/${taskId}`).set('Authorization', alice.auth)).status).toBe(404);

    await t.http().put(`${API}/tasks/${taskId}/action/attach-form`).set('Authorization', alice.auth).send({ formId }).expect(200);
    const task = await t.http().get(`${API}/tasks/${taskId}`).set('Authorization', alice.auth).expect(200);
    expect(task.body.formKey).toBe(String(formId));
    const form = await t.http().get(`${API}/task-forms/${taskId}`).set('Authorization', alice.auth).expect(200);
    expect(form.body).toMatchObject({ taskId, readOnly: false });
    expect(fieldOf(form.body.fields, 'note')).toMatchObject({ required: true });

    await t.http().delete(`${API}/tasks/${taskId}/action/remove-form`).set('Authorization', alice.auth).expect(200);
    const after = await t.http().get(`${API}/tasks/${taskId}`).set('Authorization', alice.auth).expect(200);
    expect(after.body.formKey).toBeNull();
    expect((await t.http().get(`${API}/task-forms/${taskId}`).set('Authorization', alice.auth)).status).toBe(404);
    // Removing again changes nothing.
    const before = await taskSnapshot(t, taskId);
    await t.http().delete(`${API}/tasks/${taskId}/action/remove-form`).set('Authorization', alice.auth).expect(200);
    expect(await taskSnapshot(t, taskId)).toEqual(before);

    // Attached again and completed through the form: the values land on the instance.
    await t.http().put(`${API}/tasks/${taskId}/action/attach-form`).set('Authorization', alice.auth).send({ formId: String(formId) }).expect(200);
    await t.http().post(`${API}/task-forms/${taskId}`).set('Authorization', alice.auth).send({ values: { note: 'via model' } }).expect(200);
    expect(await sql(t, `SELECT value FROM process_engine.variables WHERE instance_id = $1 AND name = 'note'`, [instanceId])).toEqual([{ value: 'via model' }]);
  });

  it('attach-form with an unknown form id, a process model id, no formId, by an outsider: refused, task unchanged', async () => {
    const { taskId } = await newTask('attachBad');
    const processModel = await t.http().post(`${API}/models`).set('Authorization', alice.auth).send({ modelType: 0, name: 'A process' }).expect(200);
    const attach = (auth: string, body: Json) => t.http().put(`${API}/tasks/${taskId}/action/attach-form`).set('Authorization', auth).send(body);
    const before = await taskSnapshot(t, taskId);
    const unknown = await attach(alice.auth, { formId: 987654321 });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'ENGINE.FORM_NOT_FOUND', messageKey: 'GENERAL.ERROR.NOT-FOUND' });
    expect((await attach(alice.auth, { formId: processModel.body.id })).status).toBe(404);
    expect((await attach(alice.auth, {})).status).toBe(400);
    expect((await attach(alice.auth, { formId: 'abc' })).status).toBe(400);
    expect((await attach(bob.auth, { formId: 1 })).status).toBe(403);
    expect(await taskSnapshot(t, taskId)).toEqual(before);
  });

  it('deleting a form model takes its form away from tasks it was attached to', async () => {
    const model = await t.http().post(`${API}/models`).set('Authorization', alice.auth).send({ modelType: 2, name: 'Short-lived', content: CONFIRM_FORM }).expect(200);
    const { taskId } = await newTask('attachGone');
    await t.http().put(`${API}/tasks/${taskId}/action/attach-form`).set('Authorization', alice.auth).send({ formId: model.body.id }).expect(200);
    await t.http().delete(`${API}/models/${model.body.id}`).set('Authorization', alice.auth).expect(200);
    expect((await t.http().get(`${API}/task-forms/${taskId}`).set('Authorization', alice.auth)).status).toBe(404);
  });
});
