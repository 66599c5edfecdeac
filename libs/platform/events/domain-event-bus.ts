import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEventMap, DomainEventType } from '../../contracts/index.js';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { PLATFORM_OPTIONS, type ResolvedPlatformOptions } from '../platform.options.js';
import { UnitOfWork } from '../transaction/unit-of-work.js';
import { DomainEventHandlers } from './domain-event-handlers.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';

export class PublishOutsideTransactionError extends Error {
  constructor(type: string) {
    super(
      `DomainEventBus.publish('${type}') was called outside a unit of work: publish from a @Transactional() ` +
        `use case (or inside UnitOfWork.run) so that the event commits or rolls back with the change it reports`,
    );
    this.name = 'PublishOutsideTransactionError';
  }
}

export class EventCascadeTooDeepError extends Error {
  constructor(type: string, maxDepth: number) {
    super(
      `Publishing '${type}' would nest in-transaction handlers deeper than ${maxDepth} levels: ` +
        `handlers are most likely publishing each other's events in a loop`,
    );
    this.name = 'EventCascadeTooDeepError';
  }
}

export class InTransactionHandlerFailedError extends Error {
  constructor(handler: string, type: string, cause: unknown) {
    super(`In-transaction handler ${handler} failed on '${type}': the transaction can only roll back`, { cause });
    this.name = 'InTransactionHandlerFailedError';
  }
}

interface CascadeFrame {
  readonly manager: EntityManager;
  readonly depth: number;
}

/**
 * The domain-event bus (design.md §2).
 *
 * Tier 1: `publish` awaits the in-transaction handlers of the type, one after another, inside the
 * caller's transaction; an error propagates, so the whole use case rolls back. Handlers may
 * publish in turn (a cascade), bounded by `maxEventCascadeDepth`.
 *
 * Tier 2: in the same transaction `publish` writes one outbox row per after-commit handler of the
 * type (see the migration for why that shape); OutboxDispatcher delivers them after the commit.
 * After-commit handlers receive the payload as it went through JSON (jsonb), so payloads are
 * plain data, as the contracts declare them.
 */
@Injectable()
export class DomainEventBus {
  /** Cascade depth, scoped to the transaction it was counted in (a new transaction starts at 0). */
  private readonly cascade = new AsyncLocalStorage<CascadeFrame>();
  /** Transactions that already asked the dispatcher to wake after their commit. */
  private readonly wakeRequested = new WeakSet<EntityManager>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly handlers: DomainEventHandlers,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(PLATFORM_OPTIONS) private readonly options: ResolvedPlatformOptions,
  ) {}

  /** Publishes an event inside the current unit of work (must be called inside a transaction). */
  async publish<K extends DomainEventType>(
    type: K,
    payload: DomainEventMap[K],
    tenantId: string,
  ): Promise<DomainEvent<K, DomainEventMap[K]>> {
    if (!this.uow.inTransaction) throw new PublishOutsideTransactionError(type);
    const manager = this.uow.platformManager;
    const outer = this.cascade.getStore();
    const depth = outer !== undefined && outer.manager === manager ? outer.depth + 1 : 0;
    if (depth > this.options.maxEventCascadeDepth) throw new EventCascadeTooDeepError(type, this.options.maxEventCascadeDepth);

    const event: DomainEvent<K, DomainEventMap[K]> = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      tenantId,
      payload,
    };

    // The outbox rows go in first, so that outbox order follows causality in a cascade.
    const afterCommit = this.handlers.afterCommitFor(type);
    if (afterCommit.length > 0) {
      await manager.query(
        `INSERT INTO platform.outbox (event_id, event_type, tenant_id, occurred_at, payload, handler)
         SELECT $1, $2, $3, $4, $5::jsonb, handler FROM unnest($6::text[]) AS handler`,
        [event.id, type, tenantId, event.occurredAt, JSON.stringify(payload), afterCommit.map((h) => h.name)],
      );
      if (!this.wakeRequested.has(manager)) {
        this.wakeRequested.add(manager);
        this.uow.afterCommit(() => this.dispatcher.wake());
      }
    }

    for (const handler of this.handlers.inTransactionFor(type)) {
      try {
        await this.cascade.run({ manager, depth }, () => handler.invoke(event));
      } catch (error) {
        // Rollback-only: should a caller catch the error and carry on, the commit must still fail,
        // or the use case would commit without the work its handler was meant to do.
        this.uow.beforeCommit(async () => {
          throw new InTransactionHandlerFailedError(handler.name, type, error);
        });
        throw error;
      }
    }
    return event;
  }
}
