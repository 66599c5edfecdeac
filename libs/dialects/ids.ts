import { DomainError } from '../kernel/domain-error.js';

const MAX_BIGINT = 9223372036854775807n;

/** Internal ids are bigint strings; each dialect writes them its own way. */
export function parseNumericId(raw: unknown, field: string): string {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text) || BigInt(text) > MAX_BIGINT || BigInt(text) === 0n) {
    throw DomainError.validation('REQUEST.MALFORMED_ID', `${field} must be a positive integer id`, { field, value: raw });
  }
  return BigInt(text).toString();
}

/** ProcessMaker 3 ids: the number zero-padded to 32 characters (`00000000000000000000000000000001`). */
export const pm3Id = {
  encode(id: string | number | bigint): string {
    return String(id).padStart(32, '0');
  },
  decode(raw: unknown, field: string): string {
    if (typeof raw !== 'string' || !/^\d{1,32}$/.test(raw)) {
      throw DomainError.validation('REQUEST.MALFORMED_ID', `${field} is not a valid id: "${String(raw)}"`, { field, value: raw });
    }
    const trimmed = raw.replace(/^0+/, '');
    return parseNumericId(trimmed === '' ? '0' : trimmed, field);
  },
};

/** A malformed id in a path names a resource that cannot exist: the caller answers not-found. */
export function tryParseNumericId(raw: unknown): string | undefined {
  try {
    return parseNumericId(raw, 'id');
  } catch {
    return undefined;
  }
}
