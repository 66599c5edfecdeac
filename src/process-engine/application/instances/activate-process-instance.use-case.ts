import { Injectable } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { writeAuditEntry } from '../../infrastructure/audit-trail.js';
import { lockInstance, requireStarterOrAdmin } from './instance-lifecycle.js';

export interface ActivateProcessInstanceInput {
  readonly actor: Principal;
  readonly instanceId: string;
}

/** Activates a suspended instance. Already running: 409; ended: 409. Audit entry `process-activated`. */
@Injectable()
export class ActivateProcessInstance {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
  ) {}

  @Transactional()
  async execute(input: ActivateProcessInstanceInput): Promise<void> {
    const { actor, instanceId } = input;
    const viewer = await this.access.requireInstance(actor, instanceId);
    const instance = await lockInstance(this.uow, actor.tenantId, instanceId);
    requireStarterOrAdmin(viewer, actor, instance, 'activate');
    if (instance.state === 'running') throw EngineErrors.instanceAlreadyInState(instanceId, 'running');
    if (instance.state !== 'suspended') throw EngineErrors.instanceNotRunning(instanceId, instance.state);
    await this.uow.query(
      `UPDATE process_engine.process_instances SET state = 'running', version = version + 1 WHERE id = $1 AND tenant_id = $2`,
      [instanceId, actor.tenantId],
    );
    await writeAuditEntry(this.uow, { tenantId: actor.tenantId, instanceId, type: 'process-activated', userId: actor.userId });
  }
}
