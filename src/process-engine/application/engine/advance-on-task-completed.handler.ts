import { Injectable } from '@nestjs/common';
import type { TaskCompletedPayload } from '../../../../libs/contracts/index.js';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { InstanceRepository } from '../../infrastructure/instance.repository.js';
import { isRejected, rejectionError, RunEngine } from './run-engine.js';

/**
 * Task completed → the instance advances to its next wait states, in the completing transaction
 * (design.md §2): completion and advancement commit together or not at all. CompleteTask already
 * holds the instance lock; taking it again here is free and keeps the handler safe on its own.
 */
@Injectable()
export class AdvanceOnTaskCompleted {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly engine: RunEngine,
  ) {}

  @OnDomainEvent('process-engine.task.completed')
  async advance(event: DomainEvent<'process-engine.task.completed', TaskCompletedPayload>): Promise<void> {
    const { instanceId, executionId } = event.payload;
    if (!instanceId || !executionId) return; // a standalone task: nothing to advance
    const instance = await this.instances.lock(instanceId);
    if (!instance) throw EngineErrors.instanceNotFound(instanceId);
    if (instance.state !== 'running') throw EngineErrors.instanceNotRunning(instanceId, instance.state);
    const outcome = await this.engine.advance(instance, { type: 'complete', executionId }, event.payload.completedBy);
    if (isRejected(outcome)) throw rejectionError(instanceId, outcome.rejected);
  }
}
