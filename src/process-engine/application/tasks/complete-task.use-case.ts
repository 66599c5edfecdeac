import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { decideCompletion } from '../../domain/task/complete-rules.js';
import { toTypedValue, type TypedValue } from '../../domain/variables/typed-value.js';
import { InstanceRepository } from '../../infrastructure/instance.repository.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { EngineAccess } from '../access/engine-access.js';

export interface CompleteTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
  /** Form outcome (forms issue); stored on the event. */
  readonly outcome?: string | null;
  /** Variables set on completion (instance scope unless `scope: 'local'`). */
  readonly variables?: ReadonlyArray<{ readonly name: string; readonly type?: string; readonly value: unknown; readonly scope?: 'local' | 'global' }>;
}

interface TaskRow {
  readonly id: string;
  readonly tenantId: string;
  readonly instanceId: string | null;
  readonly executionId: string | null;
  readonly taskDefinitionKey: string | null;
  readonly name: string | null;
  readonly formKey: string | null;
  readonly assigneeId: string | null;
  readonly ownerId: string | null;
  readonly delegationState: 'pending' | 'resolved' | null;
  readonly endedAt: Date | null;
  readonly version: number;
  readonly candidateUserIds: string[];
  readonly candidateGroupIds: string[];
}

const TASK_SQL = `SELECT t.id::text AS id, t.tenant_id::text AS "tenantId", t.instance_id::text AS "instanceId", t.execution_id::text AS "executionId",
        t.task_definition_key AS "taskDefinitionKey", t.name, t.form_key AS "formKey", t.assignee_id::text AS "assigneeId",
        t.owner_id::text AS "ownerId", t.delegation_state AS "delegationState", t.ended_at AS "endedAt", t.version,
        coalesce((SELECT array_agg(l.user_id::text) FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.user_id IS NOT NULL), '{}') AS "candidateUserIds",
        coalesce((SELECT array_agg(l.group_id::text) FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.group_id IS NOT NULL), '{}') AS "candidateGroupIds"
   FROM process_engine.tasks t WHERE t.id = $1`;

/**
 * Completes a task (assignee, owner, or a candidate who may act on it; admins): bumps its version
 * with `WHERE version = $seen` (a lost race is 409), ends it, and publishes
 * `process-engine.task.completed`; the engine's handler advances the instance in this transaction.
 *
 * Locks the instance row first (a standalone task: the task row), then re-reads the task under
 * the lock: of two concurrent completions the second sees the task ended (409 ENGINE.TASK_ENDED);
 * the versioned update (409 ENGINE.TASK_CHANGED) catches writers that do not take the lock.
 * A candidate (or an admin, or the owner) completing an unassigned task becomes its assignee.
 */
@Injectable()
export class CompleteTask {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly instances: InstanceRepository,
    private readonly variables: VariableStore,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: CompleteTaskInput): Promise<void> {
    const { actor, taskId } = input;
    const viewer = await this.access.requireTask(actor, taskId);
    // Typed before anything is written: a wrong type is a 400 that changes nothing.
    const typed = (input.variables ?? []).map((v) => ({ scope: v.scope ?? 'global', name: v.name, ...toTypedValue(v.name, v.type, v.value) }));

    const instance = await this.instances.lockOfTask(taskId);
    const task = await this.readTask(taskId, instance === null);
    if (!task) throw EngineErrors.taskNotFound(taskId);
    if (task.endedAt) throw EngineErrors.taskEnded(taskId);
    if (instance && instance.state !== 'running') throw EngineErrors.instanceNotRunning(instance.id, instance.state);

    const decision = decideCompletion(task, viewer);
    if (!decision.allowed) throw decision.reason === 'delegated' ? EngineErrors.taskDelegated(taskId) : EngineErrors.mayNotComplete(taskId);

    const local = typed.filter((v) => v.scope === 'local' || task.instanceId === null);
    const global = typed.filter((v) => v.scope !== 'local' && task.instanceId !== null);
    const strip = (v: (typeof typed)[number]): { name: string } & TypedValue => ({ name: v.name, type: v.type, value: v.value });
    if (local.length > 0) {
      await this.variables.set({ kind: 'task', tenantId: task.tenantId, taskId, instanceId: task.instanceId }, local.map(strip), actor.userId);
    }
    if (global.length > 0) {
      await this.variables.set({ kind: 'instance', tenantId: task.tenantId, instanceId: task.instanceId! }, global.map(strip), actor.userId);
    }

    // The versioned update and its audit entry in one statement: no row updated, no entry.
    const details = {
      taskName: task.name,
      taskDefinitionKey: task.taskDefinitionKey,
      formKey: task.formKey,
      outcome: input.outcome ?? null,
      completedAs: decision.as,
      claimed: decision.claims,
      variables: typed.map((v) => ({ name: v.name, type: v.type, value: v.value, scope: v.scope })),
    };
    const updated = await this.uow.query<{ id: string }>(
      `WITH done AS (
         UPDATE process_engine.tasks
            SET ended_at = now(), completed_by = $3, end_reason = 'completed', version = version + 1,
                assignee_id = CASE WHEN $4::boolean THEN $3 ELSE assignee_id END,
                claimed_at = CASE WHEN $4::boolean THEN now() ELSE claimed_at END
          WHERE id = $1 AND version = $2 AND ended_at IS NULL
         RETURNING id, tenant_id, instance_id),
       audit AS (
         INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
         SELECT d.tenant_id, d.instance_id, d.id, 'task-completed', $3, $5::jsonb FROM done d)
       SELECT id::text AS id FROM done`,
      [taskId, task.version, actor.userId, decision.claims, JSON.stringify(details)],
    );
    if (updated.length === 0) throw EngineErrors.taskChanged(taskId);

    await this.bus.publish(
      'process-engine.task.completed',
      {
        taskId,
        instanceId: task.instanceId,
        executionId: task.executionId,
        taskDefinitionKey: task.taskDefinitionKey,
        completedBy: actor.userId,
        outcome: input.outcome ?? null,
      },
      task.tenantId,
    );
  }

  private async readTask(taskId: string, lock: boolean): Promise<TaskRow | null> {
    const rows = await this.uow.query<TaskRow>(lock ? `${TASK_SQL} FOR UPDATE OF t` : TASK_SQL, [taskId]);
    return rows[0] ?? null;
  }
}
