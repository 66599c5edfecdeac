import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { decideCompletion } from '../../domain/task/complete-rules.js';
import { toTypedValue, type TypedValue } from '../../domain/variables/typed-value.js';
import type { ExecutionState } from '../../domain/runtime/instance-state.js';
import { ExecutionRepository, INSTANCE_STATE_COLUMNS } from '../../infrastructure/execution.repository.js';
import { InstanceRepository, type LockedInstance } from '../../infrastructure/instance.repository.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { EngineAccess, taskVisibleSql } from '../access/engine-access.js';

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

const TASK_COLUMNS = `SELECT t.id::text AS id, t.tenant_id::text AS "tenantId", t.instance_id::text AS "instanceId", t.execution_id::text AS "executionId",
        t.task_definition_key AS "taskDefinitionKey", t.name, t.form_key AS "formKey", t.assignee_id::text AS "assigneeId",
        t.owner_id::text AS "ownerId", t.delegation_state AS "delegationState", t.ended_at AS "endedAt", t.version,
        coalesce((SELECT array_agg(l.user_id::text) FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.user_id IS NOT NULL), '{}') AS "candidateUserIds",
        coalesce((SELECT array_agg(l.group_id::text) FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.group_id IS NOT NULL), '{}') AS "candidateGroupIds"`;

/** What a completion read of its task, locked; see CompleteTask.lockForCompletion. */
export type LockedTaskRead = TaskRow & { instance: LockedInstance | null; visible: boolean };

const PRELOCKED = Symbol('process-engine.complete-task.prelocked');

/**
 * Completes a task (assignee, owner, or a candidate who may act on it; admins): bumps its version
 * with `WHERE version = $seen` (a lost race is 409), ends it, and publishes
 * `process-engine.task.completed`; the engine's handler advances the instance in this transaction.
 *
 * Locks the instance row first (a standalone task: the task row) and reads the task in the same
 * round trip; the versioned update is the check that counts: of two concurrent completions the
 * second finds the version moved and answers 409 ENGINE.TASK_ENDED (or ENGINE.TASK_CHANGED when the
 * task was changed, not ended), and nothing it did before stays (one transaction).
 * A candidate (or an admin, or the owner) completing an unassigned task becomes its assignee.
 */
@Injectable()
export class CompleteTask {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly instances: InstanceRepository,
    private readonly variables: VariableStore,
    private readonly executions: ExecutionRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: CompleteTaskInput): Promise<void> {
    const { actor, taskId } = input;
    // An admin sees every task of the tenant: their groups are read only when the decision needs them
    // (an unassigned task with candidate groups: completing as candidate or as admin). Others need
    // them for the visibility predicate, which runs in the locking statement.
    const admin = this.access.isAdmin(actor);
    const groupIds = admin ? null : await this.access.groupIdsOf(actor);

    // One round trip locks the instance, reads the task and checks it is visible; a standalone task
    // is then locked itself.
    const prelocked = this.takePrelocked(actor, taskId);
    const locked = prelocked ?? (await this.lockAndRead(taskId, actor, groupIds));
    // 404 unless the task exists in the caller's tenant, 403 unless the caller may see it (EngineAccess rules).
    if (!locked || locked.tenantId !== actor.tenantId) throw EngineErrors.taskNotFound(taskId);
    if (!locked.visible) throw EngineErrors.notInvolved('task', taskId);
    // Typed before anything is written: a wrong type is a 400 that changes nothing.
    const typed = (input.variables ?? []).map((v) => ({ scope: v.scope ?? 'global', name: v.name, ...toTypedValue(v.name, v.type, v.value) }));

    const instance = locked.instance ? this.instances.noteLocked(locked.instance) : null;
    const task = locked.instanceId === null && !prelocked ? await this.readLockedStandalone(taskId) : locked;
    if (!task) throw EngineErrors.taskNotFound(taskId);
    if (task.endedAt) throw EngineErrors.taskEnded(taskId);
    if (instance && instance.state !== 'running') {
      // The instance ended meanwhile (the task row read may predate the lock): most likely by this very task.
      throw (await this.endedNow(taskId)) ? EngineErrors.taskEnded(taskId) : EngineErrors.instanceNotRunning(instance.id, instance.state);
    }

    const groupsMatter = task.assigneeId === null && task.candidateGroupIds.length > 0;
    const viewer = {
      userId: actor.userId,
      admin,
      groupIds: groupIds ?? (groupsMatter ? await this.access.groupIdsOf(actor) : []),
    };
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

    // The versioned update and its audit entry in one statement: no row updated, no entry. It also
    // reads the instance's token tree and variables for the step that follows (the handler of
    // task.completed): it runs with the instance lock held, so it sees them as they are.
    const details = {
      taskName: task.name,
      taskDefinitionKey: task.taskDefinitionKey,
      formKey: task.formKey,
      outcome: input.outcome ?? null,
      completedAs: decision.as,
      claimed: decision.claims,
      variables: typed.map((v) => ({ name: v.name, type: v.type, value: v.value, scope: v.scope })),
    };
    const updated = await this.uow.query<{ id: string } & { executions: ExecutionState[] | null; variables: Record<string, unknown> | null }>(
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
       SELECT id::text AS id, ${INSTANCE_STATE_COLUMNS('$6::bigint', '$7::bigint')} FROM done`,
      [taskId, task.version, actor.userId, decision.claims, JSON.stringify(details), task.tenantId, task.instanceId],
    );
    if (updated.length === 0) {
      // The task row was read before the instance lock was granted: someone changed it meanwhile.
      throw (await this.endedNow(taskId)) ? EngineErrors.taskEnded(taskId) : EngineErrors.taskChanged(taskId);
    }
    if (task.instanceId !== null) this.executions.prime(task.instanceId, updated[0]!);

    await this.bus.publish(
      'process-engine.task.completed',
      {
        taskId,
        instanceId: task.instanceId,
        executionId: task.executionId,
        taskDefinitionKey: task.taskDefinitionKey,
        completedBy: actor.userId,
        outcome: input.outcome ?? null,
        formKey: task.formKey,
      },
      task.tenantId,
    );
  }

  /**
   * Locks the task's instance (`FOR UPDATE`, re-read fresh once granted) and reads the task in the
   * same statement. The task columns come from the statement's snapshot, taken before a lock wait:
   * they may be stale, which the versioned update turns into a 409 (every change of a task moves
   * its version), so no decision made on a stale row is ever written.
   */
  private async lockAndRead(
    taskId: string,
    actor: Principal,
    groupIds: readonly string[] | null,
  ): Promise<(TaskRow & { instance: LockedInstance | null; visible: boolean }) | null> {
    const visible = groupIds === null ? 'true' : taskVisibleSql('t', '$2::bigint', '$3::bigint[]');
    const rows = await this.uow.query<TaskRow & { instance: LockedInstance | null; visible: boolean }>(
      `WITH p AS (
         SELECT p.id, p.tenant_id, p.definition_id, p.state, p.version FROM process_engine.process_instances p
          WHERE p.id = (SELECT t0.instance_id FROM process_engine.tasks t0 WHERE t0.id = $1) FOR UPDATE)
       ${TASK_COLUMNS},
         (SELECT json_build_object('id', p.id::text, 'tenantId', p.tenant_id::text, 'definitionId', p.definition_id, 'state', p.state, 'version', p.version)
            FROM p) AS instance,
         ${visible} AS visible
         FROM process_engine.tasks t WHERE t.id = $1`,
      groupIds === null ? [taskId] : [taskId, actor.userId, groupIds],
    );
    return rows[0] ?? null;
  }

  /**
   * For CompleteTaskForm, which checks the task before it validates the form and then completes it
   * (through forms' event) in the same transaction: locks the task's instance, then the task — read
   * fresh once the instance lock is granted, with its candidates and whether the actor sees it.
   * The read then serves this transaction's completion of that task by that actor instead of a
   * second locking read, as long as the transaction has written nothing of the engine meanwhile
   * (the locks keep every other writer out). null: no such task in the actor's tenant.
   */
  async lockForCompletion(actor: Principal, taskId: string): Promise<LockedTaskRead | null> {
    const groupIds = this.access.isAdmin(actor) ? null : await this.access.groupIdsOf(actor);
    const [instance] = await this.uow.query<LockedInstance>(
      `SELECT p.id::text AS id, p.tenant_id::text AS "tenantId", p.definition_id AS "definitionId", p.state, p.version
         FROM process_engine.process_instances p
        WHERE p.id = (SELECT t.instance_id FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2) FOR UPDATE OF p`,
      [taskId, actor.tenantId],
    );
    const visible = groupIds === null ? 'true' : taskVisibleSql('t', '$3::bigint', '$4::bigint[]');
    const rows = await this.uow.query<TaskRow & { visible: boolean }>(
      `${TASK_COLUMNS}, ${visible} AS visible FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2 FOR UPDATE OF t`,
      groupIds === null ? [taskId, actor.tenantId] : [taskId, actor.tenantId, actor.userId, groupIds],
    );
    const row = rows[0];
    if (!row) return null;
    const read: LockedTaskRead = { ...row, instance: instance ? this.instances.noteLocked(instance) : null };
    if (!this.uow.hasTouched(['process_engine'])) {
      this.uow.transactionLocal(PRELOCKED, () => new Map<string, { userId: string; read: LockedTaskRead }>())?.set(taskId, { userId: actor.userId, read });
    }
    return read;
  }

  /** What lockForCompletion read of the task in this transaction, if it still holds (see there). */
  private takePrelocked(actor: Principal, taskId: string): LockedTaskRead | null {
    const held = this.uow.transactionLocal(PRELOCKED, () => new Map<string, { userId: string; read: LockedTaskRead }>());
    const entry = held?.get(taskId);
    if (!entry) return null;
    held!.delete(taskId);
    if (entry.userId !== actor.userId || this.uow.hasTouched(['process_engine'])) return null;
    return entry.read;
  }

  /** Whether the task has ended, as committed now (a fresh statement: after the lock wait). */
  private async endedNow(taskId: string): Promise<boolean> {
    const [row] = await this.uow.query<{ ended: boolean }>(`SELECT ended_at IS NOT NULL AS ended FROM process_engine.tasks WHERE id = $1`, [taskId]);
    return row?.ended ?? false;
  }

  private async readLockedStandalone(taskId: string): Promise<TaskRow | null> {
    const rows = await this.uow.query<TaskRow>(`${TASK_COLUMNS} FROM process_engine.tasks t WHERE t.id = $1 FOR UPDATE OF t`, [taskId]);
    return rows[0] ?? null;
  }
}
