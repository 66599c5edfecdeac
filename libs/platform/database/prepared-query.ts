import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

interface PgClientLike {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

interface PgPoolLike extends PgClientLike {}

/**
 * Runs SQL as a named prepared statement on the connection at hand: the statement's name is a hash
 * of its text, so every distinct query is parsed and planned once per connection and then only
 * executed. On this workload planning dominated (1.7 ms to plan the principal query, 0.3 ms to run
 * it), and TypeORM's `query()` sends unnamed statements that are planned on every call.
 *
 * Inside a transaction the statement runs on the transaction's connection; outside, on the pool.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: readonly unknown[] = []): Promise<T[]> {
  const name = `m_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  const runner = manager.queryRunner;
  let target: PgClientLike;
  if (runner && !runner.isReleased) {
    target = (await runner.connect()) as PgClientLike;
  } else {
    target = (manager.connection.driver as unknown as { master: PgPoolLike }).master;
  }
  const result = await target.query({ name, text, values });
  return result.rows as T[];
}
