import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONTENT_STORE, type ContentStore } from '../domain/content-store.js';
import { CONTENT_KEY_PREFIX } from '../infrastructure/content-store.provider.js';
import { ContentRepository } from '../infrastructure/content.repository.js';

/** Objects younger than this are left alone: an upload in flight has written its bytes but not yet its row. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const FIRST_SWEEP_AFTER_MS = 30_000;
const BATCH = 500;

/**
 * Removes store objects under `content/` that no row names (as bytes or thumbnail) and that are
 * older than an hour: what a process that died between writing the bytes and inserting the row,
 * or a failed removal after a delete, left behind. Runs shortly after start and then hourly, on
 * every node (the work is idempotent). Other users of the store keep their objects outside
 * `content/`, which this never touches.
 */
@Injectable()
export class SweepOrphanContent implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Content');
  private firstRun: NodeJS.Timeout | undefined;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly items: ContentRepository,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      this.sweep().catch((error: unknown) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Orphan sweep failed'));
    };
    // Not at once: a start is busy enough, and a crash loop should not sweep on every restart.
    this.firstRun = setTimeout(tick, FIRST_SWEEP_AFTER_MS).unref();
    this.interval = setInterval(tick, SWEEP_EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.firstRun);
    clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** One pass; answers how many objects it removed. `now` and `minAgeMs` are for tests. */
  sweep(now: Date = new Date(), minAgeMs: number = ORPHAN_MIN_AGE_MS): Promise<number> {
    this.running ??= this.pass(now, minAgeMs).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(now: Date, minAgeMs: number): Promise<number> {
    const cutoff = now.getTime() - minAgeMs;
    let removed = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      const used = await this.items.keysInUse(batch);
      for (const key of batch) {
        if (used.has(key)) continue;
        await this.store.delete(key);
        removed += 1;
      }
      batch = [];
    };
    for await (const object of this.store.list(CONTENT_KEY_PREFIX)) {
      if (object.lastModified.getTime() > cutoff) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    if (removed > 0) this.logger.log(`Removed ${removed} orphan content object(s)`);
    return removed;
  }
}
