import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { ENGINE_API } from '../../support/engine.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { bpmnWithKey, countInstances, definitionOf, instanceSnapshot, type Json, openTasks } from './forms-fixtures.js';

const form = (key: string, fieldId: string, outcomes: Json[]) =>
  Buffer.from(JSON.stringify({ key, name: key, fields: [{ id: fieldId, name: fieldId, type: 'functional-group' }], outcomes }));

/** functional-group form fields: the engine checks the group exists in the tenant (forms may not use org-structure). */
describe('aps forms: functional-group values name an existing group', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let definitionId: string;
  let groupId: number;

  const post = (path: string, body: Json) => t.http().post(`${API}${path}`).set('Authorization', alice.auth).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { email: 'alice.groupforms@example.com' });
    const res = await t
      .http()
      .post(`${ENGINE_API}/repository/deployments`)
      .set('Authorization', t.adminBasic)
      .attach('file', bpmnWithKey('groupsProcess'), 'forms-process.bpmn20.xml')
      .attach('file', form('request-form', 'team', [{ id: 'submit', name: 'Submit' }]), 'request.form')
      .attach('file', form('review-form', 'approvers', [{ id: 'approve', name: 'Approve' }]), 'review.form')
      .attach('file', form('confirm-form', 'other', []), 'confirm.form');
    expect(res.status).toBe(201);
    definitionId = await definitionOf(t, String(res.body.id));
    const group = await t.http().post(`${API}/admin/groups`).set('Authorization', t.adminBasic).send({ name: 'Approvers', tenantId: 1, type: 1 });
    expect(group.status).toBe(200);
    groupId = (group.body as { id: number }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('start form: an unknown group id is a 400 naming the field, no instance started; a real group starts the instance', async () => {
    const before = await countInstances(t, definitionId);
    const bad = await post('/process-instances', { processDefinitionId: definitionId, values: { team: { id: 987654 } }, outcome: 'Submit' });
    expect(bad.status).toBe(400);
    expectApsError(bad.body, 'GENERAL.ERROR.BAD-REQUEST');
    expect((bad.body as Json).message).toContain('team');
    expect(await countInstances(t, definitionId)).toBe(before);

    const ok = await post('/process-instances', { processDefinitionId: definitionId, values: { team: { id: groupId } }, outcome: 'Submit' });
    expect(ok.status).toBe(200);
    expect(await countInstances(t, definitionId)).toBe(before + 1);
  });

  it('task form: an unknown group id is a 400 naming the field, the task stays open and nothing is written; a real group completes it', async () => {
    const started = await post('/process-instances', { processDefinitionId: definitionId, values: { team: String(groupId) }, outcome: 'Submit' });
    expect(started.status).toBe(200);
    const instanceId = String((started.body as Json).id);
    const [review] = await openTasks(t, instanceId);
    expect(review!.key).toBe('review');

    const before = await instanceSnapshot(t, instanceId);
    const bad = await post(`/task-forms/${review!.id}`, { values: { approvers: '424242' }, outcome: 'Approve' });
    expect(bad.status).toBe(400);
    expectApsError(bad.body, 'GENERAL.ERROR.BAD-REQUEST');
    expect((bad.body as Json).message).toContain('approvers');
    expect(await instanceSnapshot(t, instanceId)).toEqual(before);
    expect((await openTasks(t, instanceId)).map((x) => x.id)).toEqual([review!.id]);

    const ok = await post(`/task-forms/${review!.id}`, { values: { approvers: groupId }, outcome: 'Approve' });
    expect(ok.status).toBe(200);
    expect((await openTasks(t, instanceId)).map((x) => x.id)).not.toContain(review!.id);
  });
});
