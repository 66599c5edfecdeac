import { type DataTableField, type FieldType, INTEGER_TYPES } from './data-table-rules.js';
import { DataTableErrors } from './data-table.errors.js';

/**
 * Values are stored typed in a jsonb document: numbers as JSON numbers (exact: the JSON text is
 * written here, never through a JavaScript double for BIGINT or DECIMAL), BOOLEAN as 1/0, text,
 * dates and times as strings in the documented formats. A `Literal` is the JSON text of one value;
 * `null` is SQL/JSON null.
 */
export type Literal = string;

const INTEGER_RANGE: Record<string, readonly [bigint, bigint]> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32_768n, 32_767n],
  INTEGER: [-2_147_483_648n, 2_147_483_647n],
  BIGINT: [-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n],
};
const FLOAT_MAX: Partial<Record<FieldType, number>> = { FLOAT: 3.402823466e38, DOUBLE: Number.MAX_VALUE, REAL: Number.MAX_VALUE };
const DECIMAL_DIGITS = 63;
const LONGVARCHAR_MAX = 16_777_215;
const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

function show(raw: unknown): string {
  const text = typeof raw === 'string' ? `'${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}'` : JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function wrongType(field: DataTableField, raw: unknown, expected: string): Error {
  return DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${show(raw)} is not a valid ${field.type} (${expected})`, raw);
}

/** The value of `field` as its JSON literal, or null; refuses what the field's type and size do not allow. */
export function coerceValue(field: DataTableField, raw: unknown): Literal | null {
  if (raw === null) {
    if (!field.nullable) throw DataTableErrors.invalidValue(field.name, `Field ${field.name} cannot be NULL`, raw);
    return null;
  }
  if (INTEGER_TYPES.has(field.type)) return integerLiteral(field, raw);
  switch (field.type) {
    case 'BOOLEAN':
      if (raw === true || raw === 1 || raw === '1' || raw === 'true') return '1';
      if (raw === false || raw === 0 || raw === '0' || raw === 'false') return '0';
      throw wrongType(field, raw, '1 or 0');
    case 'DOUBLE':
    case 'REAL':
    case 'FLOAT':
      return floatLiteral(field, raw);
    case 'DECIMAL':
      return decimalLiteral(field, raw);
    case 'CHAR':
    case 'VARCHAR':
    case 'LONGVARCHAR':
      return textLiteral(field, raw);
    case 'DATE':
      return dateLiteral(field, raw);
    case 'DATETIME':
    case 'TIMESTAMP':
      return dateTimeLiteral(field, raw);
    case 'TIME':
      return timeLiteral(field, raw);
    default:
      throw wrongType(field, raw, 'unsupported type');
  }
}

function integerLiteral(field: DataTableField, raw: unknown): Literal {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw wrongType(field, raw, Number.isInteger(raw) ? 'send integers beyond 2^53 as strings' : 'an integer');
    text = String(raw);
  } else if (typeof raw === 'string' && /^[+-]?\d{1,25}$/.test(raw)) {
    text = raw;
  } else {
    throw wrongType(field, raw, 'an integer');
  }
  const value = BigInt(text);
  const [min, max] = INTEGER_RANGE[field.type]!;
  if (value < min || value > max) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${text} is out of the ${field.type} range ${min}..${max}`, raw);
  checkDigits(field, (value < 0n ? -value : value).toString());
  return value.toString();
}

function checkDigits(field: DataTableField, integerDigits: string): void {
  const digits = integerDigits.replace(/^0+/, '').length;
  if (field.size !== null && digits > field.size) {
    throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: the value has ${digits} digits before the decimal point, more than its size ${field.size}`, integerDigits);
  }
}

function floatLiteral(field: DataTableField, raw: unknown): Literal {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && NUMBER_TEXT.test(raw) && /\d/.test(raw)) value = Number(raw);
  else throw wrongType(field, raw, 'a number');
  if (!Number.isFinite(value) || Math.abs(value) > FLOAT_MAX[field.type]!) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${show(raw)} is out of the ${field.type} range`, raw);
  checkDigits(field, BigInt(Math.trunc(Math.abs(value))).toString());
  return Object.is(value, -0) ? '0' : String(value);
}

/** Exactly two decimals, rounded half away from zero, computed on the decimal text (no binary rounding). */
function decimalLiteral(field: DataTableField, raw: unknown): Literal {
  let text: string;
  if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === 'string') text = raw;
  else throw wrongType(field, raw, 'a decimal number');
  const m = NUMBER_TEXT.exec(text);
  if (!m || !/\d/.test(text)) throw wrongType(field, raw, 'a decimal number');
  const [, sign, intPart = '', fracPart = '', exp = '0'] = m;
  const all = intPart + fracPart;
  const zeros = /^0*/.exec(all)![0].length;
  const digits = all.slice(zeros);
  const point = intPart.length + Number(exp) - zeros;
  if (digits.length > 0 && point > DECIMAL_DIGITS) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${show(raw)} is out of the DECIMAL range`, raw);
  let whole: string;
  let fraction: string;
  if (digits.length === 0 || point < -3) {
    whole = '0';
    fraction = '';
  } else if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  let scaled = BigInt((whole || '0') + `${fraction}00`.slice(0, 2));
  if ((fraction[2] ?? '0') >= '5') scaled += 1n;
  const padded = scaled.toString().padStart(3, '0');
  const integerDigits = padded.slice(0, -2);
  if (integerDigits.replace(/^0+/, '').length > DECIMAL_DIGITS) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${show(raw)} is out of the DECIMAL range`, raw);
  checkDigits(field, integerDigits);
  return `${sign === '-' && scaled !== 0n ? '-' : ''}${integerDigits}.${padded.slice(-2)}`;
}

function textLiteral(field: DataTableField, raw: unknown): Literal {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else throw wrongType(field, raw, 'a string');
  // PostgreSQL's jsonb holds neither NUL characters nor unpaired surrogates.
  if (text.includes('\u0000') || /[\uD800-\uDFFF]/u.test(text)) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: the text contains a NUL character or invalid UTF-16`, raw);
  const max = field.type === 'LONGVARCHAR' ? LONGVARCHAR_MAX : field.size!;
  const length = [...text].length;
  if (length > max) throw DataTableErrors.invalidValue(field.name, `Field ${field.name}: ${length} characters, more than its size ${max}`, raw);
  return JSON.stringify(text);
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dateLiteral(field: DataTableField, raw: unknown): Literal {
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw wrongType(field, raw, "'YYYY-MM-DD' from 1000-01-01 to 9999-12-31");
  return JSON.stringify(raw);
}

function validTime(h: string, mi: string, s: string): boolean {
  return Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59;
}

function dateTimeLiteral(field: DataTableField, raw: unknown): Literal {
  const m = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw) : null;
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3])) || !validTime(m[4]!, m[5]!, m[6]!)) {
    throw wrongType(field, raw, "'YYYY-MM-DD HH:MM:SS'");
  }
  return JSON.stringify(raw);
}

function timeLiteral(field: DataTableField, raw: unknown): Literal {
  const m = typeof raw === 'string' ? /^(\d{2}):(\d{2}):(\d{2})$/.exec(raw) : null;
  if (!m || !validTime(m[1]!, m[2]!, m[3]!)) throw wrongType(field, raw, "'HH:MM:SS'");
  return JSON.stringify(raw);
}

/** A row document: `{"NAME": literal, ...}` in field order, every field present (null when empty). */
export function rowDocument(fields: readonly DataTableField[], values: ReadonlyMap<string, Literal | null>): string {
  return `{${fields.map((f) => `${JSON.stringify(f.name)}:${values.get(f.name) ?? 'null'}`).join(',')}}`;
}

/** Part of a row document: only the given fields. */
export function partialDocument(values: ReadonlyMap<string, Literal | null>): string {
  return `{${[...values].map(([name, literal]) => `${JSON.stringify(name)}:${literal ?? 'null'}`).join(',')}}`;
}

/** The canonical text of a row's primary key: the JSON array of its key values in field order. */
export function keyText(keyFields: readonly DataTableField[], values: ReadonlyMap<string, Literal | null>): string {
  return `[${keyFields.map((f) => values.get(f.name) ?? 'null').join(',')}]`;
}

/** `ID=12, CODE="A"`: how errors name a key. */
export function describeKey(keyFields: readonly DataTableField[], values: ReadonlyMap<string, Literal | null>): string {
  return keyFields.map((f) => `${f.name}=${values.get(f.name) ?? 'null'}`).join(', ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Body members matched to fields by name, case-insensitively; unknown or repeated names are refused. */
function matchFields(fields: readonly DataTableField[], body: unknown): Map<DataTableField, unknown> {
  if (!isObject(body)) throw DataTableErrors.invalidValue('body', 'The body must be a JSON object of field names and values', body);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out = new Map<DataTableField, unknown>();
  for (const [name, value] of Object.entries(body)) {
    const field = byName.get(name.toUpperCase());
    if (!field) throw DataTableErrors.unknownField(name);
    if (out.has(field)) throw DataTableErrors.invalidValue(name, `The field ${field.name} is given twice`, name);
    out.set(field, value);
  }
  return out;
}

/**
 * The values of a new row. A missing or null auto-increment field is left out (the caller numbers
 * it); any other missing field is null, refused when the field does not allow NULL.
 */
export function parseNewRow(fields: readonly DataTableField[], body: unknown): Map<string, Literal | null> {
  const given = matchFields(fields, body);
  const values = new Map<string, Literal | null>();
  for (const field of fields) {
    const raw = given.get(field);
    if ((raw === undefined || raw === null) && field.autoIncrement) continue;
    if (raw === undefined && !field.nullable) throw DataTableErrors.invalidValue(field.name, `Field ${field.name} is required`, null);
    values.set(field.name, coerceValue(field, raw === undefined ? null : raw));
  }
  return values;
}

/** A row update: every key field (it names the row) and the fields to change. */
export function parseRowUpdate(fields: readonly DataTableField[], body: unknown): { key: Map<string, Literal | null>; changes: Map<string, Literal | null> } {
  const keyFields = fields.filter((f) => f.key);
  if (keyFields.length === 0) throw DataTableErrors.noKey();
  const given = matchFields(fields, body);
  const key = new Map<string, Literal | null>();
  const changes = new Map<string, Literal | null>();
  for (const field of keyFields) {
    const raw = given.get(field);
    if (raw === undefined || raw === null) throw DataTableErrors.invalidValue(field.name, `The primary-key field ${field.name} is missing: it names the row to update`, null);
    key.set(field.name, coerceValue(field, raw));
  }
  for (const [field, raw] of given) if (!field.key) changes.set(field.name, coerceValue(field, raw));
  return { key, changes };
}

/** A key from path segments `{key1}/{value1}/…`: exactly the table's key fields, each once. */
export function parseKeyPairs(fields: readonly DataTableField[], pairs: ReadonlyArray<readonly [string, string]>): Map<string, Literal | null> {
  const keyFields = fields.filter((f) => f.key);
  if (keyFields.length === 0) throw DataTableErrors.noKey();
  const key = new Map<string, Literal | null>();
  for (const [name, value] of pairs) {
    const field = fields.find((f) => f.name === name.toUpperCase());
    if (!field) throw DataTableErrors.unknownField(name);
    if (!field.key) throw DataTableErrors.invalidValue(name, `The field ${field.name} is not a primary-key field (keys: ${keyFields.map((f) => f.name).join(', ')})`, name);
    if (key.has(field.name)) throw DataTableErrors.invalidValue(name, `The key field ${field.name} is given twice`, name);
    key.set(field.name, coerceValue(field, value));
  }
  const missing = keyFields.filter((f) => !key.has(f.name));
  if (missing.length > 0) {
    throw DataTableErrors.invalidValue(missing[0]!.name, `The primary-key value of ${missing.map((f) => f.name).join(', ')} is missing (keys: ${keyFields.map((f) => f.name).join(', ')})`, null);
  }
  return key;
}

/**
 * `q={"where":{"name":"Felix"}}` → the containment document `{"NAME":"Felix"}`, each value coerced to
 * its field's type so that `data @> $1` compares like with like. Only equality on known fields.
 */
export function parseFilter(fields: readonly DataTableField[], q: string | undefined): string | null {
  if (q === undefined || q === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(q);
  } catch {
    throw DataTableErrors.invalidFilter(`q is not valid JSON: expected {"where": {"FIELD": value, ...}}`, q);
  }
  if (!isObject(parsed)) throw DataTableErrors.invalidFilter('q must be a JSON object {"where": {...}}', q);
  for (const k of Object.keys(parsed)) if (k !== 'where') throw DataTableErrors.invalidFilter(`q: only the filter type "where" is supported, not "${k}"`, q);
  const where = parsed.where;
  if (where === undefined) return null;
  if (!isObject(where)) throw DataTableErrors.invalidFilter('q: "where" must be an object of field names and values', q);
  const values = new Map<string, Literal | null>();
  for (const [name, raw] of Object.entries(where)) {
    const field = fields.find((f) => f.name === name.toUpperCase());
    if (!field) throw DataTableErrors.unknownField(name);
    if (values.has(field.name)) throw DataTableErrors.invalidFilter(`q: the field ${field.name} is given twice`, q);
    if (raw !== null && typeof raw === 'object') throw DataTableErrors.invalidFilter(`q: the value of ${field.name} must be a single value (only equality is supported)`, q);
    values.set(field.name, raw === null ? null : coerceValue({ ...field, nullable: true }, raw));
  }
  return values.size === 0 ? null : partialDocument(values);
}

/** A stored row (values as text, as PostgreSQL prints them) → the wire row: lower-case names, strings. */
export function rowAsStrings(fields: readonly DataTableField[], texts: Readonly<Record<string, string | null>>): Record<string, string | null> {
  const row: Record<string, string | null> = {};
  for (const field of fields) row[field.name.toLowerCase()] = texts[field.name] ?? null;
  return row;
}
