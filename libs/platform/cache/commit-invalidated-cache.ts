import { LRUCache } from 'lru-cache';
import type { DatabaseNotifications } from '../database/database-notifications.js';
import type { UnitOfWork } from '../transaction/unit-of-work.js';

/**
 * An in-memory cache of rows that any transaction may change, kept exact without a query per read:
 * it is emptied by every commit on this node that wrote to one of `schemas` (before the use case
 * returns: read-your-writes on this node) and by a NOTIFY on `channel` that database triggers send
 * at the commit of any writer (other nodes; writes the unit of work could not classify). It serves nothing while
 * the LISTEN connection is down, nor inside a transaction that has written to one of `schemas` (it
 * must see its own writes; a transaction that has not has none there to see, and is served like any
 * reader), and a load that raced with an emptying is not stored (generation check). `schemas` may
 * name qualified tables (`schema.table`) when only writes to those tables change the cached rows.
 */
export class CommitInvalidatedCache<K extends string, V extends object> {
  private readonly entries: LRUCache<K, V>;
  private generation = 0;
  private readonly schemas: readonly string[];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: DatabaseNotifications,
    private readonly channel: string,
    options: { readonly max: number; readonly ttlMs: number; readonly schemas: readonly string[] },
  ) {
    this.entries = new LRUCache<K, V>({ max: options.max, ttl: options.ttlMs });
    this.schemas = options.schemas;
    uow.onCommitTouching(options.schemas, () => this.clear());
  }

  /** Call once at module init: starts listening on the channel. */
  async listen(): Promise<void> {
    await this.notifications.listen(this.channel, { onNotify: () => this.clear(), onReset: () => this.clear() });
  }

  /** Empties the cache once the current transaction commits (at once outside one): for writes `schemas` does not name. */
  clearOnCommit(): void {
    this.uow.afterCommit(() => this.clear());
  }

  clear(): void {
    this.generation++;
    // LRUCache.clear() walks the whole capacity (it refills arrays of `max` slots), and this runs on
    // every commit of the node: with few entries (the usual case) deleting them one by one is O(size).
    const size = this.entries.size;
    if (size === 0) return;
    if (size <= 1024) for (const key of [...this.entries.keys()]) this.entries.delete(key);
    else this.entries.clear();
  }

  /** A cached value, or undefined when absent or when the cache may not serve now. */
  get(key: K): V | undefined {
    return this.usable ? this.entries.get(key) : undefined;
  }

  /** Taken before a load: the load's result may be stored only if nothing emptied the cache meanwhile. */
  begin(): { readonly generation: number; readonly usable: boolean } {
    return { generation: this.generation, usable: this.usable };
  }

  setIfCurrent(ticket: { readonly generation: number; readonly usable: boolean }, key: K, value: V): void {
    if (ticket.usable && ticket.generation === this.generation) this.entries.set(key, value);
  }

  private get usable(): boolean {
    return this.notifications.connected && !this.uow.hasTouched(this.schemas);
  }

  /**
   * The values of `keys`: cached ones from memory, the others from `load` (one call for all that
   * are missing). Keys that `load` leaves out are answered with `absent` and cached as such.
   */
  async getMany(keys: readonly K[], load: (missing: readonly K[]) => Promise<ReadonlyMap<K, V>>, absent: V): Promise<Map<K, V>> {
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of keys) {
      const hit = this.get(key);
      if (hit) found.set(key, hit);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const ticket = this.begin();
    const loaded = await load(missing);
    for (const key of missing) {
      const value = loaded.get(key) ?? absent;
      found.set(key, value);
      this.setIfCurrent(ticket, key, value);
    }
    return found;
  }
}
