import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { InstanceRepository } from '../../infrastructure/instance.repository.js';
import { isRejected, RunEngine } from './run-engine.js';

type ContinuationDue = DomainEvent<'process-engine.continuation.due', { readonly instanceId: string; readonly executionId: string }>;

/**
 * Async continuations (`activiti:async`): the step that reached the node committed; after the
 * commit this runs the waiting token on in a transaction of its own. Delivered at least once, so
 * it is idempotent: an instance that ended, was suspended or deleted, or whose token no longer
 * waits there (already continued) is left alone. A failure rolls back and the outbox retries.
 */
@Injectable()
export class ContinueInstance {
  private readonly logger = new Logger('ProcessEngine');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly instances: InstanceRepository,
    private readonly engine: RunEngine,
  ) {}

  @OnDomainEvent('process-engine.continuation.due', { phase: 'after-commit' })
  async continue(event: ContinuationDue): Promise<void> {
    const { instanceId, executionId } = event.payload;
    await this.uow.run(async () => {
      const instance = await this.instances.lock(instanceId);
      if (!instance || instance.state !== 'running') return;
      const outcome = await this.engine.advance(instance, { type: 'continue', executionId }, null);
      if (isRejected(outcome)) this.logger.debug(`Continuation of ${instanceId}/${executionId} skipped: ${outcome.rejected.message}`);
    });
  }
}
