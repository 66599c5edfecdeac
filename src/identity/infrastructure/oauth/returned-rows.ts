import type { EntityManager } from 'typeorm';

/**
 * TypeORM's `manager.query` answers `[rows, rowCount]` for UPDATE and DELETE on PostgreSQL, and
 * the rows alone for SELECT and INSERT: this gives the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/**
 * Runs an `UPDATE … RETURNING` or `DELETE … RETURNING` and tells whether it reached exactly one
 * row: false when the row is missing, or when a guard in the WHERE clause (`used_at IS NULL`) shows
 * that a concurrent or repeated request got there first.
 */
export async function changedOneRow(manager: EntityManager, text: string, params: unknown[]): Promise<boolean> {
  return returnedRows(await manager.query(text, params)).length === 1;
}
