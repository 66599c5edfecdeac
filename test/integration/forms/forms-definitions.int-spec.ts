import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { FormsApi, type FormFile, type ResolvedForm } from '../../../src/forms/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

const file = (name: string, json: unknown): FormFile => ({ name, bytes: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) });

const orderForm = {
  key: 'order',
  name: 'Order',
  fields: [
    { id: 'customer', name: 'Customer', type: 'text', required: true, maxLength: 20 },
    { id: 'amount', name: 'Amount', type: 'amount', minValue: 0 },
    {
      id: 'box',
      type: 'container',
      fields: { '1': [{ id: 'colour', name: 'Colour', type: 'dropdown', options: [{ id: 'r', name: 'Red' }, { id: 'g', name: 'Green' }] }], '2': [] },
    },
  ],
  outcomes: [{ id: 'approve', name: 'Approve' }, { id: 'reject', name: 'Reject' }],
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

/** FormsApi against the real database: deployment forms, form models, resolve order, versions. */
describe('FormsApi definitions', () => {
  let t: TestApp;
  let forms: FormsApi;
  const count = async (): Promise<number> => Number((await sql<{ n: string }>(t, 'SELECT count(*) AS n FROM forms.form_definitions'))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    forms = t.app.get(FormsApi, { strict: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers the forms of a deployment, one version per key, and a second deployment bumps the version', async () => {
    const first = await forms.registerDeploymentForms({ tenantId: '1', deploymentId: '101', files: [file('order.form', orderForm), file('note.json', { fields: [{ id: 'n', type: 'text' }] })] });
    expect(first.map((f) => [f.key, f.name, f.version, f.source, f.deploymentId, f.modelId])).toEqual([
      ['note', 'note', 1, 'deployment', '101', null],
      ['order', 'Order', 1, 'deployment', '101', null],
    ]);
    expect(first[1]!.outcomes).toEqual([{ id: 'approve', name: 'Approve' }, { id: 'reject', name: 'Reject' }]);
    const second = await forms.registerDeploymentForms({ tenantId: '1', deploymentId: '102', files: [file('order.form', { ...orderForm, name: 'Order v2' })] });
    expect(second.map((f) => [f.key, f.name, f.version])).toEqual([['order', 'Order v2', 2]]);
    // Another tenant counts its own versions.
    const other = await forms.registerDeploymentForms({ tenantId: '2', deploymentId: '201', files: [file('order.form', orderForm)] });
    expect(other[0]!.version).toBe(1);
    expect(await forms.registerDeploymentForms({ tenantId: '1', deploymentId: '103', files: [] })).toEqual([]);
  });

  it('refuses a deployment with any bad form, naming every problem of every file, and stores nothing', async () => {
    const before = await count();
    const e = await failure(
      forms.registerDeploymentForms({
        tenantId: '1',
        deploymentId: '110',
        files: [
          file('good.form', { key: 'good', fields: [{ id: 'a', type: 'text' }] }),
          file('bad.form', {
            key: 'bad key',
            fields: [
              { id: 'a', type: 'text' },
              { id: 'a', type: 'integer' },
              { id: 'x', type: 'colour-picker' },
              { id: 'd', type: 'dropdown' },
              { id: 't', type: 'dynamic-table' },
              { id: 'v', type: 'text', visibilityCondition: { leftFormFieldId: 'ghost', operator: '==', rightValue: 1 } },
              { id: 'r', type: 'text', regexPattern: '(a+)+$' },
            ],
            outcomes: [{ id: 'o' }],
          }),
          file('broken.form', '{"key": '),
        ],
      }),
    );
    expect(e.code).toBe('FORMS.INVALID_FORM');
    expect(e.kind).toBe('validation');
    const problems = e.details['problems'] as Array<{ field: string; message: string }>;
    expect(problems.map((p) => p.field)).toEqual(['key', 'a', 'x', 'd', 't', 'r', 'v', 'outcomes[0]', 'form']);
    expect(problems.every((p) => p.message.endsWith('(in bad.form)') || p.message.endsWith('(in broken.form)'))).toBe(true);
    expect(e.message).toContain('a: duplicate field id');
    expect(e.message).toContain('v: visibilityCondition refers to unknown field ghost');
    expect(e.message).toContain('form: is not valid JSON (in broken.form)');
    expect(await count()).toBe(before);
    expect(await forms.resolve({ tenantId: '1', deploymentId: '110', formKey: 'good' })).toBeNull();
  });

  it('refuses two files of one deployment with the same key', async () => {
    const before = await count();
    const e = await failure(forms.registerDeploymentForms({ tenantId: '1', deploymentId: '111', files: [file('a.form', orderForm), file('b.form', orderForm)] }));
    expect(e.message).toContain('form key order is also the key of a.form (in b.form)');
    expect(await count()).toBe(before);
  });

  it('resolves the deployment form first, then a form model by model id, then by key (newest version)', async () => {
    const model1 = await forms.saveModelForm({ tenantId: '1', modelId: '5001', name: 'Expense', version: 1, json: { key: 'expense', fields: [{ id: 'sum', type: 'amount' }] } });
    expect([model1.key, model1.name, model1.version, model1.source, model1.modelId, model1.deploymentId]).toEqual(['expense', 'Expense', 1, 'model', '5001', null]);
    const model2 = await forms.saveModelForm({
      tenantId: '1',
      modelId: '5001',
      name: 'Expense',
      version: 2,
      json: { formDefinition: { fields: [{ id: 'sum', type: 'amount' }, { id: 'why', type: 'text' }], outcomes: [{ name: 'Send' }] } },
    });
    expect([model2.key, model2.version]).toEqual(['5001', 2]);

    const deployed = await forms.resolve({ tenantId: '1', deploymentId: '101', formKey: 'order' });
    expect([deployed?.deploymentId, deployed?.version]).toEqual(['101', 1]);
    expect((await forms.resolve({ tenantId: '1', deploymentId: '102', formKey: 'order' }))?.version).toBe(2);
    const byId = await forms.resolve({ tenantId: '1', deploymentId: '101', formKey: '5001' });
    expect([byId?.source, byId?.version, byId?.outcomes]).toEqual(['model', 2, [{ id: 'Send', name: 'Send' }]]);
    const byKey = await forms.resolve({ tenantId: '1', deploymentId: null, formKey: 'expense' });
    expect([byKey?.modelId, byKey?.version]).toEqual(['5001', 1]);
    expect(await forms.resolve({ tenantId: '1', deploymentId: '101', formKey: 'nothing' })).toBeNull();
    expect(await forms.resolve({ tenantId: '2', deploymentId: null, formKey: '5001' })).toBeNull();
    expect((await forms.formOfModel('1', '5001'))?.version).toBe(2);
    expect(await forms.formOfModel('1', 'abc')).toBeNull();
  });

  it('a model saved again at the same version replaces it, and the rendering follows', async () => {
    const v1 = await forms.saveModelForm({ tenantId: '1', modelId: '5002', name: 'Memo', version: 1, json: { fields: [{ id: 'a', type: 'text' }] } });
    expect((await forms.render(v1, {})).fields.map((f) => f.id)).toEqual(['a']);
    const again = await forms.saveModelForm({ tenantId: '1', modelId: '5002', name: 'Memo', version: 1, json: { fields: [{ id: 'b', type: 'text' }] } });
    expect(again.id).toBe(v1.id);
    expect((await forms.render(again, {})).fields.map((f) => f.id)).toEqual(['b']);
    const e = await failure(forms.saveModelForm({ tenantId: '1', modelId: '5002', name: 'Memo', version: 1, json: { fields: [{ type: 'text' }] } }));
    expect(e.code).toBe('FORMS.INVALID_FORM');
    expect((await forms.render(again, {})).fields.map((f) => f.id)).toEqual(['b']);
    await forms.deleteModelForm('1', '5002');
    expect(await forms.formOfModel('1', '5002')).toBeNull();
    await expect(forms.render(again, {})).rejects.toMatchObject({ code: 'FORMS.FORM_NOT_FOUND' });
  });

  it('renders every documented property and deletes a deployment\'s forms with it', async () => {
    const form = (await forms.resolve({ tenantId: '1', deploymentId: '101', formKey: 'order' })) as ResolvedForm;
    const rendered = await forms.render(form, { customer: 'ACME', colour: 'g' });
    expect(rendered).toMatchObject({ id: form.id, key: 'order', name: 'Order', outcomes: form.outcomes });
    const box = rendered.fields[2]!;
    expect(box).toMatchObject({ fieldType: 'ContainerRepresentation', id: 'box', type: 'container', value: null });
    const colour = (box['fields'] as Record<string, Array<Record<string, unknown>>>)['1']![0]!;
    expect(colour).toMatchObject({ fieldType: 'RestFieldRepresentation', id: 'colour', value: 'g', options: [{ id: 'r', name: 'Red' }, { id: 'g', name: 'Green' }] });
    expect((box['fields'] as Record<string, unknown[]>)['2']).toEqual([]);
    expect(rendered.fields[0]).toMatchObject({ id: 'customer', value: 'ACME', maxLength: 20, required: true });
    await forms.deleteDeploymentForms('1', '101');
    expect(await forms.resolve({ tenantId: '1', deploymentId: '101', formKey: 'order' })).toBeNull();
    await expect(forms.render(form, {})).rejects.toMatchObject({ code: 'FORMS.FORM_NOT_FOUND', kind: 'not_found' });
    expect((await forms.resolve({ tenantId: '1', deploymentId: '102', formKey: 'order' }))?.version).toBe(2);
  });
});
