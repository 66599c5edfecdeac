import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi, type ResolvedForm } from '../../../src/forms/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

const reviewForm = {
  key: 'review',
  name: 'Review',
  fields: [
    { id: 'title', name: 'Title', type: 'text', required: true, maxLength: 30 },
    { id: 'points', name: 'Points', type: 'integer', minValue: 1, maxValue: 10 },
    { id: 'reviewer', name: 'Reviewer', type: 'people' },
    { id: 'files', name: 'Files', type: 'upload', params: { multiple: true } },
    { id: 'ref', name: 'Reference', type: 'text', readOnly: true },
    {
      id: 'lines',
      name: 'Lines',
      type: 'dynamic-table',
      columnDefinitions: [
        { id: 'item', name: 'Item', type: 'String', required: true },
        { id: 'qty', name: 'Qty', type: 'Number' },
      ],
    },
  ],
  outcomes: [{ id: 'ok', name: 'Accept' }, { id: 'no', name: 'Refuse' }],
};

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

/** Submissions, history and drafts through FormsApi against the real database. */
describe('FormsApi submissions and drafts', () => {
  let t: TestApp;
  let forms: FormsApi;
  let uow: UnitOfWork;
  let form: ResolvedForm;
  const published: Array<{ type: string; payload: unknown }> = [];
  const submissions = async (): Promise<number> => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM forms.form_submissions'))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    forms = t.app.get(FormsApi, { strict: false });
    uow = t.app.get(UnitOfWork, { strict: false });
    const bus = t.app.get(DomainEventBus, { strict: false });
    const publish = bus.publish.bind(bus);
    // Records what was published; the real bus still runs.
    jest.spyOn(bus, 'publish').mockImplementation(async (type, payload, tenantId) => {
      published.push({ type, payload });
      return publish(type, payload, tenantId);
    });
    [form] = (await forms.registerDeploymentForms({ tenantId: '1', deploymentId: '900', files: [{ name: 'review.form', bytes: Buffer.from(JSON.stringify(reviewForm)) }] })) as [ResolvedForm];
  });
  afterAll(async () => {
    await t.close();
  });

  it('validates, records a start-form submission, publishes forms.form.submitted and answers submittedValues', async () => {
    const submission = await forms.validate(form, {
      values: { title: 'Roof', points: '7', reviewer: { id: 1 }, files: [{ id: 12 }, '13'], lines: [{ item: 'tile', qty: '3' }] },
      outcome: 'Accept',
    });
    expect(submission.variables).toEqual([
      { name: 'title', type: 'string', value: 'Roof' },
      { name: 'points', type: 'long', value: 7 },
      { name: 'reviewer', type: 'long', value: 1 },
      { name: 'files', type: 'string', value: '12,13' },
      { name: 'lines', type: 'json', value: [{ item: 'tile', qty: 3 }] },
      { name: 'form_review_outcome', type: 'string', value: 'Accept' },
    ]);
    expect(submission.contentIds).toEqual(['12', '13']);
    expect(submission.outcome).toBe('Accept');
    published.length = 0;
    await uow.run(() => forms.recordSubmission(form, { tenantId: '1', userId: '1', processInstanceId: '77', taskId: null }, submission));
    expect(published).toEqual([
      {
        type: 'forms.form.submitted',
        payload: {
          formDefinitionId: form.id,
          formKey: 'review',
          processInstanceId: '77',
          taskId: null,
          submittedBy: '1',
          outcome: 'Accept',
          variables: submission.variables,
          contentIds: ['12', '13'],
        },
      },
    ]);
    const stored = await forms.submittedValues('1', { processInstanceId: '77', taskId: null });
    expect(stored?.form.id).toBe(form.id);
    expect(stored?.values).toEqual({ title: 'Roof', points: 7, reviewer: 1, files: '12,13', lines: [{ item: 'tile', qty: 3 }] });
    expect(await forms.submittedValues('1', { processInstanceId: '77', taskId: '5' })).toBeNull();
    expect(await forms.submittedValues('2', { processInstanceId: '77', taskId: null })).toBeNull();
  });

  it('refuses bad values naming every failing field, and stores nothing', async () => {
    const before = await submissions();
    const e = await failure(
      forms.validate(form, {
        values: { ghost: 1, points: 'seven', ref: 'changed', lines: [{ qty: 2 }, { item: 'x', colour: 'red' }] },
        outcome: 'Maybe',
        current: { ref: 'R-1' },
      }),
    );
    expect(e.code).toBe('FORMS.INVALID_VALUES');
    expect(e.kind).toBe('validation');
    expect(e.message).toBe(
      'ghost: unknown field; title: is required; points: must be a whole number; ref: is read-only; lines[0].item: is required; lines[1].colour: unknown column; outcome: must be one of Accept, Refuse',
    );
    expect(e.details['field']).toBe('ghost');
    expect(await submissions()).toBe(before);
  });

  it('refuses a people field naming a user that does not exist', async () => {
    const e = await failure(forms.validate(form, { values: { title: 'x', reviewer: 987654 }, outcome: 'Refuse' }));
    expect(e.message).toBe('reviewer: user 987654 does not exist');
    const both = await failure(forms.validate(form, { values: { reviewer: '987654' }, outcome: 'Refuse' }));
    expect(both.message).toBe('title: is required; reviewer: user 987654 does not exist');
  });

  it('keeps a task draft until the submission, and a task completion drops it too', async () => {
    const target = { tenantId: '1', userId: '1', processInstanceId: '78', taskId: '501' };
    expect(await forms.draftOf('1', '501')).toBeNull();
    await forms.saveDraft(form, target, { title: 'half', points: '' });
    expect(await forms.draftOf('1', '501')).toEqual({ title: 'half', points: '' });
    await forms.saveDraft(form, target, { title: 'more', points: 3 });
    expect(await forms.draftOf('1', '501')).toEqual({ title: 'more', points: 3 });

    const e = await failure(forms.saveDraft(form, target, { title: 5, nope: 'x', points: 'abc' }));
    expect(e.code).toBe('FORMS.INVALID_VALUES');
    expect(e.message).toBe('title: must be text; nope: unknown field; points: must be a whole number');
    expect(await forms.draftOf('1', '501')).toEqual({ title: 'more', points: 3 });

    const submission = await forms.validate(form, { values: { title: 'done' }, outcome: 'ok' });
    expect(submission.outcome).toBe('Accept');
    await uow.run(() => forms.recordSubmission(form, target, submission));
    expect(await forms.draftOf('1', '501')).toBeNull();
    expect((await forms.submittedValues('1', { processInstanceId: '78', taskId: '501' }))?.values).toEqual({ title: 'done' });

    await forms.saveDraft(form, { ...target, taskId: '502' }, { title: 'pending' });
    const bus = t.app.get(DomainEventBus, { strict: false });
    const completed = { taskId: '502', instanceId: null, executionId: null, taskDefinitionKey: null, completedBy: '1', outcome: null };
    // A completion that says the task had no form leaves drafts alone (there can be none; this one is planted).
    await uow.run(() => bus.publish('process-engine.task.completed', { ...completed, formKey: null }, '1'));
    expect(await forms.draftOf('1', '502')).toEqual({ title: 'pending' });
    await uow.run(() => bus.publish('process-engine.task.completed', { ...completed, formKey: 'review' }, '1'));
    expect(await forms.draftOf('1', '502')).toBeNull();
  });

  it('answers field options: static ones, none for other fields, not found for unknown ids', async () => {
    const [f] = await forms.registerDeploymentForms({
      tenantId: '1',
      deploymentId: '901',
      files: [
        {
          name: 'opts.form',
          bytes: Buffer.from(
            JSON.stringify({
              key: 'opts',
              fields: [
                { id: 'colour', type: 'radio-buttons', options: [{ id: 'r', name: 'Red' }, { name: 'Blue' }] },
                { id: 'city', type: 'typeahead', restUrl: 'pmtable/cities' },
                { id: 'text', type: 'text' },
              ],
            }),
          ),
        },
      ],
    });
    expect(await forms.fieldOptions(f!, 'colour')).toEqual([{ id: 'r', name: 'Red' }, { id: 'Blue', name: 'Blue' }]);
    expect(await forms.fieldOptions(f!, 'city')).toEqual([]);
    expect(await forms.fieldOptions(f!, 'text')).toEqual([]);
    await expect(forms.fieldOptions(f!, 'nope')).rejects.toMatchObject({ code: 'FORMS.FIELD_NOT_FOUND', kind: 'not_found' });
  });
});
