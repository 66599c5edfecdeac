import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';

type AfterCommit = () => Promise<void> | void;

/** The node-postgres client under a TypeORM query runner (what preparedQuery also talks to). */
interface PgClient {
  query(text: string): Promise<unknown>;
}

interface TransactionState {
  readonly manager: EntityManager;
  readonly client: PgClient;
  /** BEGIN, once sent (with the transaction's first statement, or when `manager` is handed out). */
  begun: Promise<unknown> | null;
  readonly beforeCommit: Array<() => Promise<void>>;
  readonly afterCommit: AfterCommit[];
  /**
   * Schemas and qualified tables (`schema.table`) this transaction wrote to, as far as `query` can
   * tell; `all` once `manager` was handed out.
   */
  touched: Set<string> | 'all';
  /** Statements so far that wrote (or may have written) anything; handing out `manager` counts as one. */
  writes: number;
  /** Values kept for this transaction only (see `transactionLocal`). */
  locals?: Map<symbol, unknown>;
}

interface CommitListener {
  /** Schemas or qualified tables (`schema.table`); null: every commit. */
  readonly schemas: ReadonlySet<string> | null;
  readonly listener: () => void;
}

/** Schema-qualified targets of INSERT / UPDATE / DELETE / TRUNCATE / MERGE in a statement: schema and table. */
const WRITE_TARGET =
  /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?|merge\s+into)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?\s*\.\s*"?([a-z_][a-z0-9_]*)"?/gi;
const WRITE_VERB = /\b(?:insert\s+into|delete\s+from|truncate|merge\s+into)\b|\bupdate\s+(?!set\b|of\b|skip\b|nowait\b)"?[a-z_]/i;

/**
 * What a statement writes to: each target's schema and its qualified table (`schema.table`), or
 * `all` when it writes somewhere it does not name a schema (or calls something that might).
 * Memoised: statements are static text with parameters.
 */
const classified = new Map<string, ReadonlySet<string> | 'all'>();
function writtenTargets(sql: string): ReadonlySet<string> | 'all' {
  const known = classified.get(sql);
  if (known) return known;
  const targets = new Set<string>();
  for (const m of sql.matchAll(WRITE_TARGET)) {
    const schema = m[1]!.toLowerCase();
    targets.add(schema);
    targets.add(`${schema}.${m[2]!.toLowerCase()}`);
  }
  // A write verb without a qualified target (an unqualified table): be conservative.
  const unqualified = targets.size === 0 && WRITE_VERB.test(sql);
  const result = unqualified ? 'all' : targets;
  if (classified.size < 10_000) classified.set(sql, result);
  return result;
}

/** The schemas a statement writes to, or `all` when it writes somewhere it does not name a schema. */
export function writtenSchemas(sql: string): ReadonlySet<string> | 'all' {
  const targets = writtenTargets(sql);
  return targets === 'all' ? 'all' : new Set([...targets].filter((t) => !t.includes('.')));
}

/** The qualified tables (`schema.table`) a statement writes to, or `all`. */
export function writtenTables(sql: string): ReadonlySet<string> | 'all' {
  const targets = writtenTargets(sql);
  return targets === 'all' ? 'all' : new Set([...targets].filter((t) => t.includes('.')));
}

/**
 * One use case = one PostgreSQL transaction, propagated with AsyncLocalStorage: a nested
 * `run` joins the transaction already open (REQUIRED propagation), so use cases compose.
 * Repositories read `manager` and so take part in whatever transaction is open.
 *
 * Hooks: `beforeCommit` work runs inside the transaction after the use case body (the event bus
 * uses it to make a transaction rollback-only when an in-transaction handler failed);
 * `afterCommit` callbacks run once the commit succeeded (waking the outbox dispatcher) and never
 * on rollback.
 */
@Injectable()
export class UnitOfWork implements OnModuleInit, OnApplicationShutdown {
  /**
   * `@Transactional()` cannot inject, so it uses the newest live instance. One application runs
   * per process in production; tests that run two apps in one process keep working after either
   * one closes, because instances leave the stack only when their own application shuts down.
   * That is after the HTTP server closed and its requests in flight finished (Nest runs
   * onModuleDestroy before it stops the server, so leaving there failed those requests with a 500).
   */
  private static readonly live: UnitOfWork[] = [];
  private readonly storage = new AsyncLocalStorage<TransactionState>();
  private readonly commitListeners: CommitListener[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    UnitOfWork.live.push(this);
  }

  onApplicationShutdown(): void {
    const index = UnitOfWork.live.indexOf(this);
    if (index >= 0) UnitOfWork.live.splice(index, 1);
  }

  static instance(): UnitOfWork {
    const newest = UnitOfWork.live[UnitOfWork.live.length - 1];
    if (!newest) throw new Error('UnitOfWork is not initialised (is PlatformModule imported?)');
    return newest;
  }

  /**
   * The transaction's EntityManager when one is open, else the pool's. What is done with it
   * directly cannot be seen, so the transaction then counts as having written everywhere.
   */
  get manager(): EntityManager {
    const state = this.storage.getStore();
    if (!state) return this.dataSource.manager;
    state.touched = 'all';
    state.writes++;
    this.begin(state);
    return state.manager;
  }

  /**
   * Parameterised SQL in the current transaction (or on the pool), as a prepared statement: the
   * hot paths (authentication, lists) run the same few statements thousands of times a second.
   */
  /**
   * The same EntityManager as `manager`, without counting the transaction as a write everywhere:
   * for identifying the transaction (a map key) and for platform plumbing that writes only to the
   * `platform` schema (the outbox), which no commit-invalidated cache reads.
   */
  get platformManager(): EntityManager {
    const state = this.storage.getStore();
    if (!state) return this.dataSource.manager;
    this.begin(state);
    return state.manager;
  }

  /** Sends BEGIN unless it was sent: it goes out ahead of whatever the caller sends next on the connection. */
  private begin(state: TransactionState): void {
    if (state.begun) return;
    state.begun = state.client.query('BEGIN');
    // Awaited before COMMIT; a failure must not surface as an unhandled rejection meanwhile.
    state.begun.catch(() => undefined);
  }

  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const state = this.storage.getStore();
    if (!state) return preparedQuery<T>(this.dataSource.manager, sql, params);
    const written = writtenTargets(sql);
    if (written === 'all' || written.size > 0) state.writes++;
    if (state.touched !== 'all') {
      if (written === 'all') state.touched = 'all';
      else for (const target of written) state.touched.add(target);
    }
    return preparedQuery<T>(state.manager, sql, params, state.begun ? undefined : () => this.begin(state));
  }

  /**
   * A value kept for the open transaction only, created on first use and gone with it (commit or
   * rollback); null outside a transaction. For what a transaction remembers of its own writes.
   */
  transactionLocal<T>(key: symbol, create: () => T): T | null {
    const state = this.storage.getStore();
    if (!state) return null;
    state.locals ??= new Map();
    if (!state.locals.has(key)) state.locals.set(key, create());
    return state.locals.get(key) as T;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * How many statements of the open transaction may have written so far (-1 outside one): what a
   * statement read is still what the transaction would read now as long as this has not moved
   * (nothing else of the transaction wrote since; other writers are kept out by row locks).
   */
  get writeSequence(): number {
    return this.storage.getStore()?.writes ?? -1;
  }

  /**
   * Whether the open transaction may have written to one of `targets` (schemas, or qualified tables
   * `schema.table`) so far; false outside a transaction. A cache of committed rows may serve a
   * transaction that has not: it has no writes of its own there to see.
   */
  hasTouched(targets: Iterable<string>): boolean {
    const state = this.storage.getStore();
    if (!state) return false;
    if (state.touched === 'all') return true;
    for (const target of targets) if (state.touched.has(target)) return true;
    return false;
  }

  /**
   * Runs `work` in a transaction on one pooled connection. BEGIN is not a round trip of its own:
   * it is written together with the transaction's first statement (the pool's connections run in
   * pipeline mode, see dataSourceOptions), so PostgreSQL answers both at once; a transaction that
   * sends nothing sends neither BEGIN nor COMMIT. TypeORM's query runner is marked as inside a
   * transaction meanwhile, so that what runs through `manager` nests (savepoints) instead of
   * opening and committing a transaction of its own.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const afterCommit: AfterCommit[] = [];
    let touched = new Set<string>() as TransactionState['touched'];
    const runner = this.dataSource.createQueryRunner();
    const flags = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    let result: T;
    try {
      const client = (await runner.connect()) as PgClient;
      flags.isTransactionActive = true;
      flags.transactionDepth = 1;
      const state: TransactionState = { manager: runner.manager, client, begun: null, beforeCommit: [], afterCommit, touched, writes: 0 };
      try {
        result = await this.storage.run(state, async () => {
          const value = await work();
          // Hooks may register further hooks (a handler publishing an event): drain until quiet.
          while (state.beforeCommit.length > 0) {
            const hook = state.beforeCommit.shift()!;
            await hook();
          }
          touched = state.touched;
          return value;
        });
        if (state.begun) {
          await state.begun;
          await client.query('COMMIT');
        }
      } catch (error) {
        if (state.begun) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      flags.isTransactionActive = false;
      flags.transactionDepth = 0;
      await runner.release();
    }
    for (const { schemas, listener } of this.commitListeners) {
      if (schemas === null || touched === 'all' || [...schemas].some((schema) => (touched as Set<string>).has(schema))) listener();
    }
    for (const callback of afterCommit) {
      try {
        await callback();
      } catch {
        // After-commit work is best effort by design: what must not be lost goes through the outbox.
      }
    }
    return result;
  }

  /**
   * Called synchronously after every commit of this node, before the use case returns: caches of
   * data that any transaction may have changed drop their entries here (see PrincipalLoader).
   */
  onEveryCommit(listener: () => void): void {
    this.commitListeners.push({ schemas: null, listener });
  }

  /**
   * Called synchronously after a commit of this node that wrote to one of `schemas` (or may have:
   * writes through `manager`, unqualified tables), before the use case returns. An entry may also
   * be a qualified table (`schema.table`): then only writes to that table count. Writes this cannot
   * see are still covered by the NOTIFY of the database triggers, a few milliseconds later.
   */
  onCommitTouching(schemas: readonly string[], listener: () => void): void {
    this.commitListeners.push({ schemas: new Set(schemas), listener });
  }

  /** Runs inside the current transaction, after the use case body and before COMMIT. */
  beforeCommit(hook: () => Promise<void>): void {
    const state = this.storage.getStore();
    if (!state) throw new Error('beforeCommit outside a transaction');
    state.beforeCommit.push(hook);
  }

  /** Runs after COMMIT; outside a transaction it runs at once. */
  afterCommit(callback: AfterCommit): void {
    const state = this.storage.getStore();
    if (!state) {
      void Promise.resolve().then(callback).catch(() => undefined);
      return;
    }
    state.afterCommit.push(callback);
  }
}

/** Marks an application-service method as one use case: it runs in (or joins) a transaction. */
export function Transactional(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = function transactional(this: unknown, ...args: unknown[]) {
      return UnitOfWork.instance().run(() => original.apply(this, args));
    };
    return descriptor;
  };
}
