import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface NewTaskRow {
  readonly executionId: string;
  readonly taskDefinitionKey: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly category: string | null;
  readonly formKey: string | null;
  readonly assigneeId: string | null;
  readonly priority: number | null;
  readonly dueDate: string | null;
}

export interface NewLinkRow {
  /** Exactly one of instanceId and taskId. */
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly userId: string | null;
  readonly groupId: string | null;
  readonly type: string;
}

export interface NewActivityRow {
  readonly executionId: string;
  readonly activityId: string;
  readonly activityName: string | null;
  readonly activityType: string;
  readonly taskId: string | null;
  readonly ended: boolean;
}

export interface NewAuditRow {
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly type: string;
  readonly userId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface NewIncidentRow {
  readonly executionId: string;
  readonly activityId: string;
  readonly type: string;
  readonly message: string;
}

const NULL_IF_EMPTY = (v: string | null): string | null => (v === null || v === '' ? null : v);

/**
 * The rows an engine step writes besides the token tree, each kind in one statement whatever the
 * number of rows (unnest of arrays: the statement text stays the same, so it stays prepared).
 */
@Injectable()
export class EngineWrites {
  constructor(private readonly uow: UnitOfWork) {}

  /** Inserts user tasks; answers their ids in the order given. */
  async insertTasks(tenantId: string, instanceId: string, definitionId: string, tasks: readonly NewTaskRow[]): Promise<string[]> {
    if (tasks.length === 0) return [];
    const rows = await this.uow.query<{ id: string; ord: string }>(
      `WITH x AS (
         SELECT * FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::int[], $12::timestamptz[])
                WITH ORDINALITY AS x(execution_id, key, name, description, category, form_key, assignee_id, priority, due_date, ord))
       INSERT INTO process_engine.tasks
         (tenant_id, instance_id, execution_id, definition_id, task_definition_key, name, description, category, form_key, assignee_id, priority, due_date)
       SELECT $1, $2, x.execution_id, $3, x.key, x.name, x.description, x.category, x.form_key, x.assignee_id, coalesce(x.priority, 50), x.due_date
         FROM x ORDER BY x.ord
       RETURNING id::text AS id, execution_id::text AS ord`,
      [
        tenantId,
        instanceId,
        definitionId,
        tasks.map((t) => t.executionId),
        tasks.map((t) => t.taskDefinitionKey),
        tasks.map((t) => t.name),
        tasks.map((t) => t.description),
        tasks.map((t) => t.category),
        tasks.map((t) => t.formKey),
        tasks.map((t) => t.assigneeId),
        tasks.map((t) => t.priority),
        tasks.map((t) => NULL_IF_EMPTY(t.dueDate)),
      ],
    );
    // One open task per execution: map back by execution id (RETURNING order is not guaranteed).
    const byExecution = new Map(rows.map((r) => [r.ord, r.id]));
    return tasks.map((t) => byExecution.get(t.executionId)!);
  }

  /** Identity links; a link that already exists is left as it is. */
  async insertLinks(tenantId: string, links: readonly NewLinkRow[]): Promise<void> {
    if (links.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.identity_links (tenant_id, instance_id, task_id, user_id, group_id, type)
       SELECT $1, x.instance_id, x.task_id, x.user_id, x.group_id, x.type
         FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[]) AS x(instance_id, task_id, user_id, group_id, type)
       ON CONFLICT DO NOTHING`,
      [tenantId, links.map((l) => l.instanceId), links.map((l) => l.taskId), links.map((l) => l.userId), links.map((l) => l.groupId), links.map((l) => l.type)],
    );
  }

  /** Candidate starters of definitions (identity links of type `candidate`, Activiti's). */
  async insertDefinitionLinks(
    tenantId: string,
    links: ReadonlyArray<{ readonly definitionId: string; readonly userId: string | null; readonly groupId: string | null }>,
  ): Promise<void> {
    if (links.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.identity_links (tenant_id, definition_id, user_id, group_id, type)
       SELECT $1, x.definition_id, x.user_id, x.group_id, 'candidate'
         FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS x(definition_id, user_id, group_id)
       ON CONFLICT DO NOTHING`,
      [tenantId, links.map((l) => l.definitionId), links.map((l) => l.userId), links.map((l) => l.groupId)],
    );
  }

  async insertActivities(tenantId: string, instanceId: string, rows: readonly NewActivityRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.activity_history (tenant_id, instance_id, execution_id, activity_id, activity_name, activity_type, task_id, ended_at)
       SELECT $1, $2, x.execution_id, x.activity_id, x.activity_name, x.activity_type, x.task_id, CASE WHEN x.ended THEN now() END
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::boolean[]) WITH ORDINALITY
              AS x(execution_id, activity_id, activity_name, activity_type, task_id, ended, ord)
        ORDER BY x.ord`,
      [
        tenantId,
        instanceId,
        rows.map((r) => r.executionId),
        rows.map((r) => r.activityId),
        rows.map((r) => r.activityName),
        rows.map((r) => r.activityType),
        rows.map((r) => r.taskId),
        rows.map((r) => r.ended),
      ],
    );
  }

  /** Ends the open history rows of activities entered in an earlier step. */
  async endActivities(instanceId: string, ends: ReadonlyArray<{ readonly executionId: string; readonly activityId: string }>): Promise<void> {
    if (ends.length === 0) return;
    await this.uow.query(
      `UPDATE process_engine.activity_history h SET ended_at = now()
         FROM unnest($2::uuid[], $3::text[]) AS x(execution_id, activity_id)
        WHERE h.instance_id = $1 AND h.execution_id = x.execution_id AND h.activity_id = x.activity_id AND h.ended_at IS NULL`,
      [instanceId, ends.map((e) => e.executionId), ends.map((e) => e.activityId)],
    );
  }

  async insertAudit(tenantId: string, rows: readonly NewAuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
       SELECT $1, x.instance_id, x.task_id, x.type, x.user_id, x.details::jsonb
         FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS x(instance_id, task_id, type, user_id, details, ord)
        ORDER BY x.ord`,
      [tenantId, rows.map((r) => r.instanceId), rows.map((r) => r.taskId), rows.map((r) => r.type), rows.map((r) => r.userId), rows.map((r) => JSON.stringify(r.details))],
    );
  }

  async insertIncidents(tenantId: string, instanceId: string, rows: readonly NewIncidentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.incidents (tenant_id, instance_id, execution_id, activity_id, type, message)
       SELECT $1, $2, x.execution_id, x.activity_id, x.type, left(x.message, 4000)
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS x(execution_id, activity_id, type, message)`,
      [tenantId, instanceId, rows.map((r) => r.executionId), rows.map((r) => r.activityId), rows.map((r) => r.type), rows.map((r) => r.message)],
    );
  }

  /** Ends the open tasks of removed executions (terminate end, a scope that ended): end_reason `cancelled`. */
  async cancelTasksOf(instanceId: string, executionIds: readonly string[]): Promise<string[]> {
    if (executionIds.length === 0) return [];
    const rows = await this.uow.query<{ id: string }>(
      `UPDATE process_engine.tasks SET ended_at = now(), end_reason = 'cancelled', version = version + 1
        WHERE instance_id = $1 AND execution_id = ANY($2::uuid[]) AND ended_at IS NULL
       RETURNING id::text AS id`,
      [instanceId, executionIds],
    );
    return rows.map((r) => r.id);
  }
}
