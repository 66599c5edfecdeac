import type { FormOption, FormOutcome, FormProblem } from '../forms.api.types.js';
import { displayFormatProblem, parseIsoDate } from './form-dates.js';
import { patternProblem } from './safe-pattern.js';
import { parseVisibilityCondition, referencedFields, type VisibilityCondition } from './visibility.js';

/**
 * A form definition (design.md §8 "Forms"): `{key, name, fields: [...], outcomes: [{id, name}]}`
 * with the field shape of seed 004, or Alfresco's editor export where the fields sit under
 * `formDefinition` or `editorJson`. Parsing collects every problem; a definition with any problem
 * is refused as a whole.
 */
export const FIELD_TYPES = [
  'text',
  'multi-line-text',
  'integer',
  'amount',
  'boolean',
  'date',
  'dropdown',
  'radio-buttons',
  'people',
  'functional-group',
  'upload',
  'typeahead',
  'dynamic-table',
  'container',
  'group',
  'readonly-text',
  'readonly',
  'hyperlink',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types whose field holds no value of its own. */
export const VALUELESS_TYPES: ReadonlySet<FieldType> = new Set(['container', 'group', 'readonly-text', 'readonly', 'hyperlink']);
export const CONTAINER_TYPES: ReadonlySet<FieldType> = new Set(['container', 'group']);
export const OPTION_TYPES: ReadonlySet<FieldType> = new Set(['dropdown', 'radio-buttons', 'typeahead']);

export const COLUMN_TYPES = ['String', 'Number', 'Amount', 'Boolean', 'Date', 'Dropdown'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,255}$/;
/** Field ids become process-variable names. */
export const FIELD_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
/** Containers may hold containers this deep (Alfresco's editor allows one level; we allow a little more). */
export const MAX_CONTAINER_DEPTH = 3;
export const MAX_FIELDS = 1000;
export const MAX_CONTAINER_COLUMNS = 12;
export const MAX_TABLE_COLUMNS = 100;
export const MAX_OPTIONS = 5000;
export const MAX_OUTCOMES = 50;

/** Value limits of a field, written as top-level properties (Alfresco) or under `params`. */
export interface FieldLimits {
  readonly minLength: number | null;
  readonly maxLength: number | null;
  /** A number (integer, amount) or an ISO instant (date). */
  readonly minValue: number | string | null;
  readonly maxValue: number | string | null;
  readonly regexPattern: string | null;
  readonly dateDisplayFormat: string | null;
  /** amount: more than 2 decimals allowed. */
  readonly enableFractions: boolean;
  /** upload: more than one file. */
  readonly multiple: boolean;
}

export interface ColumnDefinition {
  readonly id: string;
  readonly name: string | null;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly options: readonly FormOption[] | null;
  /** The column as written, every property kept. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface FormField {
  readonly id: string;
  readonly name: string | null;
  readonly type: FieldType;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly options: readonly FormOption[] | null;
  readonly hasEmptyValue: boolean;
  readonly restUrl: string | null;
  readonly limits: FieldLimits;
  readonly visibilityCondition: VisibilityCondition | null;
  /** Containers: their columns ("1", "2", …) in order. */
  readonly columns: ReadonlyArray<{ readonly key: string; readonly fields: readonly FormField[] }> | null;
  /** Dynamic tables. */
  readonly columnDefinitions: readonly ColumnDefinition[] | null;
  /** The field as written (minus `fields` / `columnDefinitions`), every property kept for rendering. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface FormDefinition {
  readonly key: string;
  readonly name: string;
  readonly fields: readonly FormField[];
  readonly outcomes: readonly FormOutcome[];
}

export type ParseResult = { readonly ok: true; readonly form: FormDefinition } | { readonly ok: false; readonly problems: FormProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const idText = (v: unknown): string | null => (typeof v === 'number' && Number.isFinite(v) ? String(v) : nonEmpty(v));

/** Every field of a definition, containers' children after their container, depth first. */
export function allFields(fields: readonly FormField[]): FormField[] {
  const out: FormField[] = [];
  const walk = (list: readonly FormField[]): void => {
    for (const f of list) {
      out.push(f);
      if (f.columns) for (const c of f.columns) walk(c.fields);
    }
  };
  walk(fields);
  return out;
}

export interface ParseOptions {
  /** Used when the JSON has no `key` (a deployment file's base name, a model's id). */
  readonly fallbackKey?: string | null;
  /** Used when the JSON has no `name`. */
  readonly fallbackName?: string | null;
}

/** Parses and checks a form JSON; every problem is collected (`field` = field id or a property name). */
export function parseFormDefinition(json: unknown, options: ParseOptions = {}): ParseResult {
  const problems: FormProblem[] = [];
  if (!isRecord(json)) return { ok: false, problems: [{ field: 'form', message: 'must be a JSON object' }] };
  const body = isRecord(json['formDefinition']) ? json['formDefinition'] : isRecord(json['editorJson']) ? json['editorJson'] : json;

  const keyRaw = json['key'] ?? body['key'] ?? options.fallbackKey ?? null;
  const key = typeof keyRaw === 'string' ? keyRaw : typeof keyRaw === 'number' ? String(keyRaw) : '';
  if (!KEY_PATTERN.test(key)) problems.push({ field: 'key', message: 'must be 1 to 255 characters of A-Z, a-z, 0-9, _, . and -' });
  const nameRaw = json['name'] ?? body['name'] ?? options.fallbackName ?? key;
  const name = typeof nameRaw === 'string' && nameRaw.trim() !== '' ? nameRaw.trim() : key;
  if (name.length > 255) problems.push({ field: 'name', message: 'must be at most 255 characters' });

  const ctx: FieldContext = { problems, ids: new Map(), count: 0 };
  let fields: FormField[] = [];
  const fieldsRaw = body['fields'];
  if (fieldsRaw === undefined || fieldsRaw === null) fields = [];
  else if (!Array.isArray(fieldsRaw)) problems.push({ field: 'fields', message: 'must be an array' });
  else fields = parseFieldList(fieldsRaw, ctx, 0, 'fields');

  // Visibility conditions may name only fields of this form.
  for (const f of allFields(fields)) {
    for (const ref of referencedFields(f.visibilityCondition)) {
      if (!ctx.ids.has(ref)) problems.push({ field: f.id, message: `visibilityCondition refers to unknown field ${ref}` });
      else if (ref === f.id) problems.push({ field: f.id, message: 'visibilityCondition must not refer to the field itself' });
    }
  }

  const outcomes = parseOutcomes(body['outcomes'], problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, form: { key, name, fields, outcomes } };
}

interface FieldContext {
  readonly problems: FormProblem[];
  /** Field ids seen so far (across containers and columns), with where. */
  readonly ids: Map<string, string>;
  count: number;
}

function parseFieldList(list: readonly unknown[], ctx: FieldContext, depth: number, where: string): FormField[] {
  const out: FormField[] = [];
  list.forEach((raw, index) => {
    const field = parseField(raw, ctx, depth, `${where}[${index}]`);
    if (field) out.push(field);
  });
  return out;
}

function parseField(raw: unknown, ctx: FieldContext, depth: number, where: string): FormField | null {
  const { problems } = ctx;
  ctx.count += 1;
  if (ctx.count === MAX_FIELDS + 1) problems.push({ field: 'fields', message: `a form has at most ${MAX_FIELDS} fields` });
  if (ctx.count > MAX_FIELDS) return null;
  if (!isRecord(raw)) {
    problems.push({ field: where, message: 'a field must be an object' });
    return null;
  }
  const id = idText(raw['id']);
  let label = where;
  if (!id) problems.push({ field: where, message: 'field id is missing' });
  else {
    label = id;
    if (!FIELD_ID_PATTERN.test(id)) problems.push({ field: id, message: 'field id must be 1 to 255 characters of A-Z, a-z, 0-9, _, . and - (not starting with . or -)' });
    else if (ctx.ids.has(id)) problems.push({ field: id, message: `duplicate field id (also at ${ctx.ids.get(id)})` });
    else ctx.ids.set(id, where);
  }
  const typeRaw = raw['type'];
  const type = typeof typeRaw === 'string' && (FIELD_TYPES as readonly string[]).includes(typeRaw) ? (typeRaw as FieldType) : null;
  if (!type) problems.push({ field: label, message: `unknown field type ${JSON.stringify(typeRaw ?? null)} (one of ${FIELD_TYPES.join(', ')})` });
  const nameRaw = raw['name'];
  if (nameRaw !== undefined && nameRaw !== null && typeof nameRaw !== 'string') problems.push({ field: label, message: 'name must be a string' });
  for (const flag of ['required', 'readOnly'] as const) {
    if (raw[flag] !== undefined && raw[flag] !== null && typeof raw[flag] !== 'boolean') problems.push({ field: label, message: `${flag} must be true or false` });
  }
  const conditionProblems: string[] = [];
  const visibilityCondition = parseVisibilityCondition(raw['visibilityCondition'], conditionProblems);
  for (const message of conditionProblems) problems.push({ field: label, message });
  const restUrl = nonEmpty(raw['restUrl']);

  let options: FormOption[] | null = null;
  if (type && OPTION_TYPES.has(type)) {
    options = parseOptions(raw['options'], label, problems, 'options');
    if ((type === 'dropdown' || type === 'radio-buttons') && (options === null || options.length === 0) && !restUrl) {
      problems.push({ field: label, message: `a ${type} field needs options (or a restUrl)` });
    }
  }

  const limits = parseLimits(raw, type, label, problems);

  let columns: FormField['columns'] = null;
  let columnDefinitions: ColumnDefinition[] | null = null;
  if (type && CONTAINER_TYPES.has(type)) {
    if (depth + 1 > MAX_CONTAINER_DEPTH) {
      problems.push({ field: label, message: `containers nest at most ${MAX_CONTAINER_DEPTH} levels deep` });
    } else columns = parseColumns(raw['fields'], raw['numberOfColumns'], ctx, depth + 1, label);
  }
  if (type === 'dynamic-table') columnDefinitions = parseColumnDefinitions(raw['columnDefinitions'], label, problems);

  if (!id || !type) return null;
  const { fields: _fields, columnDefinitions: _columns, ...kept } = raw;
  return {
    id,
    name: typeof nameRaw === 'string' ? nameRaw : null,
    type,
    required: raw['required'] === true && !VALUELESS_TYPES.has(type),
    readOnly: raw['readOnly'] === true,
    options,
    hasEmptyValue: raw['hasEmptyValue'] === true,
    restUrl,
    limits,
    visibilityCondition,
    columns,
    columnDefinitions,
    raw: kept,
  };
}

function parseColumns(raw: unknown, numberOfColumns: unknown, ctx: FieldContext, depth: number, label: string): FormField['columns'] {
  const columns: Array<{ key: string; fields: readonly FormField[] }> = [];
  if (raw === undefined || raw === null) return [{ key: '1', fields: [] }];
  if (Array.isArray(raw)) return [{ key: '1', fields: parseFieldList(raw, ctx, depth, `${label}.fields`) }];
  if (!isRecord(raw)) {
    ctx.problems.push({ field: label, message: 'a container\'s fields must be an object of columns ("1", "2", …) or an array' });
    return null;
  }
  const keys = Object.keys(raw);
  if (keys.length > MAX_CONTAINER_COLUMNS) ctx.problems.push({ field: label, message: `a container has at most ${MAX_CONTAINER_COLUMNS} columns` });
  for (const key of keys.slice(0, MAX_CONTAINER_COLUMNS)) {
    if (!/^[1-9]\d?$/.test(key)) ctx.problems.push({ field: label, message: `container column "${key}" must be a column number ("1", "2", …)` });
    const list = raw[key];
    if (!Array.isArray(list)) {
      ctx.problems.push({ field: label, message: `container column "${key}" must be an array of fields` });
      continue;
    }
    columns.push({ key, fields: parseFieldList(list, ctx, depth, `${label}.fields.${key}`) });
  }
  columns.sort((a, b) => Number(a.key) - Number(b.key));
  const wanted = typeof numberOfColumns === 'number' && Number.isInteger(numberOfColumns) ? Math.min(numberOfColumns, MAX_CONTAINER_COLUMNS) : 0;
  for (let n = 1; n <= wanted; n++) if (!columns.some((c) => c.key === String(n))) columns.push({ key: String(n), fields: [] });
  columns.sort((a, b) => Number(a.key) - Number(b.key));
  return columns;
}

function parseOptions(raw: unknown, label: string, problems: FormProblem[], what: string): FormOption[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) {
    problems.push({ field: label, message: `${what} must be an array of {id, name}` });
    return null;
  }
  if (raw.length > MAX_OPTIONS) {
    problems.push({ field: label, message: `${what}: at most ${MAX_OPTIONS} options` });
    return null;
  }
  const out: FormOption[] = [];
  const seen = new Set<string>();
  raw.forEach((o, i) => {
    const id = isRecord(o) ? (idText(o['id']) ?? idText(o['name'])) : idText(o);
    const name = isRecord(o) ? (idText(o['name']) ?? id) : id;
    if (!id || !name) {
      problems.push({ field: label, message: `${what}[${i}] needs an id or a name` });
      return;
    }
    if (seen.has(id)) problems.push({ field: label, message: `${what}[${i}]: duplicate option id ${id}` });
    seen.add(id);
    out.push({ id, name });
  });
  return out;
}

function limitValue(raw: Record<string, unknown>, name: string): unknown {
  const top = raw[name];
  if (top !== undefined && top !== null && top !== '') return top;
  const params = raw['params'];
  if (isRecord(params)) {
    const v = params[name];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return null;
}

function parseLimits(raw: Record<string, unknown>, type: FieldType | null, label: string, problems: FormProblem[]): FieldLimits {
  if (raw['params'] !== undefined && raw['params'] !== null && !isRecord(raw['params'])) problems.push({ field: label, message: 'params must be an object' });
  const count = (name: string): number | null => {
    const v = limitValue(raw, name);
    if (v === null) return null;
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1_000_000) {
      problems.push({ field: label, message: `${name} must be a whole number from 0 to 1000000` });
      return null;
    }
    return n;
  };
  const minLength = count('minLength');
  const maxLength = count('maxLength');
  if (minLength !== null && maxLength !== null && minLength > maxLength) problems.push({ field: label, message: 'minLength must not exceed maxLength' });

  const bound = (name: string): number | string | null => {
    const v = limitValue(raw, name);
    if (v === null) return null;
    if (type === 'date') {
      const iso = typeof v === 'string' ? parseIsoDate(v) : null;
      if (!iso) problems.push({ field: label, message: `${name} must be a date (YYYY-MM-DD)` });
      return iso;
    }
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      problems.push({ field: label, message: `${name} must be a number` });
      return null;
    }
    return n;
  };
  const minValue = bound('minValue');
  const maxValue = bound('maxValue');
  if (minValue !== null && maxValue !== null && minValue > maxValue) problems.push({ field: label, message: 'minValue must not exceed maxValue' });

  let regexPattern: string | null = null;
  const pattern = limitValue(raw, 'regexPattern');
  if (pattern !== null) {
    if (typeof pattern !== 'string') problems.push({ field: label, message: 'regexPattern must be a string' });
    else {
      const problem = patternProblem(pattern);
      if (problem) problems.push({ field: label, message: `regexPattern ${problem}` });
      else regexPattern = pattern;
    }
  }
  let dateDisplayFormat: string | null = null;
  const format = limitValue(raw, 'dateDisplayFormat');
  if (format !== null) {
    const problem = typeof format === 'string' ? displayFormatProblem(format) : 'dateDisplayFormat must be a string';
    if (problem) problems.push({ field: label, message: problem });
    else dateDisplayFormat = format as string;
  }
  const flag = (name: string): boolean => {
    const v = limitValue(raw, name);
    if (v !== null && typeof v !== 'boolean') problems.push({ field: label, message: `${name} must be true or false` });
    return v === true;
  };
  return { minLength, maxLength, minValue, maxValue, regexPattern, dateDisplayFormat, enableFractions: flag('enableFractions'), multiple: flag('multiple') };
}

function parseColumnDefinitions(raw: unknown, label: string, problems: FormProblem[]): ColumnDefinition[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ field: label, message: 'a dynamic table needs columnDefinitions (at least one column)' });
    return null;
  }
  if (raw.length > MAX_TABLE_COLUMNS) {
    problems.push({ field: label, message: `a dynamic table has at most ${MAX_TABLE_COLUMNS} columns` });
    return null;
  }
  const out: ColumnDefinition[] = [];
  const seen = new Set<string>();
  raw.forEach((c, i) => {
    const where = `columnDefinitions[${i}]`;
    if (!isRecord(c)) {
      problems.push({ field: label, message: `${where} must be an object` });
      return;
    }
    const id = idText(c['id']);
    if (!id || !FIELD_ID_PATTERN.test(id)) {
      problems.push({ field: label, message: `${where} needs an id of A-Z, a-z, 0-9, _, . and -` });
      return;
    }
    if (seen.has(id)) problems.push({ field: label, message: `${where}: duplicate column id ${id}` });
    seen.add(id);
    const type = c['type'] ?? 'String';
    if (typeof type !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(type)) {
      problems.push({ field: label, message: `column ${id}: unknown type ${JSON.stringify(type)} (one of ${COLUMN_TYPES.join(', ')})` });
      return;
    }
    let options: FormOption[] | null = null;
    if (type === 'Dropdown') {
      options = parseOptions(c['options'], label, problems, `column ${id} options`);
      if ((options === null || options.length === 0) && !nonEmpty(c['restUrl'])) problems.push({ field: label, message: `column ${id}: a Dropdown column needs options (or a restUrl)` });
    }
    if (c['required'] !== undefined && c['required'] !== null && typeof c['required'] !== 'boolean') problems.push({ field: label, message: `column ${id}: required must be true or false` });
    out.push({ id, name: typeof c['name'] === 'string' ? c['name'] : null, type: type as ColumnType, required: c['required'] === true, options, raw: c });
  });
  return out;
}

function parseOutcomes(raw: unknown, problems: FormProblem[]): FormOutcome[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: 'outcomes', message: 'must be an array of {id, name}' });
    return [];
  }
  if (raw.length > MAX_OUTCOMES) {
    problems.push({ field: 'outcomes', message: `a form has at most ${MAX_OUTCOMES} outcomes` });
    return [];
  }
  const out: FormOutcome[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  raw.forEach((o, i) => {
    const name = isRecord(o) ? nonEmpty(o['name']) : null;
    if (!name) {
      problems.push({ field: `outcomes[${i}]`, message: 'an outcome needs a name' });
      return;
    }
    if (name.length > 255) problems.push({ field: `outcomes[${i}]`, message: 'an outcome name has at most 255 characters' });
    const id = idText((o as Record<string, unknown>)['id']) ?? name;
    if (names.has(name)) problems.push({ field: `outcomes[${i}]`, message: `duplicate outcome name ${name}` });
    if (ids.has(id)) problems.push({ field: `outcomes[${i}]`, message: `duplicate outcome id ${id}` });
    names.add(name);
    ids.add(id);
    out.push({ id, name });
  });
  return out;
}
