/**
 * Questetra clients send parameters the servlet way: in the query string or as an
 * application/x-www-form-urlencoded body, every value a string. These helpers are pure so that
 * the rules (which source wins, what counts as a number) are unit-tested without HTTP.
 */

export type ParamBag = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * One bag of parameters from the query string and the body (form-encoded or JSON object).
 * A name present in both takes the query-string value, as a servlet's getParameter() does.
 * A body that is not an object (a JSON array, a bare string) contributes nothing: the parameter
 * validation then names whatever is missing.
 */
export function mergeParams(query: unknown, body: unknown): ParamBag {
  const merged: ParamBag = {};
  for (const source of [body, query]) {
    if (!isPlainObject(source)) continue;
    for (const [name, value] of Object.entries(source)) {
      // Own data properties only: a parameter named __proto__ must not reach the prototype.
      Object.defineProperty(merged, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}

/** A blank parameter (`limit=`) counts as not given, as HTML forms send empty fields. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

const DIGITS = /^\d{1,15}$/;

/**
 * True when the value is an integer in [min, max]: a string of decimal digits (what query strings
 * and forms carry) or a JSON number. Signs, spaces, decimals and exponents are refused. Blank
 * values pass here; `integerParam` gives them the default.
 */
export function isIntegerParam(value: unknown, min: number, max: number): boolean {
  if (isBlank(value)) return true;
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && DIGITS.test(value)) n = Number(value);
  else return false;
  return Number.isSafeInteger(n) && n >= min && n <= max;
}

/** The integer of a parameter that `isIntegerParam` accepted, or the default when blank. */
export function integerParam(value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  return typeof value === 'number' ? value : Number(value);
}

/** An optional text parameter: blank means not given. */
export function textParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
