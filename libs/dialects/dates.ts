/** Alfresco writes `2015-01-08T13:22:36.198+0000`. */
export function apsDate(value: Date | null | undefined): string | null {
  if (!value) return null;
  return value.toISOString().replace('Z', '+0000');
}

/** ProcessMaker 3 writes `2015-03-19 07:55:48` (UTC here), and "" where there is no date. */
export function pm3DateTime(value: Date | null | undefined): string {
  if (!value) return '';
  return value.toISOString().slice(0, 19).replace('T', ' ');
}

/** ProcessMaker 4 writes ISO 8601 with milliseconds and Z. */
export function pm4Date(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
