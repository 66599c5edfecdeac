import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from 'typeorm';

interface Result {
  readonly rows: unknown[];
}

/** A node-postgres client: given a Query, it answers nothing and calls the query's callback. */
interface PgClientLike {
  query(query: pg.Query): unknown;
  readonly connection?: { readonly stream?: { cork?(): void; uncork?(): void } };
}

/** A node-postgres pool: given a Query, it runs it on a client of its own and answers the result. */
interface PgPoolLike {
  query(query: pg.Query): Promise<Result>;
}

/**
 * The Query of a named statement, made from its text alone: node-postgres copies a config object
 * through its property descriptors on every call (`cloneQueryConfig`, 8.23), which cost ≈ 2% of
 * the server's CPU on the engine benchmark; a Query it is given is used as it is.
 */
function namedQuery(name: string, text: string, values: readonly unknown[]): pg.Query {
  const query = new pg.Query(text) as pg.Query & { name: string; values: readonly unknown[] };
  query.name = name;
  query.values = values;
  return query;
}

function onClient(client: PgClientLike, query: pg.Query): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    (query as unknown as { callback: (err: Error | null, result: Result) => void }).callback = (err, result) => (err ? reject(err) : resolve(result));
    client.query(query);
  }).catch((err: unknown) => {
    // As node-postgres does for its own promises: a stack that leads back to the caller, not to the socket read.
    if (err instanceof Error) Error.captureStackTrace(err);
    throw err;
  });
}

/** Statement names by text: statements are static text, so each is hashed once (bounded). */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `m_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * Runs SQL as a named prepared statement on the connection at hand: the statement's name is a hash
 * of its text, so every distinct query is parsed and planned once per connection and then only
 * executed. On this workload planning dominated (1.7 ms to plan the principal query, 0.3 ms to run
 * it), and TypeORM's `query()` sends unnamed statements that are planned on every call.
 *
 * Inside a transaction the statement runs on the transaction's connection; outside, on the pool.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  text: string,
  values: readonly unknown[] = [],
  /** Sent on the same connection just before the statement, in the same write (the transaction's BEGIN). */
  before?: () => void,
): Promise<T[]> {
  const query = namedQuery(statementName(text), text, values);
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) {
    return (await (manager.connection.driver as unknown as { master: PgPoolLike }).master.query(query)).rows as T[];
  }
  const target = (await runner.connect()) as PgClientLike;
  if (!before) return (await onClient(target, query)).rows as T[];
  // Corked, the two messages leave in one write; the client's pipeline mode sends the statement
  // without waiting for BEGIN's answer (without it, the client queues it: still correct).
  const stream = target.connection?.stream;
  stream?.cork?.();
  let pending: Promise<Result>;
  try {
    before();
    pending = onClient(target, query);
  } finally {
    stream?.uncork?.();
  }
  return (await pending).rows as T[];
}
