import type { FormOption, FormProblem, FormVariable, ValidatedSubmission } from '../forms.api.types.js';
import { parseDisplayDate, parseIsoDate } from './form-dates.js';
import { allFields, CONTAINER_TYPES, OPTION_TYPES, VALUELESS_TYPES, type ColumnDefinition, type FormDefinition, type FormField } from './form-definition.js';
import { wholeValueMatcher } from './safe-pattern.js';
import { isVisible } from './visibility.js';

/**
 * Submitted form values → typed process variables, or every problem (design.md §8 "Forms",
 * "Variables"). Pure: no I/O. The rules per field type:
 * - text, multi-line-text → string (minLength, maxLength, regexPattern); typeahead → string;
 * - integer → long (a whole number or a numeric string, minValue/maxValue);
 * - amount → double (a number or a numeric string, at most 2 decimals unless enableFractions);
 * - boolean → boolean (true/false or "true"/"false"); a required one must be true (checked);
 * - date → date (ISO date or date-time, or the field's dateDisplayFormat; calendar-checked;
 *   minValue/maxValue);
 * - dropdown, radio-buttons → string: the option id (the value may be the option object, its id or
 *   its name); with hasEmptyValue the first option means "no value";
 * - people → long user id (`{id}`, a number or a numeric string); functional-group → long group id;
 * - upload → string of comma-separated content ids (`[{id}]`, ids, or "1,2"), also in contentIds;
 * - dynamic-table → json: an array of rows keyed by column id, each column checked;
 * - container, group, readonly-text, readonly, hyperlink take no value.
 * A field hidden by its visibility condition (or inside a hidden container) is not required and its
 * submitted value is dropped unchecked. A value of a read-only field must equal the current value,
 * and is then not written again. An absent or null value writes no variable; an empty text writes "".
 */
export interface SubmissionInput {
  readonly values: Readonly<Record<string, unknown>>;
  readonly outcome: string | null;
  /** The current variables (read-only comparison, visibility conditions on variables). */
  readonly current?: Readonly<Record<string, unknown>>;
}

/** The user ids people fields name (to check that they exist: identity's job, not this pure function's). */
export interface NamedUser {
  readonly field: string;
  readonly userId: string;
}

export type SubmissionResult =
  | { readonly ok: true; readonly submission: ValidatedSubmission; readonly users: readonly NamedUser[] }
  | { readonly ok: false; readonly problems: FormProblem[]; readonly users: readonly NamedUser[] };

/** The outcomes a form without outcomes accepts (Alfresco's default buttons); they record no outcome. */
export const DEFAULT_OUTCOMES: readonly string[] = ['complete', 'start process', 'start'];

type Coerced = { readonly ok: true; readonly value: unknown; readonly type: FormVariable['type'] } | { readonly ok: false; readonly message: string };
const fail = (message: string): Coerced => ({ ok: false, message });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only: field ids such as `constructor` must not find Object.prototype's members. */
export const own = (o: Readonly<Record<string, unknown>>, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** Empty for `required`: nothing, null, blank text, an empty list. */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function toNumber(v: unknown, whole: boolean): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && (!whole || Number.isInteger(v)) ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (!(whole ? INTEGER : DECIMAL).test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function decimals(n: number, written: unknown): number {
  const text = typeof written === 'string' ? written.trim() : String(n);
  if (/e/i.test(text)) return String(n).split('.')[1]?.length ?? 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.slice(dot + 1).replace(/0+$/, '').length;
}

function toId(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  if (typeof v === 'string' && /^\d{1,18}$/.test(v.trim()) && Number(v) > 0) return String(Number(v.trim()));
  if (isRecord(v)) return toId(v['id']);
  return null;
}

function option(field: { options: FormField['options'] }, v: unknown): { id: string } | 'none' | null {
  const options = field.options ?? [];
  const candidates: string[] = [];
  if (isRecord(v)) {
    if (typeof v['id'] === 'string' || typeof v['id'] === 'number') candidates.push(String(v['id']));
    else if (typeof v['name'] === 'string') candidates.push(v['name']);
  } else if (typeof v === 'string' || typeof v === 'number') candidates.push(String(v));
  else return null;
  for (const c of candidates) {
    const byId = options.find((o) => o.id === c);
    if (byId) return byId;
  }
  for (const c of candidates) {
    const byName = options.find((o) => o.name === c);
    if (byName) return byName;
  }
  return 'none';
}

function coerceDate(v: unknown, format: string | null): string | null {
  if (typeof v !== 'string') return null;
  return parseIsoDate(v) ?? (format ? parseDisplayDate(v, format) : null);
}

/** A field's value → its typed form; `strict` adds the limits (lengths, ranges, pattern, decimals). */
export function coerceFieldValue(field: FormField, v: unknown, strict: boolean): Coerced {
  const l = field.limits;
  switch (field.type) {
    case 'text':
    case 'multi-line-text':
    case 'typeahead': {
      let s: string;
      if (typeof v === 'string') s = v;
      else if (field.type === 'typeahead' && isRecord(v) && (typeof v['name'] === 'string' || typeof v['id'] === 'string')) s = String(v['name'] ?? v['id']);
      else return fail('must be text');
      if (strict && s !== '') {
        if (l.minLength !== null && s.length < l.minLength) return fail(`must have at least ${l.minLength} characters`);
        if (l.maxLength !== null && s.length > l.maxLength) return fail(`must have at most ${l.maxLength} characters`);
        if (l.regexPattern !== null && !wholeValueMatcher(l.regexPattern)(s)) return fail(`does not match the pattern ${l.regexPattern}`);
      }
      return { ok: true, value: s, type: 'string' };
    }
    case 'integer': {
      const n = toNumber(v, true);
      if (n === null) return fail('must be a whole number');
      if (!Number.isSafeInteger(n)) return fail('is too large');
      if (strict && typeof l.minValue === 'number' && n < l.minValue) return fail(`must be at least ${l.minValue}`);
      if (strict && typeof l.maxValue === 'number' && n > l.maxValue) return fail(`must be at most ${l.maxValue}`);
      return { ok: true, value: n, type: 'long' };
    }
    case 'amount': {
      const n = toNumber(v, false);
      if (n === null) return fail('must be a number');
      if (strict && !l.enableFractions && decimals(n, v) > 2) return fail('must have at most 2 decimals');
      if (strict && typeof l.minValue === 'number' && n < l.minValue) return fail(`must be at least ${l.minValue}`);
      if (strict && typeof l.maxValue === 'number' && n > l.maxValue) return fail(`must be at most ${l.maxValue}`);
      return { ok: true, value: n, type: 'double' };
    }
    case 'boolean':
      if (v === true || v === 'true') return { ok: true, value: true, type: 'boolean' };
      if (v === false || v === 'false') return { ok: true, value: false, type: 'boolean' };
      return fail('must be true or false');
    case 'date': {
      const iso = coerceDate(v, l.dateDisplayFormat);
      if (!iso) return fail(`must be a date (YYYY-MM-DD or an ISO date-time${l.dateDisplayFormat ? ` or ${l.dateDisplayFormat}` : ''})`);
      if (strict && typeof l.minValue === 'string' && iso < l.minValue) return fail(`must not be before ${l.minValue.slice(0, 10)}`);
      if (strict && typeof l.maxValue === 'string' && iso > l.maxValue) return fail(`must not be after ${l.maxValue.slice(0, 10)}`);
      return { ok: true, value: iso, type: 'date' };
    }
    case 'dropdown':
    case 'radio-buttons': {
      if (field.options === null || field.options.length === 0) {
        // Options from a restUrl (a data table): the id is kept as sent; the engine's option source owns the list.
        const id = isRecord(v) ? (v['id'] ?? v['name']) : v;
        if (typeof id !== 'string' && typeof id !== 'number') return fail('must be an option');
        return { ok: true, value: String(id), type: 'string' };
      }
      const o = option(field, v);
      if (o === null || o === 'none') return fail(`must be one of ${field.options.map((x) => x.name).join(', ')}`);
      // hasEmptyValue: the first option is the "choose one" entry and means no value.
      if (field.hasEmptyValue && o.id === field.options[0]!.id) return { ok: true, value: null, type: 'string' };
      return { ok: true, value: o.id, type: 'string' };
    }
    case 'people':
    case 'functional-group': {
      const id = toId(v);
      if (!id) return fail(field.type === 'people' ? 'must be a user id' : 'must be a group id');
      return { ok: true, value: Number(id), type: 'long' };
    }
    case 'upload': {
      const items = typeof v === 'string' ? v.split(',').filter((s) => s.trim() !== '') : Array.isArray(v) ? v : [v];
      const ids: string[] = [];
      for (const item of items) {
        const id = toId(item);
        if (!id) return fail('must be content ids ([{id}], a list of ids or "1,2")');
        if (!ids.includes(id)) ids.push(id);
      }
      if (strict && !l.multiple && ids.length > 1) return fail('takes one file');
      return { ok: true, value: ids.join(','), type: 'string' };
    }
    case 'dynamic-table':
      return fail('is a dynamic table'); // handled by validateTable
    default:
      return fail('does not take a value');
  }
}

function coerceCell(column: ColumnDefinition, v: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (column.type) {
    case 'String':
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, message: 'must be text' };
    case 'Number':
    case 'Amount': {
      const n = toNumber(v, false);
      return n === null ? { ok: false, message: 'must be a number' } : { ok: true, value: n };
    }
    case 'Boolean':
      if (v === true || v === 'true') return { ok: true, value: true };
      if (v === false || v === 'false') return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    case 'Date': {
      const iso = coerceDate(v, null);
      return iso ? { ok: true, value: iso } : { ok: false, message: 'must be a date (YYYY-MM-DD or an ISO date-time)' };
    }
    case 'Dropdown': {
      if (column.options === null || column.options.length === 0) {
        const id = isRecord(v) ? (v['id'] ?? v['name']) : v;
        return typeof id === 'string' || typeof id === 'number' ? { ok: true, value: String(id) } : { ok: false, message: 'must be an option' };
      }
      const o = option(column, v);
      return o === null || o === 'none' ? { ok: false, message: `must be one of ${column.options.map((x) => x.name).join(', ')}` } : { ok: true, value: o.id };
    }
  }
}

/** A cell whose column lists its options from a data table: one of them (object, id or name) → its id. */
function coerceListed(options: readonly FormOption[], v: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const o = option({ options }, v);
  return o === null || o === 'none' ? { ok: false, message: 'must be one of the options of its restUrl' } : { ok: true, value: o.id };
}

export const MAX_TABLE_ROWS = 1000;

/** The key of a dynamic-table column in `restOptions` (as `form-values/{field}/{column}` names it). */
export function columnKey(fieldId: string, columnId: string): string {
  return `${fieldId}.${columnId}`;
}

/**
 * A dynamic table's rows, each cell checked; problems name `table[row].column`. A Dropdown column
 * without written options whose options `restOptions` lists (by columnKey: its restUrl names a data
 * table) takes only one of them, stored as the option id.
 */
export function coerceTable(
  field: FormField,
  v: unknown,
  strict: boolean,
  problems: FormProblem[],
  restOptions: ReadonlyMap<string, readonly FormOption[]> = new Map(),
): unknown[] | null {
  if (!Array.isArray(v)) {
    problems.push({ field: field.id, message: 'must be an array of rows' });
    return null;
  }
  if (v.length > MAX_TABLE_ROWS) {
    problems.push({ field: field.id, message: `has at most ${MAX_TABLE_ROWS} rows` });
    return null;
  }
  const columns = field.columnDefinitions ?? [];
  const before = problems.length;
  const rows: Array<Record<string, unknown>> = [];
  v.forEach((row, i) => {
    if (!isRecord(row)) {
      problems.push({ field: `${field.id}[${i}]`, message: 'a row must be an object keyed by column id' });
      return;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(row)) {
      if (!columns.some((c) => c.id === key)) problems.push({ field: `${field.id}[${i}].${key}`, message: 'unknown column' });
    }
    for (const column of columns) {
      const cell = own(row, column.id);
      if (isEmptyValue(cell)) {
        if (strict && column.required) problems.push({ field: `${field.id}[${i}].${column.id}`, message: 'is required' });
        continue;
      }
      const listed = column.type === 'Dropdown' && (column.options === null || column.options.length === 0) ? restOptions.get(columnKey(field.id, column.id)) : undefined;
      const c = listed ? coerceListed(listed, cell) : coerceCell(column, cell);
      if (c.ok) out[column.id] = c.value;
      else problems.push({ field: `${field.id}[${i}].${column.id}`, message: c.message });
    }
    rows.push(out);
  });
  return problems.length === before ? rows : null;
}

/** Which fields are visible for these values: a fixpoint, since hiding a field drops its value. */
export function visibleFields(form: FormDefinition, values: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>): Set<string> {
  const fields = allFields(form.fields);
  const byId = new Map(fields.map((f) => [f.id, f]));
  let hidden = new Set<string>();
  for (let round = 0; round < 10; round++) {
    const value = (id: string): unknown => {
      if (hidden.has(id)) return undefined;
      const v = Object.prototype.hasOwnProperty.call(values, id) ? values[id] : own(current, id);
      const f = byId.get(id);
      if (f && (f.type === 'dropdown' || f.type === 'radio-buttons') && f.options?.length) {
        const o = option(f, v);
        return o && o !== 'none' ? o.id : v;
      }
      return v;
    };
    const ctx = {
      fieldValue: value,
      fieldAliases: (id: string): unknown[] => {
        const f = byId.get(id);
        const v = value(id);
        const o = f?.options?.find((x) => x.id === v);
        return o ? [o.name] : [];
      },
      variable: (name: string) => own(current, name),
    };
    const next = new Set<string>();
    const walk = (list: readonly FormField[], parentHidden: boolean): void => {
      for (const f of list) {
        const isHidden = parentHidden || !isVisible(f.visibilityCondition, ctx);
        if (isHidden) next.add(f.id);
        if (f.columns) for (const c of f.columns) walk(c.fields, isHidden);
      }
    };
    walk(form.fields, false);
    const same = next.size === hidden.size && [...next].every((id) => hidden.has(id));
    hidden = next;
    if (same) break;
  }
  return new Set(fields.filter((f) => !hidden.has(f.id)).map((f) => f.id));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Validates a submission of `form`; see the rules above. `restOptions` (field id, or columnKey for a
 * dynamic-table Dropdown column → options): the options of dropdown / radio-buttons / typeahead
 * fields and table columns whose restUrl a known source lists (a data table); such a value must be
 * one of them (the option object, its id or its name) and is stored as the option id. A restUrl
 * field or column absent from it keeps its value as sent.
 */
export function validateSubmission(
  form: FormDefinition,
  input: SubmissionInput,
  restOptions: ReadonlyMap<string, readonly FormOption[]> = new Map(),
): SubmissionResult {
  const problems: FormProblem[] = [];
  const current = isRecord(input.current) ? input.current : {};
  if (!isRecord(input.values)) return { ok: false, problems: [{ field: 'values', message: 'must be an object of field id → value' }], users: [] };
  const values = input.values;
  const fields = allFields(form.fields);
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const id of Object.keys(values)) if (!byId.has(id)) problems.push({ field: id, message: 'unknown field' });

  const visible = visibleFields(form, values, current);
  const variables: FormVariable[] = [];
  const formData: Array<{ fieldId: string; fieldName: string | null; value: unknown }> = [];
  const contentIds: string[] = [];
  const users: NamedUser[] = [];
  const groupFields: string[] = [];

  for (const field of fields) {
    if (!visible.has(field.id)) continue;
    const raw = own(values, field.id);
    const has = Object.prototype.hasOwnProperty.call(values, field.id) && raw !== undefined;
    if (VALUELESS_TYPES.has(field.type)) {
      if (has && raw !== null && !CONTAINER_TYPES.has(field.type)) problems.push({ field: field.id, message: 'does not take a value' });
      else if (has && raw !== null) problems.push({ field: field.id, message: 'is a container and does not take a value' });
      continue;
    }
    let coerced: { value: unknown; type: FormVariable['type'] } | null = null;
    if (has && !isEmptyValue(raw)) {
      if (field.type === 'dynamic-table') {
        const rows = coerceTable(field, raw, true, problems, restOptions);
        if (rows === null) continue;
        coerced = { value: rows, type: 'json' };
      } else if (restOptions.has(field.id) && OPTION_TYPES.has(field.type) && (field.options === null || field.options.length === 0)) {
        const o = option({ options: restOptions.get(field.id)! }, raw);
        if (o === null || o === 'none') {
          problems.push({ field: field.id, message: field.readOnly ? 'is read-only' : `must be one of the options of ${field.restUrl ?? 'its restUrl'}` });
          continue;
        }
        coerced = { value: o.id, type: 'string' };
      } else {
        const c = coerceFieldValue(field, raw, true);
        if (!c.ok) {
          problems.push({ field: field.id, message: field.readOnly ? 'is read-only' : c.message });
          continue;
        }
        coerced = c.value === null ? null : c;
      }
    } else if (has && raw === '' && (field.type === 'text' || field.type === 'multi-line-text' || field.type === 'typeahead')) {
      coerced = { value: '', type: 'string' };
    }

    if (field.readOnly) {
      if (!has) continue;
      const existing = own(current, field.id);
      let existingValue: unknown = existing;
      if (existing !== undefined && existing !== null && field.type !== 'dynamic-table') {
        const c = coerceFieldValue(field, existing, false);
        if (c.ok) existingValue = c.value;
      }
      const unchanged = coerced === null ? isEmptyValue(existing) : sameValue(coerced.value, existingValue);
      if (!unchanged) problems.push({ field: field.id, message: 'is read-only' });
      continue;
    }

    if (field.required && (coerced === null || coerced.value === '' || (field.type === 'boolean' && coerced.value !== true))) {
      problems.push({ field: field.id, message: field.type === 'boolean' ? 'is required (must be true)' : 'is required' });
      continue;
    }
    if (coerced === null) continue;
    variables.push({ name: field.id, type: coerced.type, value: coerced.value });
    formData.push({ fieldId: field.id, fieldName: field.name, value: coerced.value });
    if (field.type === 'upload') for (const id of String(coerced.value).split(',')) if (id && !contentIds.includes(id)) contentIds.push(id);
    if (field.type === 'people') users.push({ field: field.id, userId: String(coerced.value) });
    if (field.type === 'functional-group') groupFields.push(field.id);
  }

  let outcome: string | null = null;
  const chosen = typeof input.outcome === 'string' ? input.outcome.trim() : null;
  if (form.outcomes.length > 0) {
    const match = chosen === null || chosen === '' ? undefined : (form.outcomes.find((o) => o.name === chosen) ?? form.outcomes.find((o) => o.id === chosen));
    if (!match) {
      problems.push({ field: 'outcome', message: `must be one of ${form.outcomes.map((o) => o.name).join(', ')}` });
    } else outcome = match.name;
  } else if (chosen !== null && chosen !== '' && !DEFAULT_OUTCOMES.includes(chosen.toLowerCase())) {
    problems.push({ field: 'outcome', message: 'the form has no outcomes (only the default Complete)' });
  }
  if (problems.length > 0) return { ok: false, problems, users };
  if (outcome !== null) variables.push({ name: outcomeVariableName(form.key), type: 'string', value: outcome });
  return { ok: true, submission: { variables, outcome, contentIds, groupFields, formData }, users };
}

/** `form_{key}_outcome`, as Alfresco names the outcome variable of a form. */
export function outcomeVariableName(key: string): string {
  return `form_${key}_outcome`;
}

/**
 * Draft values (save-form): field ids must exist and values must have the field's basic type;
 * nothing else is checked (a draft may be incomplete). Returns the values as sent, or problems.
 */
export function checkDraftValues(form: FormDefinition, values: Readonly<Record<string, unknown>>): FormProblem[] {
  if (!isRecord(values)) return [{ field: 'values', message: 'must be an object of field id → value' }];
  const problems: FormProblem[] = [];
  const byId = new Map(allFields(form.fields).map((f) => [f.id, f]));
  for (const [id, v] of Object.entries(values)) {
    const field = byId.get(id);
    if (!field) {
      problems.push({ field: id, message: 'unknown field' });
      continue;
    }
    if (isEmptyValue(v)) continue;
    if (VALUELESS_TYPES.has(field.type)) problems.push({ field: id, message: 'does not take a value' });
    else if (field.type === 'dynamic-table') coerceTable(field, v, false, problems);
    else {
      const c = coerceFieldValue(field, v, false);
      if (!c.ok) problems.push({ field: id, message: c.message });
    }
  }
  return problems;
}
