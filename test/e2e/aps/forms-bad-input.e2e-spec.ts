import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { deployBpmn, ENGINE_API, oneTaskBpmn } from '../../support/engine.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { countInstances, deployFormsProcess, formsZip, instanceSnapshot, type Json, openTasks, startWithForm } from './forms-fixtures.js';

/** Every refused form request: the aps error, and a re-read proving nothing changed (task open, no variables, no instance). */
describe('aps forms: bad input changes nothing', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let definitionId: string;
  let instanceId: string;
  let reviewId: string;

  const post = (auth: string, path: string, body: Json) => t.http().post(`${API}${path}`).set('Authorization', auth).send(body);

  /** A refused submission of the review form: status, aps body, the instance exactly as it was. */
  async function refusedReview(status: number, messageKey: string, body: Json, auth = alice.auth, field?: string): Promise<Json> {
    const before = await instanceSnapshot(t, instanceId);
    const res = await post(auth, `/task-forms/${reviewId}`, body);
    expect(res.status).toBe(status);
    expectApsError(res.body, messageKey, field);
    expect(await instanceSnapshot(t, instanceId)).toEqual(before);
    expect((await openTasks(t, instanceId)).map((x) => x.id)).toEqual([reviewId]);
    return res.body as Json;
  }

  async function refusedStart(status: number, body: Json, defId = definitionId): Promise<Json> {
    const before = await countInstances(t, defId);
    const res = await post(alice.auth, '/process-instances', body);
    expect(res.status).toBe(status);
    expectApsError(res.body, status === 400 ? 'GENERAL.ERROR.BAD-REQUEST' : 'GENERAL.ERROR.NOT-FOUND');
    expect(await countInstances(t, defId)).toBe(before);
    return res.body as Json;
  }

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: String(2 * 1024 * 1024) });
    alice = await createUser(t, { email: 'alice.badforms@example.com' });
    bob = await createUser(t, { email: 'bob.badforms@example.com' });
    ({ definitionId } = await deployFormsProcess(t));
    instanceId = (await startWithForm(t, alice.auth, definitionId)).id;
    reviewId = (await openTasks(t, instanceId))[0]!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST task-forms/{taskId}', () => {
    it('an unknown field id: 400 naming it', async () => {
      const body = await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: { nosuchfield: 'x' }, outcome: 'Approve' });
      expect(body.message).toContain('nosuchfield');
    });

    it('a value of the wrong type: 400 naming the field', async () => {
      const body = await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: { approved: 'not a boolean' }, outcome: 'Approve' });
      expect(body.message).toContain('approved');
    });

    it('a value for a read-only field that differs from the variable: 400', async () => {
      const body = await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: { title: 'Changed title' }, outcome: 'Approve' });
      expect(body.message).toContain('title');
    });

    it('an outcome the form does not offer: 400', async () => {
      const body = await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: { approved: true }, outcome: 'Maybe' });
      expect(body.message).toContain('outcome');
    });

    it('a dynamic-table row without its required column: 400 naming the table', async () => {
      const body = await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: { items: [{ qty: 3 }] }, outcome: 'Approve' });
      expect(body.message).toContain('items');
    });

    it('values that are not an object: 400', async () => {
      await refusedReview(400, 'GENERAL.ERROR.BAD-REQUEST', { values: ['a'], outcome: 'Approve' });
    });

    it('someone not involved: 403, before any validation', async () => {
      await refusedReview(403, 'GENERAL.ERROR.FORBIDDEN', { values: { nosuchfield: 1 } }, bob.auth);
    });

    it('an unknown task: 404; a malformed id: 400', async () => {
      expectApsError((await post(alice.auth, '/task-forms/999999999', { values: {} })).body, 'GENERAL.ERROR.NOT-FOUND');
      expect((await post(alice.auth, '/task-forms/abc', { values: {} })).status).toBe(400);
    });

    it('a task without a form: 404 ENGINE.NO_TASK_FORM, the task stays open', async () => {
      await deployBpmn(t, oneTaskBpmn('noForm'));
      const started = await post(alice.auth, '/process-instances', { processDefinitionKey: 'noForm' }).expect(200);
      const [task] = await openTasks(t, started.body.id as string);
      const before = await instanceSnapshot(t, started.body.id as string);
      const res = await post(alice.auth, `/task-forms/${task!.id}`, { values: {} });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'ENGINE.NO_TASK_FORM', messageKey: 'GENERAL.ERROR.NOT-FOUND' });
      expect(await instanceSnapshot(t, started.body.id as string)).toEqual(before);
      expect((await t.http().get(`${API}/task-forms/${task!.id}`).set('Authorization', alice.auth)).status).toBe(404);
      expect((await post(alice.auth, `/task-forms/${task!.id}/save-form`, { values: {} })).status).toBe(404);
    });

    it('completing the form of a completed task: 409, nothing changes', async () => {
      const other = (await startWithForm(t, alice.auth, definitionId)).id;
      const [task] = await openTasks(t, other);
      await post(alice.auth, `/task-forms/${task!.id}`, { values: { approved: true }, outcome: 'Reject' }).expect(200);
      const before = await instanceSnapshot(t, other);
      const res = await post(alice.auth, `/task-forms/${task!.id}`, { values: { approved: false }, outcome: 'Approve' });
      expect(res.status).toBe(409);
      expectApsError(res.body, 'GENERAL.ERROR.CONFLICT');
      expect(await instanceSnapshot(t, other)).toEqual(before);
      expect((await post(alice.auth, `/task-forms/${task!.id}/save-form`, { values: {} })).status).toBe(409);
    });
  });

  describe('POST task-forms/{taskId}/save-form', () => {
    it('an unknown field or a wrong type: 400, no draft', async () => {
      const before = await instanceSnapshot(t, instanceId);
      const res = await post(alice.auth, `/task-forms/${reviewId}/save-form`, { values: { nosuchfield: 1 } });
      expect(res.status).toBe(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
      expect((await post(alice.auth, `/task-forms/${reviewId}/save-form`, {})).status).toBe(400);
      expect(await instanceSnapshot(t, instanceId)).toEqual(before);
      const form = await t.http().get(`${API}/task-forms/${reviewId}`).set('Authorization', alice.auth).expect(200);
      expect(JSON.stringify(form.body)).not.toContain('nosuchfield');
    });

    it('someone not involved: 403', async () => {
      expectApsError((await post(bob.auth, `/task-forms/${reviewId}/save-form`, { values: { comment: 'x' } })).body, 'GENERAL.ERROR.FORBIDDEN');
    });
  });

  describe('POST process-instances with values', () => {
    it('a missing required field, an unknown field, a wrong type, an option not offered, an outcome not offered: 400, no instance', async () => {
      await refusedStart(400, { processDefinitionId: definitionId, values: { amount: 5 }, outcome: 'Submit' });
      const unknown = await refusedStart(400, { processDefinitionId: definitionId, values: { title: 'x', amount: 5, bogus: 1 }, outcome: 'Submit' });
      expect(unknown.message).toContain('bogus');
      const wrongType = await refusedStart(400, { processDefinitionId: definitionId, values: { title: 'x', amount: 'five' }, outcome: 'Submit' });
      expect(wrongType.message).toContain('amount');
      await refusedStart(400, { processDefinitionId: definitionId, values: { title: 'x', amount: 5, priority: 'urgent' }, outcome: 'Submit' });
      const outcome = await refusedStart(400, { processDefinitionId: definitionId, values: { title: 'x', amount: 5 }, outcome: 'Nope' });
      expect(outcome.message).toContain('outcome');
    });

    it('values for a definition without a start form: 400 ENGINE.NO_START_FORM_FOR_VALUES, no instance', async () => {
      const { definitions } = await deployBpmn(t, oneTaskBpmn('plainStart'));
      const body = await refusedStart(400, { processDefinitionId: definitions[0]!.id, values: { title: 'x' } }, definitions[0]!.id);
      expect(body).toMatchObject({ code: 'ENGINE.NO_START_FORM_FOR_VALUES', field: 'values' });
    });

    it('values with variables: 400', async () => {
      await refusedStart(400, { processDefinitionId: definitionId, values: { title: 'x', amount: 1 }, variables: [{ name: 'a', value: 1 }] });
    });
  });

  describe('GET form endpoints', () => {
    it('start-form-values of an unknown field, start-form of a definition without one: 404', async () => {
      expect((await t.http().get(`${API}/process-definitions/${definitionId}/start-form-values/nosuchfield`).set('Authorization', alice.auth)).status).toBe(404);
      const { definitions } = await deployBpmn(t, oneTaskBpmn('plainStart2'));
      expectApsError((await t.http().get(`${API}/process-definitions/${definitions[0]!.id}/start-form`).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
    });

    it('task-forms of someone else\'s task: 403; variables likewise', async () => {
      expectApsError((await t.http().get(`${API}/task-forms/${reviewId}`).set('Authorization', bob.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      expectApsError((await t.http().get(`${API}/task-forms/${reviewId}/variables`).set('Authorization', bob.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
    });
  });

  describe('zip bombs', () => {
    it('an archive whose entries unpack beyond MAX_UPLOAD_BYTES: 413, nothing deployed', async () => {
      const before = (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.deployments`))[0]!.n;
      const bomb = formsZip('bomb', { 'zeros.bin': new Uint8Array(16 * 1024 * 1024) });
      expect(bomb.length).toBeLessThan(200 * 1024);
      const res = await t.http().post(`${ENGINE_API}/repository/deployments`).set('Authorization', t.adminBasic).attach('file', bomb, 'bomb.zip');
      expect(res.body).toMatchObject({ code: 'ENGINE.ARCHIVE_TOO_LARGE' });
      expect(res.status).toBe(413);
      expect((await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.deployments`))[0]!.n).toBe(before);
    });
  });
});
