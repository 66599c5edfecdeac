import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { ENGINE_API } from '../../support/engine.js';
import { API, APS_DATE, createTenant, createUser, type CreatedUser } from './aps-test-helpers.js';
import { pngImage, uploadRaw } from './content-test-helpers.js';
import { countInstances, definitionOf, fieldOf, instanceSnapshot, type Json, openTasks } from './forms-fixtures.js';

/*
 * Upload fields end to end (seed 004 "Content", "Start Process Instance", "Task Form"): content
 * uploaded with content/raw or tasks/{id}/raw-content, named by a start or task form submission,
 * becomes field content of the instance and shows in the rendered forms as content objects.
 * And the options of dynamic-table columns (task-forms/{id}/form-values/{field}/{column},
 * process-definitions/{id}/start-form-values/{field}/{column}).
 */

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.test/bpmn">
  <process id="uploadProcess" name="Upload process" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator" activiti:formKey="upload-start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="attach"/>
    <userTask id="attach" name="Attach the invoice" activiti:assignee="\${initiator}" activiti:formKey="upload-task"/>
    <sequenceFlow id="f2" sourceRef="attach" targetRef="wait"/>
    <userTask id="wait" name="Wait" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const COLUMNS = [
  { id: 'kind', name: 'Kind', type: 'Dropdown', options: [{ id: 'hw', name: 'Hardware' }, { id: 'sw', name: 'Software' }] },
  { id: 'country', name: 'Country', type: 'Dropdown', restUrl: 'pmtable:PMT_UPLOAD_COUNTRIES', restIdProperty: 'CODE', restLabelProperty: 'NAME' },
  { id: 'qty', name: 'Quantity', type: 'Number' },
];

const START_FORM = {
  key: 'upload-start',
  name: 'Upload start',
  fields: [
    { fieldType: 'FormFieldRepresentation', id: 'title', name: 'Title', type: 'text', required: true },
    {
      fieldType: 'ContainerRepresentation',
      id: 'box',
      name: 'Box',
      type: 'container',
      fields: { '1': [{ fieldType: 'FormFieldRepresentation', id: 'file1', name: 'Files', type: 'upload', params: { multiple: true } }] },
    },
    { fieldType: 'DynamicTableRepresentation', id: 'lines', name: 'Lines', type: 'dynamic-table', columnDefinitions: COLUMNS },
  ],
  outcomes: [],
};

const TASK_FORM = {
  key: 'upload-task',
  name: 'Upload task',
  fields: [
    { fieldType: 'FormFieldRepresentation', id: 'invoice', name: 'Invoice', type: 'upload', required: true },
    { fieldType: 'FormFieldRepresentation', id: 'extras', name: 'Extras', type: 'upload', params: { multiple: true } },
    { fieldType: 'FormFieldRepresentation', id: 'note', name: 'Note', type: 'text' },
    { fieldType: 'DynamicTableRepresentation', id: 'items', name: 'Items', type: 'dynamic-table', columnDefinitions: COLUMNS },
  ],
  outcomes: [],
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('aps forms: upload fields end to end, dynamic-table column options', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let outsider: CreatedUser;
  let definitionId: string;

  const get = (auth: string, path: string) => t.http().get(`${API}${path}`).set('Authorization', auth);
  const post = (auth: string, path: string, body: Json) => t.http().post(`${API}${path}`).set('Authorization', auth).send(body);
  const upload = async (who: CreatedUser, name = 'invoice.pdf'): Promise<string> => {
    const res = await uploadRaw(t, who.auth, PDF, name, 'application/pdf');
    expect(res.status).toBe(200);
    return String(res.body.id);
  };
  const contentRow = async (id: string) =>
    (
      await sql<Json>(
        t,
        `SELECT owner_kind AS "ownerKind", process_instance_id::text AS "instanceId", task_id::text AS "taskId", related_content AS "relatedContent" FROM content.content_items WHERE id = $1`,
        [id],
      )
    )[0];
  const fieldContent = async (auth: string, instanceId: string) => {
    const res = await get(auth, `/process-instances/${instanceId}/content?isRelatedContent=false`).expect(200);
    return (res.body.data as Json[]).map((c) => String(c.id));
  };
  const start = (auth: string, values: Json) => post(auth, '/process-instances', { processDefinitionId: definitionId, values });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Upload', email: 'alice.upload@example.com' });
    bob = await createUser(t, { email: 'bob.upload@example.com' });
    const other = await createTenant(t, 'Uploads elsewhere');
    outsider = await createUser(t, { tenantId: other, email: 'outsider.upload@example.com' });
    const deployed = await t
      .http()
      .post(`${ENGINE_API}/repository/deployments`)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(BPMN), 'upload-process.bpmn20.xml')
      .attach('file', Buffer.from(JSON.stringify(START_FORM)), 'upload-start.form')
      .attach('file', Buffer.from(JSON.stringify(TASK_FORM)), 'upload-task.form');
    expect(deployed.status).toBe(201);
    definitionId = await definitionOf(t, String(deployed.body.id));
    const table = await t
      .http()
      .post('/api/1.0/workflow/pmtable')
      .set('Authorization', t.adminBasic)
      .send({ pmt_tab_name: 'PMT_UPLOAD_COUNTRIES', fields: [{ fld_name: 'CODE', fld_type: 'CHAR', fld_size: 2, fld_key: 1 }, { fld_name: 'NAME', fld_type: 'VARCHAR', fld_size: 40 }] })
      .expect(201);
    const uid = (table.body as { pmt_uid: string }).pmt_uid;
    for (const row of [{ CODE: 'JP', NAME: 'Japan' }, { CODE: 'FR', NAME: 'France' }]) {
      await t.http().post(`/api/1.0/workflow/pmtable/${uid}/data`).set('Authorization', t.adminBasic).send(row).expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('start form', () => {
    it('content/raw uploads named by the start form become field content of the instance and show as content objects', async () => {
      const a = await upload(alice, 'quote.pdf');
      const b = await upload(alice, 'specs.pdf');
      expect(await contentRow(a)).toEqual({ ownerKind: 'none', instanceId: null, taskId: null, relatedContent: false });
      const res = await start(alice.auth, { title: 'Laptop', file1: [{ id: Number(a) }, { id: b }] });
      expect(res.status).toBe(200);
      const instanceId = String(res.body.id);
      expect(await contentRow(a)).toEqual({ ownerKind: 'process-instance', instanceId, taskId: null, relatedContent: false });
      expect(await contentRow(b)).toEqual({ ownerKind: 'process-instance', instanceId, taskId: null, relatedContent: false });
      expect(await fieldContent(alice.auth, instanceId)).toEqual([a, b]);
      const related = await get(alice.auth, `/process-instances/${instanceId}/content?isRelatedContent=true`).expect(200);
      expect(related.body.data).toEqual([]);

      const form = await get(alice.auth, `/process-instances/${instanceId}/start-form`).expect(200);
      const value = fieldOf(form.body.fields, 'file1')!.value as Json[];
      expect(value).toHaveLength(2);
      expect(value[0]).toEqual({
        id: Number(a),
        name: 'quote.pdf',
        created: expect.stringMatching(APS_DATE),
        createdBy: { id: alice.id, firstName: 'Alice', lastName: 'Upload', email: 'alice.upload@example.com' },
        relatedContent: false,
        contentAvailable: true,
        link: false,
        mimeType: 'application/pdf',
        simpleType: 'pdf',
        previewStatus: expect.any(String),
        thumbnailStatus: expect.any(String),
      });
      expect(value[1]).toMatchObject({ id: Number(b), name: 'specs.pdf', contentAvailable: true });
      // The variable keeps the ids (comma-separated), as Alfresco's upload field variables do.
      const variable = await sql<{ value: unknown }>(t, `SELECT value FROM process_engine.variables WHERE instance_id = $1 AND name = 'file1' AND task_id IS NULL`, [instanceId]);
      expect(variable[0]!.value).toBe(`${a},${b}`);
    });

    it('the id forms: a bare id, a list of ids, "1,2"', async () => {
      const a = await upload(alice);
      const b = await upload(alice);
      const one = await start(alice.auth, { title: 'One', file1: a }).expect(200);
      expect(await fieldContent(alice.auth, String(one.body.id))).toEqual([a]);
      const c = await upload(alice);
      const many = await start(alice.auth, { title: 'Many', file1: `${b},${c}` }).expect(200);
      expect(await fieldContent(alice.auth, String(many.body.id))).toEqual([b, c]);
    });

    it('refuses content that is not the starter\'s own unowned upload: 400 naming the id, no instance, the content still unowned', async () => {
      const bobs = await upload(bob);
      const outsiders = await upload(outsider);
      const picture = await t.http().post(`${API}/profile-picture`).set('Authorization', alice.auth).attach('file', await pngImage(16, 16), 'me.png');
      expect(picture.status).toBe(200);
      const pictureId = String(picture.body.id);
      const mine = await upload(alice);
      const claimedElsewhere = await upload(alice);
      const elsewhere = await start(alice.auth, { title: 'Elsewhere', file1: claimedElsewhere }).expect(200);

      const before = await countInstances(t, definitionId);
      const cases: Array<[string, unknown, string]> = [
        ['another user\'s unowned upload', [{ id: bobs }, { id: mine }], bobs],
        ['another tenant\'s upload', [{ id: mine }, { id: outsiders }], outsiders],
        ['an unknown id', [{ id: mine }, { id: '987654321' }], '987654321'],
        ['a picture', [{ id: mine }, { id: pictureId }], pictureId],
        ['content of another instance', [{ id: claimedElsewhere }, { id: mine }], claimedElsewhere],
      ];
      for (const [label, file1, bad] of cases) {
        const res = await start(alice.auth, { title: 'Refused', file1 });
        expect({ label, status: res.status }).toEqual({ label, status: 400 });
        expect(res.body).toEqual({ message: expect.stringContaining(`Content ${bad} `), messageKey: 'GENERAL.ERROR.BAD-REQUEST', field: 'contentIds', code: 'CONTENT.FIELD_CONTENT' });
      }
      for (const file1 of ['abc', [{ id: 'x1' }], [{ id: -4 }], [{ name: 'no id' }]]) {
        const res = await start(alice.auth, { title: 'Malformed', file1 });
        expect({ file1, status: res.status }).toEqual({ file1, status: 400 });
        expect(res.body.message).toContain('file1');
      }
      // Nothing changed: no instance, every upload still unowned, the other instance's content still its own.
      expect(await countInstances(t, definitionId)).toBe(before);
      for (const id of [bobs, outsiders, mine, pictureId]) expect(await contentRow(id)).toMatchObject({ ownerKind: 'none', instanceId: null, taskId: null });
      expect(await contentRow(claimedElsewhere)).toMatchObject({ ownerKind: 'process-instance', instanceId: String(elsewhere.body.id) });
      expect(await fieldContent(alice.auth, String(elsewhere.body.id))).toEqual([claimedElsewhere]);
      // Bob still sees his upload, and alice can still use hers.
      await get(bob.auth, `/content/${bobs}`).expect(200);
      const ok = await start(alice.auth, { title: 'Mine', file1: mine }).expect(200);
      expect(await fieldContent(alice.auth, String(ok.body.id))).toEqual([mine]);
    });
  });

  describe('task form', () => {
    let instanceId: string;
    let taskId: string;

    beforeAll(async () => {
      const res = await start(alice.auth, { title: 'For the task' }).expect(200);
      instanceId = String(res.body.id);
      taskId = (await openTasks(t, instanceId))[0]!.id;
    });

    it('refuses bad content ids with 400 naming the id; the task stays open and nothing changes', async () => {
      const bobs = await upload(bob);
      const outsiders = await upload(outsider);
      const mine = await upload(alice);
      const pictureId = String((await sql<{ id: string }>(t, `SELECT content_id::text AS id FROM content.pictures WHERE owner_kind = 'user' AND owner_id = $1`, [alice.id]))[0]!.id);
      const snapshot = await instanceSnapshot(t, instanceId);
      const cases: Array<[Json, string]> = [
        [{ invoice: mine, extras: [{ id: bobs }] }, bobs],
        [{ invoice: outsiders, extras: [{ id: mine }] }, outsiders],
        [{ invoice: mine, extras: '123456789' }, '123456789'],
        [{ invoice: mine, extras: [{ id: pictureId }] }, pictureId],
        [{ invoice: pictureId }, pictureId],
      ];
      for (const [values, bad] of cases) {
        const res = await post(alice.auth, `/task-forms/${taskId}`, { values: { ...values, note: 'n' } });
        expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
        expect(res.body).toEqual({ message: expect.stringContaining(`Content ${bad} `), messageKey: 'GENERAL.ERROR.BAD-REQUEST', field: 'contentIds', code: 'CONTENT.FIELD_CONTENT' });
      }
      for (const invoice of ['x', [{ id: 'abc' }], {}]) {
        const res = await post(alice.auth, `/task-forms/${taskId}`, { values: { invoice } });
        expect({ invoice, status: res.status }).toEqual({ invoice, status: 400 });
        expect(res.body.message).toContain('invoice');
      }
      expect(await instanceSnapshot(t, instanceId)).toEqual(snapshot);
      expect((await openTasks(t, instanceId)).map((x) => x.id)).toEqual([taskId]);
      for (const id of [bobs, outsiders, mine]) expect(await contentRow(id)).toMatchObject({ ownerKind: 'none', instanceId: null, taskId: null });
      // the valid upload of the first case was not claimed either: the whole submission rolled back
      expect(await fieldContent(alice.auth, instanceId)).toEqual([]);
    });

    it('a draft (save-form) naming an own upload shows it to its uploader only; the submission claims it for the task', async () => {
      const mine = await upload(alice, 'invoice-2026.pdf');
      await post(alice.auth, `/task-forms/${taskId}/save-form`, { values: { invoice: [{ id: mine }] } }).expect(200);
      const draft = await get(alice.auth, `/task-forms/${taskId}`).expect(200);
      expect(fieldOf(draft.body.fields, 'invoice')!.value).toEqual([expect.objectContaining({ id: Number(mine), name: 'invoice-2026.pdf', relatedContent: false })]);
      expect(await contentRow(mine)).toMatchObject({ ownerKind: 'none' });
      // Anyone else who sees the task (an admin) does not see someone's unowned upload through the draft.
      const seenByAdmin = await get(t.adminBasic, `/task-forms/${taskId}`).expect(200);
      expect(fieldOf(seenByAdmin.body.fields, 'invoice')!.value).toEqual([]);

      await post(alice.auth, `/task-forms/${taskId}`, { values: { invoice: [{ id: mine }], note: 'paid' } }).expect(200);
      expect(await contentRow(mine)).toEqual({ ownerKind: 'task', instanceId, taskId, relatedContent: false });
      expect(await fieldContent(alice.auth, instanceId)).toEqual([mine]);
      const done = await get(alice.auth, `/task-forms/${taskId}`).expect(200);
      expect(done.body.readOnly).toBe(true);
      expect(fieldOf(done.body.fields, 'invoice')!.value).toEqual([
        expect.objectContaining({ id: Number(mine), name: 'invoice-2026.pdf', mimeType: 'application/pdf', simpleType: 'pdf', contentAvailable: true, relatedContent: false }),
      ]);
      const taskContent = await get(alice.auth, `/tasks/${taskId}/content`).expect(200);
      expect((taskContent.body.data as Json[]).map((c) => String(c.id))).toEqual([mine]);
    });

    it('an upload to the task (tasks/{id}/raw-content) named by its form stays the task\'s field content', async () => {
      const second = await start(alice.auth, { title: 'Second' }).expect(200);
      const secondId = String(second.body.id);
      const task = (await openTasks(t, secondId))[0]!.id;
      const up = await t.http().post(`${API}/tasks/${task}/raw-content?isRelatedContent=false`).set('Authorization', alice.auth).attach('file', PDF, { filename: 'scan.pdf', contentType: 'application/pdf' });
      expect(up.status).toBe(200);
      const id = String(up.body.id);
      await post(alice.auth, `/task-forms/${task}`, { values: { invoice: id } }).expect(200);
      expect(await contentRow(id)).toEqual({ ownerKind: 'task', instanceId: secondId, taskId: task, relatedContent: false });
      const done = await get(alice.auth, `/task-forms/${task}`).expect(200);
      expect(fieldOf(done.body.fields, 'invoice')!.value).toEqual([expect.objectContaining({ id: Number(id), name: 'scan.pdf' })]);
      expect(await fieldContent(alice.auth, secondId)).toEqual([id]);
    });
  });

  describe('dynamic-table column options', () => {
    let taskId: string;

    beforeAll(async () => {
      const res = await start(alice.auth, { title: 'Columns' }).expect(200);
      taskId = (await openTasks(t, String(res.body.id)))[0]!.id;
    });

    it('task-forms/{id}/form-values/{field}/{column}: static options, data-table rows, [] for a column without options', async () => {
      expect((await get(alice.auth, `/task-forms/${taskId}/form-values/items/kind`).expect(200)).body).toEqual([
        { id: 'hw', name: 'Hardware' },
        { id: 'sw', name: 'Software' },
      ]);
      expect((await get(alice.auth, `/task-forms/${taskId}/form-values/items/country`).expect(200)).body).toEqual([
        { id: 'JP', name: 'Japan' },
        { id: 'FR', name: 'France' },
      ]);
      expect((await get(alice.auth, `/task-forms/${taskId}/form-values/items/qty`).expect(200)).body).toEqual([]);
    });

    it('process-definitions/{id}/start-form-values/{field}/{column}', async () => {
      expect((await get(bob.auth, `/process-definitions/${definitionId}/start-form-values/lines/kind`).expect(200)).body).toEqual([
        { id: 'hw', name: 'Hardware' },
        { id: 'sw', name: 'Software' },
      ]);
      expect((await get(bob.auth, `/process-definitions/${definitionId}/start-form-values/lines/country`).expect(200)).body).toEqual([
        { id: 'JP', name: 'Japan' },
        { id: 'FR', name: 'France' },
      ]);
    });

    it('unknown field or column, a field that is no dynamic table: 404; strangers 403/404', async () => {
      for (const [path, code] of [
        [`/task-forms/${taskId}/form-values/nope/kind`, 'FORMS.FIELD_NOT_FOUND'],
        [`/task-forms/${taskId}/form-values/items/nope`, 'FORMS.COLUMN_NOT_FOUND'],
        [`/task-forms/${taskId}/form-values/note/kind`, 'FORMS.COLUMN_NOT_FOUND'],
        [`/process-definitions/${definitionId}/start-form-values/nope/kind`, 'FORMS.FIELD_NOT_FOUND'],
        [`/process-definitions/${definitionId}/start-form-values/lines/nope`, 'FORMS.COLUMN_NOT_FOUND'],
        [`/process-definitions/${definitionId}/start-form-values/title/kind`, 'FORMS.COLUMN_NOT_FOUND'],
      ] as const) {
        const res = await get(alice.auth, path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.body).toMatchObject({ message: expect.any(String), messageKey: 'GENERAL.ERROR.NOT-FOUND', code });
      }
      expect((await get(alice.auth, `/task-forms/${taskId}/form-values/items/${'c'.repeat(256)}`)).status).toBe(400);
      expect((await get(bob.auth, `/task-forms/${taskId}/form-values/items/kind`)).status).toBe(403);
      expect((await get(outsider.auth, `/task-forms/${taskId}/form-values/items/kind`)).status).toBe(404);
      expect((await get(outsider.auth, `/process-definitions/${definitionId}/start-form-values/lines/kind`)).status).toBe(404);
    });
  });
});
