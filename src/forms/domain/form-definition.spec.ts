import { describe, expect, it } from '@jest/globals';
import type { FormProblem } from '../forms.api.types.js';
import { allFields, parseFormDefinition, type FormDefinition } from './form-definition.js';
import { renderFields } from './render-form.js';

function ok(json: unknown, fallbackKey?: string): FormDefinition {
  const r = parseFormDefinition(json, { fallbackKey });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.form;
}
function problems(json: unknown): FormProblem[] {
  const r = parseFormDefinition(json);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

/** The start form example of seed 004, as the API shows it. */
const seedExample = {
  processDefinitionId: 'p1:2:2504',
  fields: [
    {
      fieldType: 'ContainerRepresentation',
      id: 'container1',
      name: null,
      type: 'container',
      value: null,
      required: false,
      readOnly: false,
      overrideId: false,
      placeholder: null,
      optionType: null,
      hasEmptyValue: null,
      options: null,
      restUrl: null,
      restIdProperty: null,
      restLabelProperty: null,
      layout: null,
      sizeX: 0,
      sizeY: 0,
      row: 0,
      col: 0,
      visibilityCondition: null,
      fields: {
        '1': [
          {
            fieldType: 'FormFieldRepresentation',
            id: 'label1',
            name: 'Label1',
            type: 'text',
            value: null,
            required: false,
            readOnly: false,
            overrideId: false,
            placeholder: null,
            optionType: null,
            hasEmptyValue: null,
            options: null,
            restUrl: null,
            restIdProperty: null,
            restLabelProperty: null,
            layout: { row: 0, column: 0, colspan: 1 },
            sizeX: 1,
            sizeY: 1,
            row: 0,
            col: 0,
            visibilityCondition: null,
          },
        ],
        '2': [],
      },
    },
    {
      fieldType: 'DynamicTableRepresentation',
      id: 'label21',
      name: 'Label 21',
      type: 'dynamic-table',
      value: null,
      required: false,
      readOnly: false,
      overrideId: false,
      placeholder: null,
      optionType: null,
      hasEmptyValue: null,
      options: null,
      restUrl: null,
      restIdProperty: null,
      restLabelProperty: null,
      layout: { row: 10, column: 0, colspan: 2 },
      sizeX: 2,
      sizeY: 2,
      row: 10,
      col: 0,
      visibilityCondition: null,
      columnDefinitions: [
        { id: 'p2', name: 'c2', type: 'String', value: null, optionType: null, options: null, restUrl: null, restIdProperty: null, restLabelProperty: null, required: true, editable: true, sortable: true, visible: true },
      ],
    },
  ],
  outcomes: [],
};

describe('parseFormDefinition', () => {
  it('reads the seed example and renders it back property for property', () => {
    const form = ok(seedExample, 'p1');
    expect(form.key).toBe('p1');
    expect(allFields(form.fields).map((f) => f.id)).toEqual(['container1', 'label1', 'label21']);
    const { processDefinitionId: _id, ...shape } = seedExample;
    expect({ fields: renderFields(form, {}), outcomes: form.outcomes }).toEqual({
      ...shape,
      fields: [{ ...shape.fields[0], numberOfColumns: 2 }, shape.fields[1]],
    });
  });

  it('accepts the editor export shapes and the simple one, and fills defaults', () => {
    expect(ok({ name: 'M', formDefinition: { fields: [{ id: 'a', type: 'text' }], outcomes: [{ name: 'Go' }] } }, '42')).toMatchObject({ key: '42', name: 'M', outcomes: [{ id: 'Go', name: 'Go' }] });
    expect(ok({ key: 'k', editorJson: { fields: [{ id: 'a', type: 'text' }] } }).fields[0]!.id).toBe('a');
    const simple = ok({ key: 'k', fields: [{ id: 'c', type: 'container', fields: [{ id: 'x', type: 'integer' }] }] });
    expect(simple.name).toBe('k');
    expect(simple.fields[0]!.columns).toEqual([{ key: '1', fields: [expect.objectContaining({ id: 'x', type: 'integer' })] }]);
    const rendered = renderFields(ok({ key: 'k', fields: [{ id: 'amount', type: 'amount', currency: '€', enableFractions: true, params: { x: 1 } }] }), { amount: 2.5 });
    expect(rendered[0]).toMatchObject({ fieldType: 'AmountFieldRepresentation', value: 2.5, currency: '€', enableFractions: true, params: { x: 1 }, readOnly: false, layout: null });
  });

  it('collects every problem, inside containers and across columns', () => {
    expect(
      problems({
        key: 'no spaces',
        fields: [
          { id: 'a', type: 'text' },
          { type: 'text' },
          { id: 'c', type: 'container', fields: { '1': [{ id: 'a', type: 'text' }], '2': [{ id: 'b', type: 'dropdown' }], x: [] } },
          { id: 'r', type: 'radio-buttons', options: [{ id: 'x', name: 'X' }, { id: 'x' }, {}] },
          { id: 'n', type: 'integer', minLength: -1, minValue: 'ten', maxValue: 5, regexPattern: '(x+)+' },
          { id: 'm', type: 'integer', minValue: 9, maxValue: 5 },
          { id: 'd', type: 'date', minValue: 'yesterday', dateDisplayFormat: 'HH:mm' },
          { id: 't', type: 'dynamic-table', columnDefinitions: [] },
          { id: 't2', type: 'dynamic-table', columnDefinitions: [{ id: 'c1', type: 'Colour' }, { id: 'c2', type: 'Dropdown' }, { name: 'x' }] },
          { id: 'v', type: 'text', visibilityCondition: { leftFormFieldId: 'zz', operator: '==', rightValue: 1 } },
          { id: 'self', type: 'text', visibilityCondition: { leftFormFieldId: 'self', operator: 'empty' } },
          { id: 'q', type: 'text', required: 'yes' },
          'text',
        ],
        outcomes: [{ id: 'o1', name: 'A' }, { id: 'o2', name: 'A' }, { id: 'o3' }],
      }),
    ).toEqual([
      { field: 'key', message: 'must be 1 to 255 characters of A-Z, a-z, 0-9, _, . and -' },
      { field: 'fields[1]', message: 'field id is missing' },
      { field: 'a', message: 'duplicate field id (also at fields[0])' },
      { field: 'b', message: 'a dropdown field needs options (or a restUrl)' },
      { field: 'c', message: 'container column "x" must be a column number ("1", "2", …)' },
      { field: 'r', message: 'options[1]: duplicate option id x' },
      { field: 'r', message: 'options[2] needs an id or a name' },
      { field: 'n', message: 'minLength must be a whole number from 0 to 1000000' },
      { field: 'n', message: 'minValue must be a number' },
      { field: 'n', message: 'regexPattern must not repeat a group that contains a repetition or an alternation (catastrophic backtracking)' },
      { field: 'm', message: 'minValue must not exceed maxValue' },
      { field: 'd', message: 'minValue must be a date (YYYY-MM-DD)' },
      { field: 'd', message: 'dateDisplayFormat may use only D, DD, M, MM, YY, YYYY and the separators - / . and space' },
      { field: 't', message: 'a dynamic table needs columnDefinitions (at least one column)' },
      { field: 't2', message: 'column c1: unknown type "Colour" (one of String, Number, Amount, Boolean, Date, Dropdown)' },
      { field: 't2', message: 'column c2: a Dropdown column needs options (or a restUrl)' },
      { field: 't2', message: 'columnDefinitions[2] needs an id of A-Z, a-z, 0-9, _, . and -' },
      { field: 'q', message: 'required must be true or false' },
      { field: 'fields[12]', message: 'a field must be an object' },
      { field: 'v', message: 'visibilityCondition refers to unknown field zz' },
      { field: 'self', message: 'visibilityCondition must not refer to the field itself' },
      { field: 'outcomes[1]', message: 'duplicate outcome name A' },
      { field: 'outcomes[2]', message: 'an outcome needs a name' },
    ]);
  });

  it('refuses unknown types, non-objects, too deep nesting and too many fields', () => {
    expect(problems('x')).toEqual([{ field: 'form', message: 'must be a JSON object' }]);
    expect(problems({ key: 'k', fields: {} })).toEqual([{ field: 'fields', message: 'must be an array' }]);
    expect(problems({ key: 'k', fields: [{ id: 'a', type: 'colour' }] })[0]!.message).toMatch(/^unknown field type "colour"/);
    const nest = (depth: number): unknown => (depth === 0 ? { id: 'leaf', type: 'text' } : { id: `c${depth}`, type: 'container', fields: [nest(depth - 1)] });
    expect(parseFormDefinition({ key: 'k', fields: [nest(3)] }).ok).toBe(true);
    expect(problems({ key: 'k', fields: [nest(4)] })).toEqual([{ field: 'c1', message: 'containers nest at most 3 levels deep' }]);
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: `f${i}`, type: 'text' }));
    expect(problems({ key: 'k', fields: many })).toEqual([{ field: 'fields', message: 'a form has at most 1000 fields' }]);
    expect(problems({ key: 'k'.repeat(256) })[0]!.field).toBe('key');
  });
});
