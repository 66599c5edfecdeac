import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { parseFormDefinition } from '../domain/form-definition.js';
import type { ResolvedForm } from '../forms.api.types.js';
import type { FieldOptionSource, RestOptionField } from './field-option-source.js';
import { FieldOptions } from './field-options.query.js';
import type { LoadForm } from './load-form.query.js';

const parsed = parseFormDefinition({
  key: 'k',
  fields: [
    { id: 'colour', type: 'dropdown', options: [{ id: 'r', name: 'Red' }] },
    {
      id: 'lines',
      type: 'dynamic-table',
      columnDefinitions: [
        { id: 'kind', type: 'Dropdown', options: [{ id: 'a', name: 'A' }] },
        { id: 'country', type: 'Dropdown', restUrl: 'pmtable:PMT_C', restIdProperty: 'CODE', restLabelProperty: 'NAME' },
        { id: 'qty', type: 'Number' },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const definition = parsed.form;
const form = { id: '1', tenantId: '1' } as ResolvedForm;

function query(): { q: FieldOptions; asked: RestOptionField[] } {
  const asked: RestOptionField[] = [];
  const load = { execute: () => Promise.resolve({ form: definition }) } as unknown as LoadForm;
  const source = {
    options: (_f: ResolvedForm, field: RestOptionField) => {
      asked.push(field);
      return Promise.resolve([{ id: 'JP', name: 'Japan' }]);
    },
  } as unknown as FieldOptionSource;
  return { q: new FieldOptions(load, source), asked };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('FieldOptions with a column (form-values/{field}/{column})', () => {
  it('a column\'s static options, its restUrl through the source, [] without either', async () => {
    const { q, asked } = query();
    expect(await q.execute(form, 'lines', 'kind')).toEqual([{ id: 'a', name: 'A' }]);
    expect(await q.execute(form, 'lines', 'country')).toEqual([{ id: 'JP', name: 'Japan' }]);
    expect(asked).toEqual([{ id: 'lines.country', restUrl: 'pmtable:PMT_C', restIdProperty: 'CODE', restLabelProperty: 'NAME' }]);
    expect(await q.execute(form, 'lines', 'qty')).toEqual([]);
  });

  it('no such field, column, or a field that is not a table: coded 404s; without a column the field\'s options as before', async () => {
    const { q } = query();
    expect(await codeOf(q.execute(form, 'nope', 'kind'))).toBe('FORMS.FIELD_NOT_FOUND');
    expect(await codeOf(q.execute(form, 'lines', 'nope'))).toBe('FORMS.COLUMN_NOT_FOUND');
    expect(await codeOf(q.execute(form, 'colour', 'kind'))).toBe('FORMS.COLUMN_NOT_FOUND');
    expect(await q.execute(form, 'colour')).toEqual([{ id: 'r', name: 'Red' }]);
    expect(await q.execute(form, 'lines')).toEqual([]);
  });
});
