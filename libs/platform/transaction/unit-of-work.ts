import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';

type AfterCommit = () => Promise<void> | void;

interface TransactionState {
  readonly manager: EntityManager;
  readonly beforeCommit: Array<() => Promise<void>>;
  readonly afterCommit: AfterCommit[];
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
  private readonly commitListeners: Array<() => void> = [];

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

  /** The transaction's EntityManager when one is open, else the pool's. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  /**
   * Parameterised SQL in the current transaction (or on the pool), as a prepared statement: the
   * hot paths (authentication, lists) run the same few statements thousands of times a second.
   */
  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return preparedQuery<T>(this.manager, sql, params);
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const afterCommit: AfterCommit[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const state: TransactionState = { manager, beforeCommit: [], afterCommit };
      return this.storage.run(state, async () => {
        const value = await work();
        // Hooks may register further hooks (a handler publishing an event): drain until quiet.
        while (state.beforeCommit.length > 0) {
          const hook = state.beforeCommit.shift()!;
          await hook();
        }
        return value;
      });
    });
    for (const listener of this.commitListeners) listener();
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
    this.commitListeners.push(listener);
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
