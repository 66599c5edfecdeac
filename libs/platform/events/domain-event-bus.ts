import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DomainEventMap, DomainEventType } from '../../contracts/index.js';
import type { DomainEvent } from '../../kernel/domain-event.js';

/**
 * STUB — the full bus (in-transaction handlers, transactional outbox, after-commit dispatcher)
 * replaces this file. The public API below is the contract the contexts code against.
 */
@Injectable()
export class DomainEventBus {
  /** Publishes an event inside the current unit of work (must be called inside a transaction). */
  async publish<K extends DomainEventType>(type: K, payload: DomainEventMap[K], tenantId: string): Promise<DomainEvent<K, DomainEventMap[K]>> {
    return { id: randomUUID(), type, occurredAt: new Date().toISOString(), tenantId, payload };
  }
}
