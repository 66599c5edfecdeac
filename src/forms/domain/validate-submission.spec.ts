import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FormFieldRepresentation, FormProblem, ValidatedSubmission } from '../forms.api.types.js';
import { parseFormDefinition, type FormDefinition } from './form-definition.js';
import { renderFields } from './render-form.js';
import { checkDraftValues, validateSubmission, type SubmissionInput } from './validate-submission.js';

function form(json: Record<string, unknown>): FormDefinition {
  const r = parseFormDefinition({ key: 'f', ...json });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.form;
}
function valid(f: FormDefinition, input: Partial<SubmissionInput>): ValidatedSubmission {
  const r = validateSubmission(f, { values: {}, outcome: null, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.submission;
}
function invalid(f: FormDefinition, input: Partial<SubmissionInput>): FormProblem[] {
  const r = validateSubmission(f, { values: {}, outcome: null, ...input });
  if (r.ok) throw new Error(`expected problems, got ${JSON.stringify(r.submission)}`);
  return r.problems;
}
const vars = (s: ValidatedSubmission) => Object.fromEntries(s.variables.map((v) => [v.name, [v.type, v.value]]));

const colours = [{ id: 'r', name: 'Red' }, { id: 'g', name: 'Green' }];

describe('validateSubmission: types', () => {
  const f = form({
    fields: [
      { id: 'text', type: 'text', minLength: 2, maxLength: 5, regexPattern: '[a-z]+' },
      { id: 'memo', type: 'multi-line-text' },
      { id: 'int', type: 'integer', minValue: '-5', maxValue: 100 },
      { id: 'amount', type: 'amount', minValue: 0 },
      { id: 'frac', type: 'amount', enableFractions: true },
      { id: 'flag', type: 'boolean' },
      { id: 'day', type: 'date', minValue: '2026-01-01', maxValue: '2026-12-31', params: { dateDisplayFormat: 'DD/MM/YYYY' } },
      { id: 'colour', type: 'dropdown', options: colours },
      { id: 'radio', type: 'radio-buttons', options: colours },
      { id: 'city', type: 'typeahead', restUrl: 'x' },
      { id: 'who', type: 'people' },
      { id: 'team', type: 'functional-group' },
      { id: 'doc', type: 'upload' },
      { id: 'docs', type: 'upload', params: { multiple: true } },
      { id: 'info', type: 'readonly-text' },
      { id: 'link', type: 'hyperlink' },
    ],
  });

  it('turns good values into typed variables', () => {
    const s = valid(f, {
      values: {
        text: 'abc',
        memo: 'line\nline',
        int: '-5',
        amount: '12.50',
        frac: 1.23456,
        flag: 'false',
        day: '31/12/2026',
        colour: { id: 'g', name: 'Green' },
        radio: 'Red',
        city: 'Paris',
        who: { id: 3, email: 'x@y' },
        team: '7',
        doc: [{ id: 9 }],
        docs: '4,5,4',
        info: null,
      },
    });
    expect(vars(s)).toEqual({
      text: ['string', 'abc'],
      memo: ['string', 'line\nline'],
      int: ['long', -5],
      amount: ['double', 12.5],
      frac: ['double', 1.23456],
      flag: ['boolean', false],
      day: ['date', '2026-12-31T00:00:00.000Z'],
      colour: ['string', 'g'],
      radio: ['string', 'r'],
      city: ['string', 'Paris'],
      who: ['long', 3],
      team: ['long', 7],
      doc: ['string', '9'],
      docs: ['string', '4,5'],
    });
    expect(s.contentIds).toEqual(['9', '4', '5']);
    expect(s.outcome).toBeNull();
    expect(s.formData[0]).toEqual({ fieldId: 'text', fieldName: null, value: 'abc' });
  });

  it('names every wrong value', () => {
    expect(
      invalid(f, {
        values: {
          text: 'ABC',
          memo: 5,
          int: 4.5,
          amount: '1.234',
          flag: 'yes',
          day: '2025-12-31',
          colour: 'Blue',
          radio: ['r'],
          who: 'alice',
          team: -1,
          doc: [1, 2],
          info: 'hello',
          link: 'x',
        },
      }),
    ).toEqual([
      { field: 'text', message: 'does not match the pattern [a-z]+' },
      { field: 'memo', message: 'must be text' },
      { field: 'int', message: 'must be a whole number' },
      { field: 'amount', message: 'must have at most 2 decimals' },
      { field: 'flag', message: 'must be true or false' },
      { field: 'day', message: 'must not be before 2026-01-01' },
      { field: 'colour', message: 'must be one of Red, Green' },
      { field: 'radio', message: 'must be one of Red, Green' },
      { field: 'who', message: 'must be a user id' },
      { field: 'team', message: 'must be a group id' },
      { field: 'doc', message: 'takes one file' },
      { field: 'info', message: 'does not take a value' },
      { field: 'link', message: 'does not take a value' },
    ]);
    expect(invalid(f, { values: { text: 'a', int: 101, amount: -1, day: '2026-02-30' } })).toEqual([
      { field: 'text', message: 'must have at least 2 characters' },
      { field: 'int', message: 'must be at most 100' },
      { field: 'amount', message: 'must be at least 0' },
      { field: 'day', message: 'must be a date (YYYY-MM-DD or an ISO date-time or DD/MM/YYYY)' },
    ]);
    expect(invalid(f, { values: { text: 'abcdef', int: '9007199254740993' } })).toEqual([
      { field: 'text', message: 'must have at most 5 characters' },
      { field: 'int', message: 'is too large' },
    ]);
  });

  it('finds only own properties (field ids like constructor or toString)', () => {
    const g = form({ fields: [{ id: 'constructor', type: 'text', required: true }, { id: 'toString', type: 'text', visibilityCondition: { leftType: 'variable', leftValue: 'valueOf', operator: 'empty' } }] });
    expect(invalid(g, { values: {} })).toEqual([{ field: 'constructor', message: 'is required' }]);
    expect(vars(valid(g, { values: { constructor: 'x', toString: 'y' } }))).toEqual({ constructor: ['string', 'x'], toString: ['string', 'y'] });
    expect(renderFields(g, {}).map((f) => f.value)).toEqual([null, null]);
  });

  it('refuses values that are not an object', () => {
    for (const values of [null, [], 'x'] as unknown[]) {
      expect(invalid(f, { values: values as Record<string, unknown> })).toEqual([{ field: 'values', message: 'must be an object of field id → value' }]);
      expect(checkDraftValues(f, values as Record<string, unknown>)).toEqual([{ field: 'values', message: 'must be an object of field id → value' }]);
    }
  });

  it('refuses unknown fields and writes nothing for absent or null values', () => {
    expect(invalid(f, { values: { nope: 1, other: null } })).toEqual([
      { field: 'nope', message: 'unknown field' },
      { field: 'other', message: 'unknown field' },
    ]);
    expect(valid(f, { values: { int: null, text: '' } }).variables).toEqual([{ name: 'text', type: 'string', value: '' }]);
  });
});

describe('validateSubmission: required, visibility, read-only, outcome', () => {
  it('requires values, a checked box and non-blank text', () => {
    const f = form({ fields: [{ id: 'a', type: 'text', required: true }, { id: 'b', type: 'boolean', required: true }, { id: 'c', type: 'upload', required: true }] });
    expect(invalid(f, { values: { a: '  ', b: false, c: [] } })).toEqual([
      { field: 'a', message: 'is required' },
      { field: 'b', message: 'is required (must be true)' },
      { field: 'c', message: 'is required' },
    ]);
    expect(vars(valid(f, { values: { a: 'x', b: true, c: '1' } }))).toEqual({ a: ['string', 'x'], b: ['boolean', true], c: ['string', '1'] });
  });

  it('does not require hidden fields and drops their values, also inside hidden containers', () => {
    const f = form({
      fields: [
        { id: 'kind', type: 'dropdown', options: [{ id: 'p', name: 'Private' }, { id: 'c', name: 'Company' }] },
        { id: 'vat', type: 'text', required: true, visibilityCondition: { leftFormFieldId: 'kind', operator: '==', rightValue: 'Company' } },
        {
          id: 'box',
          type: 'container',
          visibilityCondition: { leftType: 'variable', leftValue: 'mode', operator: '==', rightValue: 'full' },
          fields: { '1': [{ id: 'inner', type: 'integer', required: true }] },
        },
        { id: 'echo', type: 'text', visibilityCondition: { leftFormFieldId: 'vat', operator: '!empty' } },
      ],
    });
    expect(vars(valid(f, { values: { kind: 'p', vat: 'ignored', inner: 'not a number', echo: 'dropped' } }))).toEqual({ kind: ['string', 'p'] });
    expect(invalid(f, { values: { kind: 'Company' }, current: { mode: 'full' } })).toEqual([
      { field: 'vat', message: 'is required' },
      { field: 'inner', message: 'is required' },
    ]);
    expect(vars(valid(f, { values: { kind: 'c', vat: 'V1', inner: 2, echo: 'e' }, current: { mode: 'full' } }))).toEqual({
      kind: ['string', 'c'],
      vat: ['string', 'V1'],
      inner: ['long', 2],
      echo: ['string', 'e'],
    });
  });

  it('does not count the empty first option of a hasEmptyValue dropdown as a value', () => {
    const f = form({ fields: [{ id: 'd', type: 'dropdown', required: true, hasEmptyValue: true, options: [{ id: 'empty', name: 'Choose one...' }, ...colours] }] });
    expect(invalid(f, { values: { d: 'empty' } })).toEqual([{ field: 'd', message: 'is required' }]);
    expect(invalid(f, { values: { d: { id: 'empty', name: 'Choose one...' } } })).toEqual([{ field: 'd', message: 'is required' }]);
    expect(vars(valid(f, { values: { d: 'Green' } }))).toEqual({ d: ['string', 'g'] });
    const optional = form({ fields: [{ id: 'd', type: 'dropdown', hasEmptyValue: true, options: [{ id: 'empty', name: 'Choose one...' }, ...colours] }] });
    expect(valid(optional, { values: { d: 'empty' } }).variables).toEqual([]);
  });

  it('accepts a read-only value only when it equals the current one, and does not write it', () => {
    const f = form({ fields: [{ id: 'ref', type: 'text', readOnly: true }, { id: 'n', type: 'integer', readOnly: true, required: true }] });
    expect(valid(f, { values: { ref: 'R-1', n: '4' }, current: { ref: 'R-1', n: 4 } }).variables).toEqual([]);
    expect(valid(f, { values: {}, current: {} }).variables).toEqual([]);
    expect(invalid(f, { values: { ref: 'R-2', n: 'x' }, current: { ref: 'R-1', n: 4 } })).toEqual([
      { field: 'ref', message: 'is read-only' },
      { field: 'n', message: 'is read-only' },
    ]);
    expect(invalid(f, { values: { ref: 'new' } })).toEqual([{ field: 'ref', message: 'is read-only' }]);
  });

  it('checks the outcome: one of the names (or ids) when the form has outcomes, else only the default', () => {
    const f = form({ key: 'approval', fields: [], outcomes: [{ id: 'yes', name: 'Approve' }, { id: 'no', name: 'Reject' }] });
    expect(valid(f, { outcome: 'Reject' }).variables).toEqual([{ name: 'form_approval_outcome', type: 'string', value: 'Reject' }]);
    expect(valid(f, { outcome: 'yes' }).outcome).toBe('Approve');
    expect(invalid(f, { outcome: 'Maybe' })).toEqual([{ field: 'outcome', message: 'must be one of Approve, Reject' }]);
    expect(invalid(f, { outcome: null })).toEqual([{ field: 'outcome', message: 'must be one of Approve, Reject' }]);
    const plain = form({ fields: [] });
    expect(valid(plain, { outcome: 'Complete' }).outcome).toBeNull();
    expect(valid(plain, { outcome: null }).variables).toEqual([]);
    expect(invalid(plain, { outcome: 'Approve' })).toEqual([{ field: 'outcome', message: 'the form has no outcomes (only the default Complete)' }]);
  });
});

describe('validateSubmission: dynamic tables', () => {
  const f = form({
    fields: [
      {
        id: 'lines',
        type: 'dynamic-table',
        required: true,
        columnDefinitions: [
          { id: 'item', type: 'String', required: true },
          { id: 'qty', type: 'Number' },
          { id: 'urgent', type: 'Boolean' },
          { id: 'due', type: 'Date' },
          { id: 'size', type: 'Dropdown', options: [{ id: 's', name: 'Small' }, { id: 'l', name: 'Large' }] },
        ],
      },
    ],
  });

  it('stores rows keyed by column id, typed', () => {
    expect(vars(valid(f, { values: { lines: [{ item: 'a', qty: '2.5', urgent: 'true', due: '2026-03-01', size: 'Large' }, { item: 'b' }] } }))).toEqual({
      lines: ['json', [{ item: 'a', qty: 2.5, urgent: true, due: '2026-03-01T00:00:00.000Z', size: 'l' }, { item: 'b' }]],
    });
  });

  it('names the row and column of every problem', () => {
    expect(invalid(f, { values: { lines: [{ qty: 'many' }, 'row', { item: 'x', colour: 1, urgent: 2, due: 'soon', size: 'Huge' }] } })).toEqual([
      { field: 'lines[0].item', message: 'is required' },
      { field: 'lines[0].qty', message: 'must be a number' },
      { field: 'lines[1]', message: 'a row must be an object keyed by column id' },
      { field: 'lines[2].colour', message: 'unknown column' },
      { field: 'lines[2].urgent', message: 'must be true or false' },
      { field: 'lines[2].due', message: 'must be a date (YYYY-MM-DD or an ISO date-time)' },
      { field: 'lines[2].size', message: 'must be one of Small, Large' },
    ]);
    expect(invalid(f, { values: { lines: {} } })).toEqual([{ field: 'lines', message: 'must be an array of rows' }]);
    expect(invalid(f, { values: { lines: [] } })).toEqual([{ field: 'lines', message: 'is required' }]);
  });
});

describe('checkDraftValues', () => {
  it('checks only ids and basic types', () => {
    const f = form({ fields: [{ id: 'a', type: 'text', required: true, maxLength: 2 }, { id: 'n', type: 'integer' }, { id: 't', type: 'dynamic-table', columnDefinitions: [{ id: 'c', type: 'Number', required: true }] }] });
    expect(checkDraftValues(f, { a: 'longer than two', n: '', t: [{}] })).toEqual([]);
    expect(checkDraftValues(f, { a: 1, n: 'x', t: [{ c: 'y' }], z: 1 })).toEqual([
      { field: 'a', message: 'must be text' },
      { field: 'n', message: 'must be a whole number' },
      { field: 't[0].c', message: 'must be a number' },
      { field: 'z', message: 'unknown field' },
    ]);
  });
});

describe('render → submit round trip (property)', () => {
  const f = form({
    fields: [
      { id: 'text', type: 'text' },
      { id: 'int', type: 'integer' },
      { id: 'amount', type: 'amount' },
      { id: 'flag', type: 'boolean' },
      { id: 'day', type: 'date' },
      { id: 'box', type: 'container', fields: { '1': [{ id: 'colour', type: 'dropdown', options: colours }], '2': [{ id: 'files', type: 'upload', params: { multiple: true } }] } },
      { id: 'who', type: 'people' },
      { id: 'rows', type: 'dynamic-table', columnDefinitions: [{ id: 'c', type: 'String' }, { id: 'n', type: 'Number' }] },
    ],
  });
  const flatten = (fields: readonly FormFieldRepresentation[], out: Record<string, unknown> = {}): Record<string, unknown> => {
    for (const field of fields) {
      if (field.type === 'container') for (const col of Object.values(field['fields'] as Record<string, FormFieldRepresentation[]>)) flatten(col, out);
      else if (field.value !== null) out[field.id] = field.value;
    }
    return out;
  };

  it('submitting what a rendered form shows gives the same variables', () => {
    const values = fc.record(
      {
        text: fc.string({ maxLength: 20 }),
        int: fc.integer({ min: -1e9, max: 1e9 }),
        amount: fc.integer({ min: -1e6, max: 1e6 }).map((cents) => cents / 100),
        flag: fc.boolean(),
        day: fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        colour: fc.constantFrom('r', 'g', 'Red', { id: 'g', name: 'Green' }),
        files: fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 4 }),
        who: fc.integer({ min: 1, max: 1e6 }),
        rows: fc.array(fc.record({ c: fc.string({ maxLength: 5 }), n: fc.integer() }, { requiredKeys: ['c'] }), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, (input) => {
        const first = valid(f, { values: input });
        const stored = Object.fromEntries(first.variables.map((v) => [v.name, v.value]));
        const shown = flatten(renderFields(f, stored));
        const second = valid(f, { values: shown });
        expect(second.variables).toEqual(first.variables);
        expect(second.contentIds).toEqual(first.contentIds);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON values: it answers variables or problems', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('text', 'int', 'amount', 'flag', 'day', 'colour', 'files', 'who', 'rows', 'box', 'x'), fc.jsonValue()), (input) => {
        const r = validateSubmission(f, { values: input, outcome: null });
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
