import type { FormFieldRepresentation, FormOption } from '../forms.api.types.js';
import type { ColumnDefinition, FieldType, FormDefinition, FormField } from './form-definition.js';
import { own } from './validate-submission.js';

/**
 * The aps form JSON of seed 004 ("Start Form"): every field carries every documented property
 * (null or its default when not written), containers their `fields` by column number, dynamic
 * tables their `columnDefinitions`; further written properties (`params`, `minLength`, `currency`,
 * …) follow unchanged.
 */
const FIELD_TYPE_NAMES: Readonly<Record<FieldType, string>> = {
  container: 'ContainerRepresentation',
  group: 'ContainerRepresentation',
  'dynamic-table': 'DynamicTableRepresentation',
  dropdown: 'RestFieldRepresentation',
  'radio-buttons': 'RestFieldRepresentation',
  typeahead: 'RestFieldRepresentation',
  amount: 'AmountFieldRepresentation',
  hyperlink: 'HyperlinkRepresentation',
  text: 'FormFieldRepresentation',
  'multi-line-text': 'FormFieldRepresentation',
  integer: 'FormFieldRepresentation',
  boolean: 'FormFieldRepresentation',
  date: 'FormFieldRepresentation',
  people: 'FormFieldRepresentation',
  'functional-group': 'FormFieldRepresentation',
  upload: 'FormFieldRepresentation',
  'readonly-text': 'FormFieldRepresentation',
  readonly: 'FormFieldRepresentation',
};

const or = <T>(v: unknown, fallback: T): unknown => (v === undefined ? fallback : v);

/** A stored variable value as the field shows it (and as a submission accepts it back). */
export function displayValue(field: FormField, stored: unknown): unknown {
  if (stored === undefined || stored === null) return null;
  if (field.type === 'upload' && typeof stored === 'string') {
    return stored
      .split(',')
      .filter((id) => id !== '')
      .map((id) => ({ id }));
  }
  return stored;
}

function renderOptions(options: readonly FormOption[] | null): FormOption[] | null {
  return options ? options.map((o) => ({ id: o.id, name: o.name })) : null;
}

function renderColumn(c: ColumnDefinition, readOnly: boolean): Record<string, unknown> {
  const r = c.raw;
  const base: Record<string, unknown> = {
    id: c.id,
    name: c.name,
    type: c.type,
    value: or(r['value'], null),
    optionType: or(r['optionType'], null),
    options: renderOptions(c.options),
    restUrl: or(r['restUrl'], null),
    restIdProperty: or(r['restIdProperty'], null),
    restLabelProperty: or(r['restLabelProperty'], null),
    required: c.required,
    editable: readOnly ? false : or(r['editable'], true),
    sortable: or(r['sortable'], true),
    visible: or(r['visible'], true),
  };
  return { ...base, ...Object.fromEntries(Object.entries(r).filter(([k]) => !(k in base))) };
}

export function renderField(field: FormField, values: Readonly<Record<string, unknown>>, readOnly: boolean): FormFieldRepresentation {
  const r = field.raw;
  const base: Record<string, unknown> = {
    fieldType: FIELD_TYPE_NAMES[field.type],
    id: field.id,
    name: field.name,
    type: field.type,
    value: displayValue(field, own(values, field.id) ?? r['value']),
    required: field.required,
    readOnly: readOnly || field.readOnly,
    overrideId: or(r['overrideId'], false),
    placeholder: or(r['placeholder'], null),
    optionType: or(r['optionType'], null),
    hasEmptyValue: or(r['hasEmptyValue'], null),
    options: renderOptions(field.options),
    restUrl: field.restUrl,
    restIdProperty: or(r['restIdProperty'], null),
    restLabelProperty: or(r['restLabelProperty'], null),
    layout: or(r['layout'], null),
    sizeX: or(r['sizeX'], 0),
    sizeY: or(r['sizeY'], 0),
    row: or(r['row'], 0),
    col: or(r['col'], 0),
    visibilityCondition: or(r['visibilityCondition'], null),
  };
  if (field.columns) {
    base['numberOfColumns'] = or(r['numberOfColumns'], field.columns.length);
    base['fields'] = Object.fromEntries(field.columns.map((c) => [c.key, c.fields.map((f) => renderField(f, values, readOnly))]));
  }
  if (field.columnDefinitions) base['columnDefinitions'] = field.columnDefinitions.map((c) => renderColumn(c, readOnly));
  const extras = Object.fromEntries(Object.entries(r).filter(([k]) => !(k in base)));
  return { ...base, ...extras } as FormFieldRepresentation;
}

export function renderFields(form: FormDefinition, values: Readonly<Record<string, unknown>>, readOnly = false): FormFieldRepresentation[] {
  return form.fields.map((f) => renderField(f, values, readOnly));
}
