import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { ENGINE_API, instanceRow } from '../../support/engine.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import {
  countInstances,
  definitionOf,
  deployFormsProcess,
  fieldOf,
  formsZip,
  type Json,
  openTasks,
  startWithForm,
} from './forms-fixtures.js';

describe('aps forms in processes: deploy, start form, task forms, audit', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let outsider: CreatedUser;
  let definitionId: string;

  const get = (auth: string, path: string) => t.http().get(`${API}${path}`).set('Authorization', auth);
  const post = (auth: string, path: string, body: Json) => t.http().post(`${API}${path}`).set('Authorization', auth).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Form', email: 'alice.forms@example.com' });
    outsider = await createUser(t, { email: 'outsider.forms@example.com' });
    ({ definitionId } = await deployFormsProcess(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('a deployment with forms as further file parts: hasStartForm, the forms stored as resources', async () => {
    const list = await get(alice.auth, '/process-definitions').expect(200);
    expect((list.body.data as Json[]).find((d) => d.id === definitionId)).toMatchObject({ key: 'formsProcess', hasStartForm: true });
    const deploymentId = definitionId.split(':')[2]!;
    const resources = await t.http().get(`${ENGINE_API}/repository/deployments/${deploymentId}/resources`).set('Authorization', t.adminBasic).expect(200);
    expect((resources.body as Json[]).map((r) => r.id).sort()).toEqual(['confirm.form', 'forms-process.bpmn20.xml', 'request.form', 'review.form']);
  });

  it('GET process-definitions/{id}/start-form renders the start form with the definition', async () => {
    const res = await get(alice.auth, `/process-definitions/${definitionId}/start-form`).expect(200);
    expect(res.body).toMatchObject({
      key: 'request-form',
      name: 'Request',
      processDefinitionId: definitionId,
      processDefinitionName: 'Forms process',
      processDefinitionKey: 'formsProcess',
      outcomes: [{ id: 'submit', name: 'Submit' }],
    });
    expect(res.body.id).toEqual(expect.anything());
    expect(fieldOf(res.body.fields, 'title')).toMatchObject({ fieldType: 'FormFieldRepresentation', id: 'title', name: 'Title', type: 'text', required: true, value: null });
    expect(fieldOf(res.body.fields, 'amount')).toMatchObject({ type: 'integer', required: true });
    const options = await get(alice.auth, `/process-definitions/${definitionId}/start-form-values/priority`).expect(200);
    expect(options.body).toEqual([
      { id: 'low', name: 'Low' },
      { id: 'high', name: 'High' },
    ]);
  });

  it('start with values and outcome: typed variables, the outcome variable, the completed start form, the startForm audit entry', async () => {
    const started = await startWithForm(t, alice.auth, definitionId, { title: 'New laptop', amount: 1200, priority: 'High' });
    expect(started).toMatchObject({ startFormDefined: true, processDefinitionId: definitionId });
    expect(started.variables).toEqual(
      expect.arrayContaining([
        { name: 'title', type: 'string', value: 'New laptop' },
        { name: 'amount', type: 'long', value: 1200 },
        { name: 'priority', type: 'string', value: 'high' },
        { name: 'form_request-form_outcome', type: 'string', value: 'Submit' },
      ]),
    );
    const done = await get(alice.auth, `/process-instances/${started.id}/start-form`).expect(200);
    expect(done.body).toMatchObject({ key: 'request-form', processInstanceId: started.id, processDefinitionId: definitionId, readOnly: true });
    expect(fieldOf(done.body.fields, 'title')).toMatchObject({ value: 'New laptop' });
    expect(fieldOf(done.body.fields, 'amount')).toMatchObject({ value: 1200 });

    const audit = await get(alice.auth, `/process-instances/${started.id}/audit-log`).expect(200);
    const startForm = (audit.body.entries as Json[]).find((e) => e.type === 'startForm');
    expect(startForm).toMatchObject({ index: 1, selectedOutcome: 'Submit' });
    expect(startForm!.formData).toEqual(
      expect.arrayContaining([
        { fieldName: 'Title', fieldId: 'title', value: 'New laptop' },
        { fieldName: 'Amount', fieldId: 'amount', value: 1200 },
      ]),
    );
    // Someone who does not see the instance.
    expectApsError((await get(outsider.auth, `/process-instances/${started.id}/start-form`).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
  });

  it('an instance started without form values has no completed start form (404)', async () => {
    const res = await post(alice.auth, '/process-instances', { processDefinitionId: definitionId, variables: [{ name: 'title', value: 'x' }] }).expect(200);
    expectApsError((await get(alice.auth, `/process-instances/${res.body.id}/start-form`).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
  });

  it('task form: variables in the fields, save-form drafts over them, variables list, complete with outcome advances in one request', async () => {
    const started = await startWithForm(t, alice.auth, definitionId);
    const [review] = await openTasks(t, started.id);
    expect(review).toMatchObject({ key: 'review', formKey: 'review-form' });

    const form = await get(alice.auth, `/task-forms/${review!.id}`).expect(200);
    expect(form.body).toMatchObject({
      key: 'review-form',
      taskId: review!.id,
      taskName: 'Review the request',
      processDefinitionId: definitionId,
      processDefinitionKey: 'formsProcess',
      readOnly: false,
      outcomes: [
        { id: 'approve', name: 'Approve' },
        { id: 'reject', name: 'Reject' },
      ],
    });
    expect(fieldOf(form.body.fields, 'title')).toMatchObject({ value: 'New laptop', readOnly: true });
    expect(fieldOf(form.body.fields, 'items')).toMatchObject({ type: 'dynamic-table', columnDefinitions: expect.any(Array) });

    await post(alice.auth, `/task-forms/${review!.id}/save-form`, { values: { comment: 'half done', approved: true } }).expect(200, {});
    const drafted = await get(alice.auth, `/task-forms/${review!.id}`).expect(200);
    expect(fieldOf(drafted.body.fields, 'comment')).toMatchObject({ value: 'half done' });
    expect(fieldOf(drafted.body.fields, 'title')).toMatchObject({ value: 'New laptop' });
    // A draft writes no variable.
    expect(await sql(t, `SELECT name FROM process_engine.variables WHERE instance_id = $1 AND name = 'comment'`, [started.id])).toEqual([]);

    const vars = await get(alice.auth, `/task-forms/${review!.id}/variables`).expect(200);
    expect(vars.body).toEqual(
      expect.arrayContaining([
        { id: 'initiator', type: 'string', value: String(alice.id) },
        { id: 'title', type: 'string', value: 'New laptop' },
        { id: 'amount', type: 'long', value: 1200 },
      ]),
    );
    expect((vars.body as Json[]).map((v) => v.id)).toEqual([...(vars.body as Json[]).map((v) => v.id as string)].sort());

    const items = [{ item: 'Dock', qty: 2 }];
    await post(alice.auth, `/task-forms/${review!.id}`, { values: { title: 'New laptop', approved: true, comment: 'fine', items }, outcome: 'Approve' }).expect(200, {});
    const next = await openTasks(t, started.id);
    expect(next.map((x) => x.key)).toEqual(['confirm']);
    const variables = await sql<{ name: string; type: string; value: unknown }>(
      t,
      `SELECT name, type, value FROM process_engine.variables WHERE instance_id = $1 AND task_id IS NULL ORDER BY name`,
      [started.id],
    );
    expect(variables).toEqual(
      expect.arrayContaining([
        { name: 'approved', type: 'boolean', value: true },
        { name: 'comment', type: 'string', value: 'fine' },
        { name: 'items', type: 'json', value: items },
        { name: 'form_review-form_outcome', type: 'string', value: 'Approve' },
      ]),
    );

    // The ended task's form: the submitted values, read-only; the task audit carries formData and the outcome.
    const ended = await get(alice.auth, `/task-forms/${review!.id}`).expect(200);
    expect(ended.body).toMatchObject({ readOnly: true, taskId: review!.id });
    expect(fieldOf(ended.body.fields, 'comment')).toMatchObject({ value: 'fine' });
    const taskAudit = await get(alice.auth, `/tasks/${review!.id}/audit`).expect(200);
    expect(taskAudit.body).toMatchObject({ taskId: review!.id, selectedOutcome: 'Approve' });
    expect(taskAudit.body.formData).toEqual(expect.arrayContaining([{ fieldId: 'comment', fieldName: 'Comment', value: 'fine' }]));
    const log = await get(alice.auth, `/process-instances/${started.id}/audit-log`).expect(200);
    expect((log.body.entries as Json[]).find((e) => e.type === 'formSubmitted')).toMatchObject({ taskName: 'Review the request', selectedOutcome: 'Approve' });

    // The last task: a form without outcomes; completing it ends the instance.
    await post(alice.auth, `/task-forms/${next[0]!.id}`, { values: { note: 'ok' } }).expect(200);
    expect(await openTasks(t, started.id)).toEqual([]);
    expect(await instanceRow(t, started.id)).toMatchObject({ state: 'completed' });
  });

  it('a zip with the BPMN and its forms deploys as the separate files do', async () => {
    const res = await t.http().post(`${ENGINE_API}/repository/deployments`).set('Authorization', t.adminBasic).attach('file', formsZip('zippedForms'), 'forms.zip').expect(201);
    const defId = await definitionOf(t, String(res.body.id));
    expect(defId).toMatch(/^zippedForms:1:/);
    const resources = await t.http().get(`${ENGINE_API}/repository/deployments/${res.body.id}/resources`).set('Authorization', t.adminBasic).expect(200);
    expect((resources.body as Json[]).map((r) => r.id).sort()).toEqual(['forms-process.bpmn20.xml', 'forms/confirm.form', 'forms/request.form', 'forms/review.form']);
    const form = await get(alice.auth, `/process-definitions/${defId}/start-form`).expect(200);
    expect(form.body).toMatchObject({ key: 'request-form', processDefinitionKey: 'zippedForms' });
    // The zipped deployment's own forms, not the first deployment's.
    const started = await startWithForm(t, alice.auth, defId);
    expect(await countInstances(t, defId)).toBe(1);
    expect((await openTasks(t, started.id)).map((x) => x.key)).toEqual(['review']);
  });

  it('refuses unsafe or oversized zips (400/413) and deploys nothing', async () => {
    const deployments = async () => (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.deployments`))[0]!.n;
    const before = await deployments();
    const deploy = (bytes: Buffer, name = 'bad.zip') => t.http().post(`${ENGINE_API}/repository/deployments`).set('Authorization', t.adminBasic).attach('file', bytes, name);

    const traversal = await deploy(formsZip('evil', { '../escape.form': Buffer.from('{}') }));
    expect(traversal.status).toBe(400);
    expectApsError(traversal.body, 'GENERAL.ERROR.BAD-REQUEST');
    expect(traversal.body.message).toContain('../escape.form');

    const absolute = await deploy(formsZip('evil', { '/etc/passwd.form': Buffer.from('{}') }));
    expect(absolute.status).toBe(400);

    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 600; i++) many[`f${i}.txt`] = new Uint8Array([1]);
    const tooMany = await deploy(formsZip('evil', many));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain('entries');

    const corrupt = await deploy(Buffer.from('PK\u0003\u0004 this is not a zip at all'));
    expect(corrupt.status).toBe(400);

    expect(await deployments()).toBe(before);
  });

  it('a bad form file rejects the whole deployment (400 listing problems), nothing stored', async () => {
    const before = (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.deployments`))[0]!.n;
    const res = await t
      .http()
      .post(`${ENGINE_API}/repository/deployments`)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(formsZip('badForm')), 'with-forms.zip')
      .attach('file', Buffer.from('{"key": "broken", "fields": [{"id": "x", "type": "no-such-type"}]}'), 'broken.form');
    expect(res.status).toBe(400);
    expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
    expect(res.body.message).toContain('no-such-type');
    expect((await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.deployments`))[0]!.n).toBe(before);
  });
});
