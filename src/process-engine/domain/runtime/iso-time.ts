/** ISO 8601 date-times and durations for due dates, without the clock (pure). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !Number.isNaN(new Date(text).getTime());
}

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

/** `now` plus an ISO duration, in UTC calendar arithmetic; null when `duration` is not one. */
export function addIsoDuration(now: string, duration: string): string | null {
  const m = DURATION.exec(duration);
  const base = new Date(now);
  if (!m || Number.isNaN(base.getTime())) return null;
  const [, y, mo, w, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const t = new Date(base.getTime());
  t.setUTCFullYear(t.getUTCFullYear() + y!, t.getUTCMonth() + mo!, t.getUTCDate() + 7 * w! + d!);
  return new Date(t.getTime() + ((h! * 60 + mi!) * 60 + s!) * 1000).toISOString();
}

/** A date-time or a duration (relative to `now`) as an ISO instant; null when it is neither. */
export function resolveDueDate(value: string, now: string): string | null {
  const text = value.trim();
  if (isIsoDuration(text)) return addIsoDuration(now, text);
  if (isIsoDateTime(text)) return new Date(text).toISOString();
  return null;
}
