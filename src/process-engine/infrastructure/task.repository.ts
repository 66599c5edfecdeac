import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { writeAuditEntry } from './audit-trail.js';
import type { DelegationState, TaskChange, TaskFacts } from '../domain/task/task-actions.js';
import { EngineErrors } from '../domain/process-engine.errors.js';

/** A task row locked for a change, with what the action rules need. */
export interface LockedTask extends TaskFacts {
  readonly tenantId: string;
  readonly instanceId: string | null;
  readonly name: string | null;
  readonly version: number;
}

export interface TaskDetailsChange {
  readonly name?: string | null;
  readonly description?: string | null;
  readonly dueDate?: Date | null;
  readonly priority?: number;
  readonly formKey?: string | null;
  readonly category?: string | null;
}

export interface NewTask {
  readonly tenantId: string;
  readonly name: string;
  readonly description: string | null;
  readonly category: string | null;
  readonly formKey: string | null;
  readonly assigneeId: string | null;
  readonly ownerId: string | null;
  readonly priority: number;
  readonly dueDate: Date | null;
  readonly parentTaskId: string | null;
  readonly checklistOrder: number | null;
}

/**
 * Writes of tasks outside the engine's advance: details, assignment, identity links, checklists
 * and the audit trail. Every change of a task row bumps `version` and is written with
 * `WHERE version = $seen` after the row was locked, instance first (engine lock order).
 */
@Injectable()
export class TaskRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Locks the task's instance (if any), then the task; null when the task is not in the tenant. */
  async lock(tenantId: string, taskId: string): Promise<LockedTask | null> {
    // The task's instance locked in one statement (none: a standalone task, or no such task).
    const instance = await this.uow.query<{ state: string }>(
      `SELECT p.state FROM process_engine.process_instances p
        WHERE p.id = (SELECT t.instance_id FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2) FOR UPDATE OF p`,
      [taskId, tenantId],
    );
    const suspended = instance[0]?.state === 'suspended';
    // With its instance locked, nobody changes the task or its links meanwhile (engine lock order):
    // the task and its candidates in one statement. A standalone task's links are read once its row
    // is locked, in a statement of their own.
    const withLinks = instance.length > 0;
    const rows = await this.uow.query<{
      id: string;
      tenantId: string;
      instanceId: string | null;
      name: string | null;
      assigneeId: string | null;
      ownerId: string | null;
      delegationState: DelegationState | null;
      ended: boolean;
      version: number;
      candidateUserIds?: string[];
      candidateGroupIds?: string[];
    }>(
      `SELECT t.id::text AS "id", t.tenant_id::text AS "tenantId", t.instance_id::text AS "instanceId", t.name,
              t.assignee_id::text AS "assigneeId", t.owner_id::text AS "ownerId", t.delegation_state AS "delegationState",
              t.ended_at IS NOT NULL AS "ended", t.version${
                withLinks
                  ? `,
              coalesce((SELECT array_agg(l.user_id::text ORDER BY l.id) FROM process_engine.identity_links l
                         WHERE l.task_id = t.id AND l.type = 'candidate' AND l.user_id IS NOT NULL), '{}') AS "candidateUserIds",
              coalesce((SELECT array_agg(l.group_id::text ORDER BY l.id) FROM process_engine.identity_links l
                         WHERE l.task_id = t.id AND l.type = 'candidate' AND l.group_id IS NOT NULL), '{}') AS "candidateGroupIds"`
                  : ''
              }
         FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2 FOR UPDATE OF t`,
      [taskId, tenantId],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.candidateUserIds && row.candidateGroupIds) {
      return { ...row, suspended, candidateUserIds: row.candidateUserIds, candidateGroupIds: row.candidateGroupIds };
    }
    const links = await this.uow.query<{ userId: string | null; groupId: string | null }>(
      `SELECT user_id::text AS "userId", group_id::text AS "groupId" FROM process_engine.identity_links
        WHERE task_id = $1 AND type = 'candidate'`,
      [taskId],
    );
    return {
      ...row,
      suspended,
      candidateUserIds: links.flatMap((l) => (l.userId !== null ? [l.userId] : [])),
      candidateGroupIds: links.flatMap((l) => (l.groupId !== null ? [l.groupId] : [])),
    };
  }

  /** Applies an action's change; a concurrent change since `lock` is a 409. */
  async applyChange(task: LockedTask, change: TaskChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [task.id, task.version];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.assigneeId !== undefined) set('assignee_id', change.assigneeId);
    if (change.ownerId !== undefined) set('owner_id', change.ownerId);
    if (change.delegationState !== undefined) set('delegation_state', change.delegationState);
    if (change.claimed === true) sets.push('claimed_at = now()');
    await this.bump(task, sets, params);
  }

  async updateDetails(task: LockedTask, change: TaskDetailsChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [task.id, task.version];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.name !== undefined) set('name', change.name);
    if (change.description !== undefined) set('description', change.description);
    if (change.dueDate !== undefined) set('due_date', change.dueDate);
    if (change.priority !== undefined) set('priority', change.priority);
    if (change.formKey !== undefined) set('form_key', change.formKey);
    if (change.category !== undefined) set('category', change.category);
    await this.bump(task, sets, params);
  }

  /** attach-form / remove-form: the form model on the task, shown as its formKey (as Alfresco's task JSON does); null clears both. */
  async setFormModel(task: LockedTask, formModelId: string | null): Promise<void> {
    await this.bump(task, ['form_key = $3', 'form_model_id = $4::bigint'], [task.id, task.version, formModelId, formModelId]);
  }

  async formOf(taskId: string): Promise<Array<{ formKey: string | null; formModelId: string | null }>> {
    return this.uow.query(`SELECT form_key AS "formKey", form_model_id::text AS "formModelId" FROM process_engine.tasks WHERE id = $1`, [taskId]);
  }

  private async bump(task: LockedTask, sets: string[], params: unknown[]): Promise<void> {
    const updated = await this.uow.query(
      `UPDATE process_engine.tasks SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    if (updated.length !== 1) throw EngineErrors.taskChanged(task.id);
  }

  /** Only bumps the version (a link of the task changed). */
  async touch(task: LockedTask): Promise<void> {
    await this.bump(task, [], [task.id, task.version]);
  }

  async insert(t: NewTask): Promise<string> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.tasks (tenant_id, name, description, category, form_key, assignee_id, owner_id, priority, due_date,
                                         parent_task_id, checklist_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
      [t.tenantId, t.name, t.description, t.category, t.formKey, t.assigneeId, t.ownerId, t.priority, t.dueDate, t.parentTaskId, t.checklistOrder],
    );
    return rows[0]!.id;
  }

  /** Adds a user link to a task or an instance; false when it was there already. */
  async addUserLink(
    tenantId: string,
    on: { readonly taskId: string } | { readonly instanceId: string },
    userId: string,
    type: string,
  ): Promise<boolean> {
    const rows = await this.uow.query(
      `INSERT INTO process_engine.identity_links (tenant_id, task_id, instance_id, user_id, type)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [tenantId, 'taskId' in on ? on.taskId : null, 'instanceId' in on ? on.instanceId : null, userId, type],
    );
    return rows.length === 1;
  }

  /** Removes a user link of a task; false when there was none. */
  async removeTaskUserLink(taskId: string, userId: string, type: string): Promise<boolean> {
    const rows = await this.uow.query(
      `DELETE FROM process_engine.identity_links WHERE task_id = $1 AND user_id = $2 AND type = $3 RETURNING id`,
      [taskId, userId, type],
    );
    return rows.length > 0;
  }

  /**
   * One entry of the audit trail. `type`: task-created, task-updated, task-claimed, task-assigned,
   * task-delegated, task-resolved, task-involved, task-involvement-removed, checklist-item-added, checklist-reordered;
   * `details` carries what the audit JSON shows (task name, assignee…).
   */
  async audit(e: {
    readonly tenantId: string;
    readonly instanceId: string | null;
    readonly taskId: string;
    readonly type: string;
    readonly userId: string;
    readonly details: Record<string, unknown>;
  }): Promise<void> {
    await writeAuditEntry(this.uow, e);
  }

  /** The next position at the end of a checklist. */
  async nextChecklistOrder(parentTaskId: string): Promise<number> {
    const rows = await this.uow.query<{ next: number }>(
      `SELECT coalesce(max(checklist_order) + 1, 0)::int AS next FROM process_engine.tasks WHERE parent_task_id = $1`,
      [parentTaskId],
    );
    return rows[0]!.next;
  }

  /** Ids of the checklist items (sub-tasks) of a task, locked. */
  async lockChecklist(parentTaskId: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(
      `SELECT id::text AS id FROM process_engine.tasks WHERE parent_task_id = $1 ORDER BY id FOR UPDATE`,
      [parentTaskId],
    );
    return rows.map((r) => r.id);
  }

  /** Writes new checklist positions in one statement; items whose position moved get a new version. */
  async reorderChecklist(parentTaskId: string, positions: ReadonlyArray<{ id: string; position: number }>): Promise<void> {
    if (positions.length === 0) return;
    await this.uow.query(
      `UPDATE process_engine.tasks t SET checklist_order = o.position, version = t.version + 1
         FROM unnest($2::bigint[], $3::int[]) AS o(id, position)
        WHERE t.id = o.id AND t.parent_task_id = $1 AND t.checklist_order IS DISTINCT FROM o.position`,
      [parentTaskId, positions.map((x) => x.id), positions.map((x) => x.position)],
    );
  }
}
