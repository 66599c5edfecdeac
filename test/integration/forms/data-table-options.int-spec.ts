import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { DataTableOptions } from '../../../src/forms/application/data-tables/data-table-options.query.js';
import { FormsApi, type ResolvedForm } from '../../../src/forms/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

const WS = '/api/1.0/workflow';

describe('forms: options of form fields from data tables (DataTableOptions)', () => {
  let t: TestApp;
  let options: DataTableOptions;
  let uid: string;

  beforeAll(async () => {
    t = await startTestApp();
    options = t.app.get(DataTableOptions);
    const created = await t
      .http()
      .post(`${WS}/pmtable`)
      .set('Authorization', t.adminBasic)
      .send({ pmt_tab_name: 'PMT_COUNTRIES', fields: [{ fld_name: 'CODE', fld_type: 'CHAR', fld_size: 2, fld_key: 1 }, { fld_name: 'NAME', fld_type: 'VARCHAR', fld_size: 40 }, { fld_name: 'SEQ_NO', fld_type: 'INTEGER' }] })
      .expect(201);
    uid = (created.body as { pmt_uid: string }).pmt_uid;
    for (const row of [{ CODE: 'JP', NAME: 'Japan', SEQ_NO: 2 }, { CODE: 'FR', NAME: 'France', SEQ_NO: 1 }, { CODE: 'XX' }]) {
      await t.http().post(`${WS}/pmtable/${uid}/data`).set('Authorization', t.adminBasic).send(row).expect(201);
    }
    await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'acme', 'Acme')`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists {id, name} strings in row order, by table name and column names in any case; a NULL label shows the id', async () => {
    expect(await options.optionsFor('1', 'pmt_countries', 'code', 'Name')).toEqual([
      { id: 'JP', name: 'Japan' },
      { id: 'FR', name: 'France' },
      { id: 'XX', name: 'XX' },
    ]);
    expect(await options.optionsFor('1', 'PMT_COUNTRIES', 'SEQ_NO', 'NAME')).toEqual([
      { id: '2', name: 'Japan' },
      { id: '1', name: 'France' },
    ]);
  });

  it('resolves restUrl references (pmtable:NAME or the pm3 data path) and ignores every other URL', async () => {
    const expected = [{ id: 'JP', name: 'Japan' }, { id: 'FR', name: 'France' }, { id: 'XX', name: 'XX' }];
    expect(await options.optionsForRestUrl('1', 'pmtable:PMT_COUNTRIES', 'CODE', 'NAME')).toEqual(expected);
    expect(await options.optionsForRestUrl('1', `/api/1.0/workflow/pmtable/${uid}/data`, 'CODE', 'NAME')).toEqual(expected);
    expect(await options.optionsForRestUrl('1', 'http://127.0.0.1:1/steal', 'CODE', 'NAME')).toBeNull();
  });

  it('unknown tables, tables of another tenant and unknown columns are coded errors', async () => {
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return e instanceof DomainError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(await code(options.optionsFor('1', 'PMT_NONE', 'CODE', 'NAME'))).toBe('FORMS.DATA_TABLE_NOT_FOUND');
    expect(await code(options.optionsFor('2', 'PMT_COUNTRIES', 'CODE', 'NAME'))).toBe('FORMS.DATA_TABLE_NOT_FOUND');
    expect(await code(options.optionsForRestUrl('2', `/api/1.0/acme/pmtable/${uid}/data`, 'CODE', 'NAME'))).toBe('FORMS.DATA_TABLE_NOT_FOUND');
    expect(await code(options.optionsFor('1', 'PMT_COUNTRIES', 'CODE', 'LABEL'))).toBe('FORMS.DATA_TABLE_UNKNOWN_FIELD');
  });

  it('FormsApi.fieldOptions: a dropdown, radio or typeahead whose restUrl names a data table lists its rows; other URLs list nothing', async () => {
    const forms = t.app.get(FormsApi, { strict: false });
    const file = (tenantId: string, deploymentId: string) =>
      forms.registerDeploymentForms({
        tenantId,
        deploymentId,
        files: [
          {
            name: 'countries.form',
            bytes: Buffer.from(
              JSON.stringify({
                key: 'countries',
                fields: [
                  { id: 'country', type: 'dropdown', restUrl: 'pmtable:PMT_COUNTRIES', restIdProperty: 'CODE', restLabelProperty: 'NAME' },
                  { id: 'byUid', type: 'radio-buttons', restUrl: `/api/1.0/workflow/pmtable/${uid}/data`, restIdProperty: 'code', restLabelProperty: 'name' },
                  { id: 'defaults', type: 'typeahead', restUrl: 'pmtable:pmt_countries' },
                  { id: 'remote', type: 'dropdown', restUrl: 'http://169.254.169.254/latest/meta-data', restIdProperty: 'id', restLabelProperty: 'name' },
                  { id: 'missing', type: 'dropdown', restUrl: 'pmtable:PMT_NONE' },
                ],
              }),
            ),
          },
        ],
      });
    const [form] = (await file('1', '700')) as [ResolvedForm];
    const countries = [{ id: 'JP', name: 'Japan' }, { id: 'FR', name: 'France' }, { id: 'XX', name: 'XX' }];
    expect(await forms.fieldOptions(form, 'country')).toEqual(countries);
    expect(await forms.fieldOptions(form, 'byUid')).toEqual(countries);
    expect(await forms.fieldOptions(form, 'defaults')).toEqual(countries.map((c) => ({ id: c.id, name: c.id })));
    expect(await forms.fieldOptions(form, 'remote')).toEqual([]);
    await expect(forms.fieldOptions(form, 'missing')).rejects.toMatchObject({ code: 'FORMS.DATA_TABLE_NOT_FOUND' });
    // The same form in another tenant sees that tenant's tables only.
    const [acme] = (await file('2', '701')) as [ResolvedForm];
    await expect(forms.fieldOptions(acme, 'country')).rejects.toMatchObject({ code: 'FORMS.DATA_TABLE_NOT_FOUND' });
  });
  it('FormsApi.validate: a restUrl naming a data table accepts only its option ids (object, id or name; stored as the id); other URLs accept the value as sent', async () => {
    const forms = t.app.get(FormsApi, { strict: false });
    const [form] = (await forms.registerDeploymentForms({
      tenantId: '1',
      deploymentId: '702',
      files: [
        {
          name: 'pick.form',
          bytes: Buffer.from(
            JSON.stringify({
              key: 'pick',
              fields: [
                { id: 'country', type: 'dropdown', restUrl: 'pmtable:PMT_COUNTRIES', restIdProperty: 'CODE', restLabelProperty: 'NAME' },
                { id: 'byUid', type: 'radio-buttons', restUrl: `/api/1.0/workflow/pmtable/${uid}/data`, restIdProperty: 'CODE', restLabelProperty: 'NAME' },
                { id: 'remote', type: 'dropdown', restUrl: 'http://169.254.169.254/latest/meta-data' },
                { id: 'missing', type: 'dropdown', restUrl: 'pmtable:PMT_NONE' },
              ],
            }),
          ),
        },
      ],
    })) as [ResolvedForm];
    const ok = await forms.validate(form, { values: { country: 'JP', byUid: { id: 'FR' }, remote: 'anything' }, outcome: null });
    expect(ok.variables).toEqual([
      { name: 'country', type: 'string', value: 'JP' },
      { name: 'byUid', type: 'string', value: 'FR' },
      { name: 'remote', type: 'string', value: 'anything' },
    ]);
    const byName = await forms.validate(form, { values: { country: 'France' }, outcome: null });
    expect(byName.variables).toEqual([{ name: 'country', type: 'string', value: 'FR' }]);
    const bad = await forms.validate(form, { values: { country: 'ZZ', byUid: 'JP' }, outcome: null }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DomainError);
    expect(bad).toMatchObject({ code: 'FORMS.INVALID_VALUES' });
    expect((bad as DomainError).message).toContain('country: must be one of the options of pmtable:PMT_COUNTRIES');
    expect((bad as DomainError).message).not.toContain('byUid');
    const gone = await forms.validate(form, { values: { missing: 'x' }, outcome: null }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: 'FORMS.INVALID_VALUES' });
    expect((gone as DomainError).message).toContain('missing:');
    // Nothing is stored by validate: the table still has its three rows.
    expect(await options.optionsFor('1', 'PMT_COUNTRIES', 'CODE', 'NAME')).toHaveLength(3);
  });

  it('FormsApi.validate: a dynamic-table Dropdown column whose restUrl names a data table takes only its rows; hidden fields are not looked up', async () => {
    const forms = t.app.get(FormsApi, { strict: false });
    const [form] = (await forms.registerDeploymentForms({
      tenantId: '1',
      deploymentId: '703',
      files: [
        {
          name: 'visits.form',
          bytes: Buffer.from(
            JSON.stringify({
              key: 'visits',
              fields: [
                {
                  id: 'visits',
                  type: 'dynamic-table',
                  columnDefinitions: [
                    { id: 'country', name: 'Country', type: 'Dropdown', restUrl: 'pmtable:PMT_COUNTRIES', restIdProperty: 'CODE', restLabelProperty: 'NAME' },
                    { id: 'gone', name: 'Gone', type: 'Dropdown', restUrl: 'pmtable:PMT_NONE' },
                    { id: 'remote', name: 'Remote', type: 'Dropdown', restUrl: 'http://169.254.169.254/latest/meta-data' },
                    { id: 'note', name: 'Note', type: 'String' },
                  ],
                },
                { id: 'showMissing', type: 'boolean' },
                {
                  id: 'missing',
                  type: 'dropdown',
                  restUrl: 'pmtable:PMT_NONE',
                  visibilityCondition: { leftFormFieldId: 'showMissing', operator: '==', rightValue: 'true', rightType: null, nextConditionOperator: null, nextCondition: null },
                },
              ],
            }),
          ),
        },
      ],
    })) as [ResolvedForm];
    const ok = await forms.validate(form, {
      values: { visits: [{ country: 'JP', remote: 'anything', note: 'first' }, { country: { id: 'FR' } }, { country: 'France' }] },
      outcome: null,
    });
    expect(ok.variables).toEqual([
      { name: 'visits', type: 'json', value: [{ country: 'JP', remote: 'anything', note: 'first' }, { country: 'FR' }, { country: 'FR' }] },
    ]);
    const bad = await forms.validate(form, { values: { visits: [{ country: 'JP' }, { country: 'ZZ' }] }, outcome: null }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'FORMS.INVALID_VALUES' });
    expect((bad as DomainError).message).toContain('visits[1].country: must be one of the options of its restUrl');
    expect((bad as DomainError).message).not.toContain('visits[0]');
    const gone = await forms.validate(form, { values: { visits: [{ gone: 'x' }] }, outcome: null }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: 'FORMS.INVALID_VALUES' });
    expect((gone as DomainError).message).toContain('visits.gone: its options cannot be read');
    // `missing` names a table that does not exist: hidden (showMissing false), its value is dropped unchecked …
    const hidden = await forms.validate(form, { values: { showMissing: false, missing: 'x' }, outcome: null });
    expect(hidden.variables).toEqual([{ name: 'showMissing', type: 'boolean', value: false }]);
    // … shown, it is a problem.
    const shown = await forms.validate(form, { values: { showMissing: true, missing: 'x' }, outcome: null }).catch((e: unknown) => e);
    expect((shown as DomainError).message).toContain('missing: its options cannot be read');
  });
});
