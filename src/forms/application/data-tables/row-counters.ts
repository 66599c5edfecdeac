import { coerceValue, type Literal } from '../../domain/data-tables/data-table-values.js';
import type { DataTableField } from '../../domain/data-tables/data-table-rules.js';

/**
 * Auto-increment: a missing value becomes the largest value stored so far + 1; a value given
 * explicitly raises the counter when larger. Runs under the definition row's lock, so concurrent
 * inserts into one table never draw the same number.
 */
export function numberRow(fields: readonly DataTableField[], values: Map<string, Literal | null>, counters: Record<string, string>): Record<string, string> {
  const next = { ...counters };
  for (const field of fields) {
    if (!field.autoIncrement) continue;
    const current = BigInt(next[field.name] ?? '0');
    const given = values.get(field.name);
    if (given === undefined || given === null) {
      const literal = coerceValue(field, (current + 1n).toString())!;
      values.set(field.name, literal);
      next[field.name] = literal;
    } else if (BigInt(given) > current) {
      next[field.name] = BigInt(given).toString();
    }
  }
  return next;
}
