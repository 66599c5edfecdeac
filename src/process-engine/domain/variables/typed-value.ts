import { DomainError } from '../../../../libs/kernel/domain-error.js';

/** The variable types of the aps API (design.md §8 "Variables"); `null` only for a null value without a type. */
export const VARIABLE_TYPES = ['string', 'integer', 'long', 'double', 'boolean', 'date', 'json'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number] | 'null';

export interface TypedValue {
  readonly type: VariableType;
  /** What is stored (jsonb) and returned: a date is an ISO 8601 string in UTC. */
  readonly value: unknown;
}

const INT32 = { min: -2147483648, max: 2147483647 };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function wrongType(name: string, type: string, value: unknown): DomainError {
  return DomainError.validation('ENGINE.VARIABLE_TYPE', `Variable '${name}': value ${JSON.stringify(value)?.slice(0, 80)} is not a valid ${type}`, {
    field: name,
    value,
  });
}

/**
 * Checks a value against its declared type and returns what to store. Without a type the JSON
 * value decides (string, boolean, integer when whole and 32-bit, long when whole, double, json for
 * objects and arrays). Integral strings are accepted for numeric types ("42"), "true"/"false" for
 * booleans, ISO 8601 dates for dates — what Activiti's REST converters accept.
 */
export function toTypedValue(name: string, declared: string | undefined | null, value: unknown): TypedValue {
  if (!name || name.length > 255) throw DomainError.validation('ENGINE.VARIABLE_NAME', 'Variable name must be 1 to 255 characters', { field: 'name', value: name });
  const type = declared ?? undefined;
  if (type !== undefined && !(VARIABLE_TYPES as readonly string[]).includes(type)) {
    throw DomainError.validation('ENGINE.VARIABLE_TYPE', `Variable '${name}': unknown type '${type}' (one of ${VARIABLE_TYPES.join(', ')})`, {
      field: `${name}.type`,
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
      return { type, value: n };
    }
    case 'double': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw wrongType(name, type, value);
      return { type, value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { type, value };
      if (value === 'true' || value === 'false') return { type, value: value === 'true' };
      throw wrongType(name, type, value);
    }
    case 'date': {
      if (typeof value !== 'string' || !ISO_DATE.test(value)) throw wrongType(name, type, value);
      const t = Date.parse(value);
      if (Number.isNaN(t)) throw wrongType(name, type, value);
      return { type, value: new Date(t).toISOString() };
    }
    case 'json':
      return { type, value };
  }
  throw wrongType(name, String(type), value);
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
