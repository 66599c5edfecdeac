import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEventType } from '../../contracts/index.js';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { PLATFORM_OPTIONS, type ResolvedPlatformOptions } from '../platform.options.js';
import { UnitOfWork } from '../transaction/unit-of-work.js';
import { DomainEventHandlers } from './domain-event-handlers.js';
import {
  addOutboxBacklogProbe,
  outboxDead,
  outboxDelivered,
  outboxDuplicatesSkipped,
  outboxFailed,
  type OutboxBacklog,
} from './outbox.metrics.js';

interface ClaimedRow {
  readonly id: string;
  readonly event_id: string;
  readonly event_type: DomainEventType;
  readonly tenant_id: string;
  readonly occurred_at: Date;
  readonly payload: unknown;
  readonly handler: string;
  /** Counting the attempt this claim starts. */
  readonly attempts: number;
}

/** The claim was taken over by another node after the lease ran out: its result must not count. */
class LeaseLostError extends Error {}

/**
 * TypeORM's postgres driver answers UPDATE and DELETE with `[rows, rowCount]` and anything else with
 * the rows alone; the statements here need the rows either way.
 */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/**
 * Delivers outbox rows to after-commit handlers, at least once (design.md §2, tier 2).
 *
 * Claiming is a lease, not a held row lock: one statement picks due rows with
 * `FOR UPDATE SKIP LOCKED` (so concurrent dispatchers on any number of nodes never pick the same
 * row), stamps them with `locked_until` and a claim token, counts the attempt, and commits at once.
 * No transaction stays open across a batch, and a row claimed by a process that died is due again
 * when its lease runs out. Each row is then handled in its own unit of work that
 *   1. inserts (handler, event_id) into platform.processed_events — an event already processed by
 *      that handler is skipped, and a second delivery running concurrently waits on that key until
 *      the first commits or rolls back;
 *   2. runs the handler, whose writes join the same transaction;
 *   3. marks the row delivered, only if this dispatcher's claim still holds.
 * So the handler's writes, the processed mark and the delivered status commit together. A failure
 * rolls all three back and schedules a retry with exponential backoff; after the last attempt the
 * row stays as `dead` with its last_error, for an operator to see (and re-queue by setting status).
 *
 * Wake-ups: every `outboxPollMs`, and right after a commit that wrote outbox rows.
 * Shutdown: onModuleDestroy stops claiming and waits for the batch in hand.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxDispatcher');
  /**
   * Drains start in the context the provider was built in, not in that of whichever request's
   * commit woke them: no request-scoped async state (a transaction above all) may leak into them.
   */
  private readonly rootContext = AsyncLocalStorage.snapshot();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private wokenWhileBusy = false;
  private removeProbe: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly handlers: DomainEventHandlers,
    @Inject(PLATFORM_OPTIONS) private readonly options: ResolvedPlatformOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.removeProbe = addOutboxBacklogProbe(() => this.backlog());
    if (!this.options.dispatchOutbox) return;
    this.running = true;
    // At once rather than after a poll interval: a restarted node first delivers what was left behind.
    this.drainNow();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight;
    this.removeProbe?.();
  }

  /** Asks for a drain now (after a commit that wrote outbox rows); cheap and safe to call often. */
  wake(): void {
    if (!this.running) return;
    if (this.inFlight) {
      // Rows committed after the running batch's claim would otherwise wait a whole poll interval.
      this.wokenWhileBusy = true;
      return;
    }
    this.drainNow();
  }

  async backlog(): Promise<OutboxBacklog> {
    const rows = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'dead')::int AS dead
         FROM platform.outbox WHERE status <> 'delivered'`,
    )) as Array<{ pending: number; dead: number }>;
    return { pending: rows[0]?.pending ?? 0, dead: rows[0]?.dead ?? 0 };
  }

  private drainNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wokenWhileBusy = false;
    this.inFlight = this.rootContext(() => this.drain())
      .catch((error: unknown) => {
        // A database outage must not stop the loop: the next poll tries again.
        this.logger.error(`Outbox drain failed: ${describeError(error)}`);
      })
      .finally(() => {
        this.inFlight = undefined;
        if (!this.running) return;
        if (this.wokenWhileBusy) {
          this.drainNow();
          return;
        }
        this.timer = setTimeout(() => this.drainNow(), this.options.outboxPollMs);
        this.timer.unref();
      });
  }

  private async drain(): Promise<void> {
    const names = this.handlers.afterCommitNames();
    if (names.length === 0) return;
    while (this.running) {
      const token = randomUUID();
      const rows = await this.claim(names, token);
      // Claimed rows are handled even when a stop was requested meanwhile: left alone they would
      // wait for their lease to run out.
      for (const row of rows) await this.deliver(row, token);
      if (rows.length < this.options.outboxBatchSize) return;
    }
  }

  /**
   * Only rows of handlers this node knows: during a rolling deploy, a row for a handler that only
   * the newer version has waits for a node that can run it instead of failing on this one.
   */
  private async claim(names: readonly string[], token: string): Promise<ClaimedRow[]> {
    const result: unknown = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM platform.outbox
          WHERE status = 'pending'
            AND next_attempt_at <= now()
            AND (locked_until IS NULL OR locked_until <= now())
            AND handler = ANY($1::text[])
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE platform.outbox o
          SET attempts = o.attempts + 1,
              locked_until = now() + make_interval(secs => $3::double precision / 1000),
              claim_token = $4
         FROM due
        WHERE o.id = due.id
       RETURNING o.id, o.event_id, o.event_type, o.tenant_id, o.occurred_at, o.payload, o.handler, o.attempts`,
      [names, this.options.outboxBatchSize, this.options.outboxLeaseMs, token],
    );
    return rowsOf<ClaimedRow>(result).sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  }

  private async deliver(row: ClaimedRow, token: string): Promise<void> {
    if (row.attempts > this.options.outboxMaxAttempts) {
      // Its last attempt was claimed by a process that died (or overran the lease) mid-delivery.
      await this.settleFailure(row, token, 'the lease of the last attempt expired before it finished (did the process die?)');
      return;
    }
    const handler = this.handlers.afterCommitNamed(row.handler);
    if (!handler) {
      // Cannot happen (claims filter on known names); kept so one odd row never stops the batch.
      await this.settleFailure(row, token, `no after-commit handler named ${row.handler} on this node`);
      return;
    }
    const event: DomainEvent = {
      id: row.event_id,
      type: row.event_type,
      occurredAt: row.occurred_at.toISOString(),
      tenantId: row.tenant_id,
      payload: row.payload,
    };
    try {
      const firstTime = await this.uow.run(async () => {
        const tx = this.uow.platformManager;
        const marked = rowsOf<unknown>(
          await tx.query(
            `INSERT INTO platform.processed_events (handler, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [row.handler, row.event_id],
          ),
        );
        if (marked.length === 1) await handler.invoke(event);
        const delivered = rowsOf<unknown>(
          await tx.query(
            `UPDATE platform.outbox
                SET status = 'delivered', delivered_at = now(), locked_until = NULL, last_error = NULL
              WHERE id = $1 AND claim_token = $2
             RETURNING 1`,
            [row.id, token],
          ),
        );
        if (delivered.length !== 1) throw new LeaseLostError();
        return marked.length === 1;
      });
      outboxDelivered.inc({ handler: row.handler });
      if (!firstTime) outboxDuplicatesSkipped.inc({ handler: row.handler });
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger.warn(`Outbox row ${row.id} (${row.handler}) outlived its lease; the node that reclaimed it delivers it`);
        return;
      }
      outboxFailed.inc({ handler: row.handler });
      this.logger.warn(`After-commit handler ${row.handler} failed on event ${row.event_id} (attempt ${row.attempts}): ${describeError(error)}`);
      await this.settleFailure(row, token, describeError(error));
    }
  }

  /** Schedules the next attempt with exponential backoff, or leaves the row dead after the last. */
  private async settleFailure(row: ClaimedRow, token: string, lastError: string): Promise<void> {
    const dead = row.attempts >= this.options.outboxMaxAttempts;
    const delayMs = Math.min(this.options.outboxRetryBaseMs * 2 ** Math.max(0, row.attempts - 1), this.options.outboxRetryMaxMs);
    const updated = rowsOf<unknown>(
      await this.dataSource.query(
        `UPDATE platform.outbox
            SET status = $3, last_error = $4, locked_until = NULL, claim_token = NULL,
                next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
          WHERE id = $1 AND claim_token = $2
         RETURNING 1`,
        [row.id, token, dead ? 'dead' : 'pending', lastError, delayMs],
      ),
    );
    if (dead && updated.length === 1) {
      outboxDead.inc({ handler: row.handler });
      this.logger.error(`Outbox row ${row.id} (${row.handler}, event ${row.event_id}) is dead after ${row.attempts} attempts`);
    }
  }
}
