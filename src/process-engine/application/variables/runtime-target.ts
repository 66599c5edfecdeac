import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import type { VariableScope } from '../../infrastructure/variable.store.js';
import { EngineAccess, type Viewer } from '../access/engine-access.js';

/** A process instance or a task whose variables, identity links or comments a request reads or writes. */
export type RuntimeTarget = { readonly kind: 'instance'; readonly instanceId: string } | { readonly kind: 'task'; readonly taskId: string };

export interface ResolvedTarget {
  readonly viewer: Viewer;
  readonly tenantId: string;
  /** The instance, or the task's instance (null for a standalone task). */
  readonly instanceId: string | null;
  /** The task, when the target is one. */
  readonly taskId: string | null;
}

/** The variable scope of a resolved target: the instance's own variables, or the task's local ones. */
export function ownScope(t: ResolvedTarget): VariableScope {
  return t.taskId === null
    ? { kind: 'instance', tenantId: t.tenantId, instanceId: t.instanceId! }
    : { kind: 'task', tenantId: t.tenantId, taskId: t.taskId, instanceId: t.instanceId };
}

/** The instance variables seen from a target (a task's global scope); null for a standalone task. */
export function instanceScope(t: ResolvedTarget): VariableScope | null {
  return t.instanceId === null ? null : { kind: 'instance', tenantId: t.tenantId, instanceId: t.instanceId };
}

/**
 * Access and state checks shared by the variables, identity-link and comment use cases. Reads need
 * visibility (EngineAccess: 404 unknown or other tenant, 403 not involved). Writes also lock the
 * instance row first and then the task row (the engine's lock order, so a write and a completion
 * serialize) and refuse, with 409, an instance that is not running (suspended, completed or
 * deleted: Activiti refuses changes to suspended executions too) and a task that has ended.
 */
@Injectable()
export class RuntimeTargets {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
  ) {}

  async readable(actor: Principal, target: RuntimeTarget): Promise<ResolvedTarget> {
    if (target.kind === 'instance') {
      const viewer = await this.access.requireInstance(actor, target.instanceId);
      return { viewer, tenantId: viewer.tenantId, instanceId: target.instanceId, taskId: null };
    }
    const viewer = await this.access.requireTask(actor, target.taskId);
    const [task] = await this.uow.query<{ instanceId: string | null }>(
      `SELECT instance_id::text AS "instanceId" FROM process_engine.tasks WHERE id = $1 AND tenant_id = $2`,
      [target.taskId, viewer.tenantId],
    );
    return { viewer, tenantId: viewer.tenantId, instanceId: task!.instanceId, taskId: target.taskId };
  }

  async writable(actor: Principal, target: RuntimeTarget): Promise<ResolvedTarget> {
    const resolved = await this.readable(actor, target);
    if (resolved.instanceId !== null) {
      const [instance] = await this.uow.query<{ state: string }>(
        `SELECT state FROM process_engine.process_instances WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [resolved.instanceId, resolved.tenantId],
      );
      if (instance!.state !== 'running') throw EngineErrors.instanceNotRunning(resolved.instanceId, instance!.state);
    }
    if (resolved.taskId !== null) {
      const [task] = await this.uow.query<{ ended: boolean }>(
        `SELECT ended_at IS NOT NULL AS ended FROM process_engine.tasks WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [resolved.taskId, resolved.tenantId],
      );
      if (task!.ended) throw EngineErrors.taskEnded(resolved.taskId);
    }
    return resolved;
  }
}
