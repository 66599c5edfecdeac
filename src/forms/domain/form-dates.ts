/**
 * Dates of form fields. A date arrives as ISO `YYYY-MM-DD`, as a full ISO date-time (with `Z` or an
 * offset; none = UTC), or in the field's `dateDisplayFormat` (tokens `D`, `DD`, `M`, `MM`, `YY`,
 * `YYYY` and the separators `-`, `/`, `.`, space). Every date is checked against the calendar and
 * stored as the engine's `date` value: an ISO instant in UTC (`2026-11-22T00:00:00.000Z`).
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function isoOf(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  return date.toISOString();
}

/** An ISO date or date-time → the UTC instant string; null when it is not one. */
export function parseIsoDate(value: string): string | null {
  const v = value.trim();
  const d = DATE_ONLY.exec(v);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    return validDay(y, m, day) ? isoOf(y, m, day) : null;
  }
  const t = DATE_TIME.exec(v);
  if (!t) return null;
  const [y, m, day, hh, mm, ss] = [Number(t[1]), Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
  if (!validDay(y, m, day) || hh > 23 || mm > 59 || ss > 59) return null;
  let ms = Date.UTC(y, m - 1, day, hh, mm, ss, t[7] ? Math.floor(Number(`0${t[7]}`) * 1000) : 0);
  const zone = t[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    ms -= sign * (oh * 60 + om) * 60_000;
  }
  const out = new Date(ms);
  return Number.isNaN(out.getTime()) ? null : out.toISOString();
}

const TOKEN = /YYYY|YY|DD|D|MM|M|[-/. ]/g;

/** null when the display format is usable, else why not. */
export function displayFormatProblem(format: string): string | null {
  if (format.length === 0 || format.length > 20) return 'dateDisplayFormat must have 1 to 20 characters';
  const tokens: string[] = format.match(TOKEN) ?? [];
  if (tokens.join('') !== format) return 'dateDisplayFormat may use only D, DD, M, MM, YY, YYYY and the separators - / . and space';
  const kinds = tokens.filter((t) => /[DMY]/.test(t)).map((t) => t[0]);
  if (kinds.length !== 3 || new Set(kinds).size !== 3) return 'dateDisplayFormat needs one day, one month and one year';
  return null;
}

/** A date written in a display format (checked with displayFormatProblem) → UTC instant string, or null. */
export function parseDisplayDate(value: string, format: string): string | null {
  const tokens: string[] = format.match(TOKEN) ?? [];
  let source = '^';
  const order: string[] = [];
  for (const t of tokens) {
    if (/^[-/. ]$/.test(t)) source += `\\${t}`;
    else {
      order.push(t[0]!);
      source += t === 'YYYY' ? '(\\d{4})' : t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    }
  }
  const m = new RegExp(`${source}$`).exec(value.trim());
  if (!m) return null;
  const parts: Record<string, number> = {};
  order.forEach((kind, i) => (parts[kind] = Number(m[i + 1])));
  let year = parts['Y']!;
  if (tokens.includes('YY')) year += 2000;
  return validDay(year, parts['M']!, parts['D']!) ? isoOf(year, parts['M']!, parts['D']!) : null;
}
