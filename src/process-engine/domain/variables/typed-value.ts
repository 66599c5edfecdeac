import { DomainError } from '../../../../libs/kernel/domain-error.js';

/** The variable types of the aps API (design.md §8 "Variables"); `null` only for a null value without a type. */
export const VARIABLE_TYPES = ['string', 'integer', 'long', 'double', 'boolean', 'date', 'json'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number] | 'null';

export interface TypedValue {
  readonly type: VariableType;
  /** What is stored (jsonb) and returned: a date is an ISO 8601 string in UTC. */
  readonly value: unknown;
}

export interface NamedTypedValue extends TypedValue {
  readonly name: string;
}

const INT32 = { min: -2147483648, max: 2147483647 };
/** Date, optional time (minutes, seconds, fraction), optional offset (`Z`, `+01:00`, `+0100`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A decimal number as text: no hex, binary, `Infinity` or empty strings that Number() would accept. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
export const MAX_VARIABLE_NAME = 255;

function wrongType(name: string, type: string, value: unknown): DomainError {
  return DomainError.validation('ENGINE.VARIABLE_TYPE', `Variable '${name}': value ${JSON.stringify(value)?.slice(0, 80)} is not a valid ${type}`, {
    field: name,
    value,
  });
}

/**
 * A calendar-checked ISO 8601 date: `2026-02-30` and `T25:00` are refused (Date.parse would roll
 * the first over to March), and a time without an offset is UTC, not the server's local time.
 */
function isoDate(value: string): string | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const hasTime = value.includes('T');
  const t = Date.parse(hasTime && !offset ? `${value}Z` : value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * Checks a value against its declared type and returns what to store. Without a type the JSON
 * value decides (string, boolean, integer when whole and 32-bit, long when whole, double, json for
 * objects and arrays). Besides JSON values of the type, decimal strings are accepted for numeric
 * types ("42"), "true"/"false" for booleans (what form fields post), and ISO 8601 strings for dates.
 */
export function toTypedValue(name: string, declared: string | undefined | null, value: unknown): TypedValue {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_VARIABLE_NAME) {
    throw DomainError.validation('ENGINE.VARIABLE_NAME', `Variable name must be 1 to ${MAX_VARIABLE_NAME} characters`, { field: 'name', value: name });
  }
  const type = declared ?? undefined;
  if (type !== undefined && !(VARIABLE_TYPES as readonly string[]).includes(type)) {
    throw DomainError.validation('ENGINE.VARIABLE_TYPE', `Variable '${name}': unknown type '${String(type)}' (one of ${VARIABLE_TYPES.join(', ')})`, {
      field: name,
      value: type,
    });
  }
  if (value === null || value === undefined) return { type: (type as VariableType | undefined) ?? 'null', value: null };
  switch (type) {
    case undefined:
      return inferred(value);
    case 'string':
      if (typeof value !== 'string') throw wrongType(name, type, value);
      return { type, value };
    case 'integer':
    case 'long': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw wrongType(name, type, value);
      if (type === 'integer' && (n < INT32.min || n > INT32.max)) throw wrongType(name, type, value);
      return { type, value: n === 0 ? 0 : n };
    }
    case 'double': {
      const n = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw wrongType(name, type, value);
      return { type, value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { type, value };
      if (value === 'true' || value === 'false') return { type, value: value === 'true' };
      throw wrongType(name, type, value);
    }
    case 'date': {
      const iso = typeof value === 'string' ? isoDate(value.trim()) : null;
      if (iso === null) throw wrongType(name, type, value);
      return { type, value: iso };
    }
    case 'json':
      return { type, value };
  }
  throw wrongType(name, String(type), value);
}

/**
 * Types a whole request: every item is checked before anything is stored, so one bad item fails the
 * batch. A name given twice is ambiguous (which value wins?) and is refused too.
 */
export function toTypedValues(items: ReadonlyArray<{ readonly name: string; readonly type?: string | null; readonly value?: unknown }>): NamedTypedValue[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const typed = toTypedValue(item.name, item.type, item.value);
    if (seen.has(item.name)) {
      throw DomainError.validation('ENGINE.VARIABLE_DUPLICATE', `Variable '${item.name}' is given more than once`, { field: item.name, value: item.name });
    }
    seen.add(item.name);
    return { name: item.name, ...typed };
  });
}

function inferred(value: unknown): TypedValue {
  switch (typeof value) {
    case 'string':
      return { type: 'string', value };
    case 'boolean':
      return { type: 'boolean', value };
    case 'number':
      if (Number.isSafeInteger(value)) return { type: value >= INT32.min && value <= INT32.max ? 'integer' : 'long', value };
      return { type: 'double', value };
    default:
      return { type: 'json', value };
  }
}
