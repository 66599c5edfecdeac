import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { writeAuditEntry } from '../../infrastructure/audit-trail.js';
import { lockInstance, requireStarterOrAdmin } from './instance-lifecycle.js';

export interface DeleteProcessInstanceInput {
  readonly actor: Principal;
  readonly instanceId: string;
}

/**
 * Cancels a running or suspended instance and keeps its history: state `deleted`, `ended_at` and
 * `end_reason` set, open tasks ended with end_reason `deleted`, open activities closed, the token
 * tree removed, open incidents resolved, an audit entry `process-deleted` (details: reason) and
 * `process-engine.instance.ended` published. An instance that already ended (completed or deleted)
 * answers 409 and is left as it is: Meridian never hard-deletes history through this endpoint.
 */
@Injectable()
export class DeleteProcessInstance {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: DeleteProcessInstanceInput): Promise<void> {
    const { actor, instanceId } = input;
    const viewer = await this.access.requireInstance(actor, instanceId);
    const instance = await lockInstance(this.uow, actor.tenantId, instanceId);
    requireStarterOrAdmin(viewer, actor, instance, 'delete');
    if (instance.state === 'completed' || instance.state === 'deleted') throw EngineErrors.instanceNotRunning(instanceId, instance.state);
    const reason = `Cancelled by ${actor.username}`;
    await this.uow.query(
      `UPDATE process_engine.tasks SET ended_at = now(), end_reason = 'deleted', version = version + 1
        WHERE instance_id = $1 AND tenant_id = $2 AND ended_at IS NULL`,
      [instanceId, actor.tenantId],
    );
    await this.uow.query(`UPDATE process_engine.activity_history SET ended_at = now() WHERE instance_id = $1 AND ended_at IS NULL`, [instanceId]);
    await this.uow.query(`UPDATE process_engine.incidents SET resolved_at = now() WHERE instance_id = $1 AND resolved_at IS NULL`, [instanceId]);
    await this.uow.query(`DELETE FROM process_engine.executions WHERE instance_id = $1`, [instanceId]);
    await this.uow.query(
      `UPDATE process_engine.process_instances SET state = 'deleted', ended_at = now(), end_reason = $3, incidents = 0, version = version + 1
        WHERE id = $1 AND tenant_id = $2`,
      [instanceId, actor.tenantId, reason],
    );
    await writeAuditEntry(this.uow, { tenantId: actor.tenantId, instanceId, type: 'process-deleted', userId: actor.userId, details: { reason } });
    await this.bus.publish(
      'process-engine.instance.ended',
      { instanceId, definitionId: instance.definitionId, definitionKey: instance.definitionKey, state: 'deleted' },
      actor.tenantId,
    );
  }
}
