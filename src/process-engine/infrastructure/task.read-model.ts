import { Injectable } from '@nestjs/common';
import { escapeLike } from '../../../libs/platform/database/escape-like.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { taskVisibleSql, type Viewer } from '../application/access/engine-access.js';

/** One task as the aps task representation needs it, with its definition and instance joined in. */
export interface TaskRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly category: string | null;
  readonly assigneeId: string | null;
  readonly ownerId: string | null;
  readonly delegationState: 'pending' | 'resolved' | null;
  readonly createdAt: Date;
  readonly dueDate: Date | null;
  readonly endedAt: Date | null;
  readonly endReason: string | null;
  readonly priority: number;
  readonly parentTaskId: string | null;
  readonly parentTaskName: string | null;
  readonly instanceId: string | null;
  readonly instanceName: string | null;
  readonly instanceStartedBy: string | null;
  readonly definitionId: string | null;
  readonly definitionName: string | null;
  readonly definitionDescription: string | null;
  readonly definitionKey: string | null;
  readonly definitionCategory: string | null;
  readonly definitionVersion: number | null;
  readonly deploymentId: string | null;
  readonly formKey: string | null;
  readonly taskDefinitionKey: string | null;
  readonly executionId: string | null;
  readonly checklistOrder: number | null;
  readonly version: number;
  /** Users with a `participant` link on the task (the aps "involved people"). */
  readonly involvedUserIds: string[];
  /** Candidate groups of the task. */
  readonly candidateGroupIds: string[];
  readonly memberOfCandidateUsers: boolean;
  readonly memberOfCandidateGroup: boolean;
  /** Instance (global) then task-local variables when asked for, else null. */
  readonly variables: Array<{ name: string; type: string; value: unknown; scope: 'global' | 'local' }> | null;
}

export type TaskAssignment =
  | { readonly kind: 'involved' }
  | { readonly kind: 'assignee' }
  | { readonly kind: 'candidate' }
  | { readonly kind: 'group'; readonly groupId: string };

export type TaskSortField =
  | 'id'
  | 'created'
  | 'due'
  | 'ended'
  | 'name'
  | 'description'
  | 'assignee'
  | 'owner'
  | 'priority'
  | 'duration'
  | 'instance'
  | 'definition'
  | 'execution'
  | 'taskDefinitionKey'
  | 'deleteReason'
  | 'tenant';

/** Sort columns: the only way a sort reaches SQL. */
const SORT_COLUMNS: Record<TaskSortField, string> = {
  id: 't.id',
  created: 't.created_at',
  due: 't.due_date',
  ended: 't.ended_at',
  name: 'lower(t.name)',
  description: 'lower(t.description)',
  assignee: 't.assignee_id',
  owner: 't.owner_id',
  priority: 't.priority',
  duration: '(t.ended_at - t.created_at)',
  instance: 't.instance_id',
  definition: 't.definition_id',
  execution: 't.execution_id',
  taskDefinitionKey: 't.task_definition_key',
  deleteReason: 't.end_reason',
  tenant: 't.tenant_id',
};

/** A Like filter takes the caller's pattern (`%` and `_` as the caller wrote them: Activiti's `…Like` semantics). */
export interface TaskCriteria {
  readonly viewer: Viewer;
  /** false: the query names another tenant (or none): no rows. */
  readonly tenantMatches?: boolean;
  readonly taskId?: string;
  readonly instanceId?: string;
  readonly definitionId?: string;
  readonly appDefinitionId?: string;
  /** Case-insensitive substring of the name (escaped: matches literally). */
  readonly nameContains?: string;
  readonly assignment?: TaskAssignment;
  readonly state?: 'open' | 'completed' | 'all';
  readonly dueAfter?: Date;
  readonly dueBefore?: Date;
  readonly dueOn?: Date;
  readonly withoutDueDate?: boolean;
  readonly definitionKey?: string;
  readonly definitionKeyLike?: string;
  readonly definitionName?: string;
  readonly definitionNameLike?: string;
  readonly businessKey?: string;
  readonly businessKeyLike?: string;
  readonly executionId?: string;
  readonly taskDefinitionKey?: string;
  readonly taskDefinitionKeyLike?: string;
  readonly name?: string;
  readonly nameLike?: string;
  readonly description?: string;
  readonly descriptionLike?: string;
  readonly deleteReason?: string;
  readonly deleteReasonLike?: string;
  readonly assigneeId?: string;
  readonly assigneeLike?: string;
  readonly ownerId?: string;
  readonly ownerLike?: string;
  readonly involvedUserId?: string;
  readonly candidateGroupId?: string;
  readonly priority?: number;
  readonly minPriority?: number;
  readonly maxPriority?: number;
  readonly finished?: boolean;
  readonly processFinished?: boolean;
  readonly parentTaskId?: string;
  readonly completedOn?: Date;
  readonly completedAfter?: Date;
  readonly completedBefore?: Date;
  readonly createdOn?: Date;
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
  readonly tenantIdLike?: string;
}

export interface TaskPageRequest {
  readonly criteria: TaskCriteria;
  readonly sort: { readonly field: TaskSortField; readonly direction: 'asc' | 'desc' };
  readonly offset: number;
  readonly limit: number;
  readonly includeProcessVariables?: boolean;
  readonly includeTaskLocalVariables?: boolean;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const DAY_MS = 86_400_000;

function where(c: TaskCriteria, p: Params): string[] {
  const v = c.viewer;
  const w: string[] = [`t.tenant_id = ${p.add(v.tenantId)}`];
  if (c.tenantMatches === false) w.push('false');
  const me = () => p.add(v.userId);
  const myGroups = () => `${p.add(v.groupIds)}::bigint[]`;
  if (!v.admin) w.push(taskVisibleSql('t', me(), myGroups()));
  const eq = (column: string, value: unknown) => {
    if (value !== undefined) w.push(`${column} = ${p.add(value)}`);
  };
  const like = (column: string, pattern: string | undefined) => {
    if (pattern !== undefined) w.push(`${column} LIKE ${p.add(pattern)}`);
  };
  const cmp = (column: string, op: '>' | '<' | '>=', value: Date | undefined) => {
    if (value !== undefined) w.push(`${column} ${op} ${p.add(value)}`);
  };
  const sameDay = (column: string, value: Date | undefined) => {
    if (value !== undefined) w.push(`${column} >= ${p.add(value)} AND ${column} < ${p.add(new Date(value.getTime() + DAY_MS))}`);
  };
  eq('t.id', c.taskId);
  eq('t.instance_id', c.instanceId);
  eq('t.definition_id', c.definitionId);
  eq('pd.app_definition_id', c.appDefinitionId);
  if (c.nameContains !== undefined && c.nameContains !== '') {
    w.push(`t.name ILIKE ${p.add(`%${escapeLike(c.nameContains)}%`)} ESCAPE '\\'`);
  }
  const a = c.assignment;
  if (a?.kind === 'assignee') w.push(`t.assignee_id = ${me()}`);
  if (a?.kind === 'candidate') {
    w.push(`t.assignee_id IS NULL AND EXISTS (SELECT 1 FROM process_engine.identity_links cl WHERE cl.task_id = t.id AND cl.type = 'candidate'
      AND (cl.user_id = ${me()} OR cl.group_id = ANY(${myGroups()})))`);
  }
  if (a?.kind === 'group') {
    // group_{id}: the caller must be in the group (nested groups count); admins may look into any group.
    const member = v.admin || v.groupIds.includes(a.groupId);
    w.push(
      member
        ? `t.assignee_id IS NULL AND EXISTS (SELECT 1 FROM process_engine.identity_links cl WHERE cl.task_id = t.id AND cl.type = 'candidate' AND cl.group_id = ${p.add(a.groupId)})`
        : 'false',
    );
  }
  if (c.state === 'open') w.push('t.ended_at IS NULL');
  if (c.state === 'completed') w.push('t.ended_at IS NOT NULL');
  cmp('t.due_date', '>', c.dueAfter);
  cmp('t.due_date', '<', c.dueBefore);
  eq('t.due_date', c.dueOn);
  if (c.withoutDueDate === true) w.push('t.due_date IS NULL');
  eq('pd.key', c.definitionKey);
  like('pd.key', c.definitionKeyLike);
  eq('pd.name', c.definitionName);
  like('pd.name', c.definitionNameLike);
  eq('pi.business_key', c.businessKey);
  like('pi.business_key', c.businessKeyLike);
  eq('t.execution_id::text', c.executionId);
  eq('t.task_definition_key', c.taskDefinitionKey);
  like('t.task_definition_key', c.taskDefinitionKeyLike);
  eq('t.name', c.name);
  like('t.name', c.nameLike);
  eq('t.description', c.description);
  like('t.description', c.descriptionLike);
  eq('t.end_reason', c.deleteReason);
  like('t.end_reason', c.deleteReasonLike);
  eq('t.assignee_id', c.assigneeId);
  like('t.assignee_id::text', c.assigneeLike);
  eq('t.owner_id', c.ownerId);
  like('t.owner_id::text', c.ownerLike);
  if (c.involvedUserId !== undefined) {
    const u = p.add(c.involvedUserId);
    w.push(`(t.assignee_id = ${u} OR t.owner_id = ${u}
      OR EXISTS (SELECT 1 FROM process_engine.identity_links il WHERE il.task_id = t.id AND il.user_id = ${u}))`);
  }
  if (c.candidateGroupId !== undefined) {
    w.push(`EXISTS (SELECT 1 FROM process_engine.identity_links cg WHERE cg.task_id = t.id AND cg.type = 'candidate' AND cg.group_id = ${p.add(c.candidateGroupId)})`);
  }
  eq('t.priority', c.priority);
  if (c.minPriority !== undefined) w.push(`t.priority >= ${p.add(c.minPriority)}`);
  if (c.maxPriority !== undefined) w.push(`t.priority <= ${p.add(c.maxPriority)}`);
  if (c.finished !== undefined) w.push(c.finished ? 't.ended_at IS NOT NULL' : 't.ended_at IS NULL');
  if (c.processFinished !== undefined) w.push(c.processFinished ? 'pi.ended_at IS NOT NULL' : '(pi.id IS NOT NULL AND pi.ended_at IS NULL)');
  eq('t.parent_task_id', c.parentTaskId);
  sameDay('t.ended_at', c.completedOn);
  cmp('t.ended_at', '>', c.completedAfter);
  cmp('t.ended_at', '<', c.completedBefore);
  sameDay('t.created_at', c.createdOn);
  cmp('t.created_at', '>', c.createdAfter);
  cmp('t.created_at', '<', c.createdBefore);
  like('t.tenant_id::text', c.tenantIdLike);
  return w;
}

const FROM = `FROM process_engine.tasks t
  LEFT JOIN process_engine.process_instances pi ON pi.id = t.instance_id
  LEFT JOIN process_engine.process_definitions pd ON pd.id = t.definition_id`;

function columns(p: Params, viewer: Viewer, processVariables: boolean, localVariables: boolean): string {
  const me = p.add(viewer.userId);
  const groups = `${p.add(viewer.groupIds)}::bigint[]`;
  const variable = (scope: 'global' | 'local') =>
    `jsonb_build_object('name', v.name, 'type', v.type, 'value', v.value, 'scope', '${scope}')`;
  const processVars = processVariables
    ? `(SELECT jsonb_agg(${variable('global')} ORDER BY v.name) FROM process_engine.variables v
         WHERE v.instance_id = t.instance_id AND v.task_id IS NULL AND v.execution_id IS NULL)`
    : 'NULL::jsonb';
  const localVars = localVariables
    ? `(SELECT jsonb_agg(${variable('local')} ORDER BY v.name) FROM process_engine.variables v WHERE v.task_id = t.id)`
    : 'NULL::jsonb';
  return `t.id::text AS "id", t.tenant_id::text AS "tenantId", t.name, t.description, t.category,
    t.assignee_id::text AS "assigneeId", t.owner_id::text AS "ownerId", t.delegation_state AS "delegationState",
    t.created_at AS "createdAt", t.due_date AS "dueDate", t.ended_at AS "endedAt", t.end_reason AS "endReason", t.priority,
    t.parent_task_id::text AS "parentTaskId", (SELECT pt.name FROM process_engine.tasks pt WHERE pt.id = t.parent_task_id) AS "parentTaskName",
    t.instance_id::text AS "instanceId", pi.name AS "instanceName", pi.started_by::text AS "instanceStartedBy",
    t.definition_id AS "definitionId", pd.name AS "definitionName", pd.description AS "definitionDescription", pd.key AS "definitionKey",
    pd.category AS "definitionCategory", pd.version AS "definitionVersion", pd.deployment_id::text AS "deploymentId",
    t.form_key AS "formKey", t.task_definition_key AS "taskDefinitionKey", t.execution_id::text AS "executionId",
    t.checklist_order AS "checklistOrder", t.version,
    ARRAY(SELECT l.user_id::text FROM process_engine.identity_links l
           WHERE l.task_id = t.id AND l.type = 'participant' AND l.user_id IS NOT NULL ORDER BY l.id) AS "involvedUserIds",
    ARRAY(SELECT l.group_id::text FROM process_engine.identity_links l
           WHERE l.task_id = t.id AND l.type = 'candidate' AND l.group_id IS NOT NULL ORDER BY l.id) AS "candidateGroupIds",
    EXISTS (SELECT 1 FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.user_id = ${me}) AS "memberOfCandidateUsers",
    EXISTS (SELECT 1 FROM process_engine.identity_links l WHERE l.task_id = t.id AND l.type = 'candidate' AND l.group_id = ANY(${groups})) AS "memberOfCandidateGroup",
    CASE WHEN ${processVariables || localVariables ? 'true' : 'false'}
         THEN coalesce(${processVars}, '[]'::jsonb) || coalesce(${localVars}, '[]'::jsonb) END AS "variables"`;
}

/**
 * Reads tasks for the aps task and historic-task queries, task details and checklists: filtered,
 * sorted, paged and counted in one SQL statement per page (joins for the definition and instance,
 * sub-selects for links and variables — no query per task).
 */
@Injectable()
export class TaskReadModel {
  constructor(private readonly uow: UnitOfWork) {}

  async page(req: TaskPageRequest): Promise<{ total: number; rows: TaskRow[] }> {
    const p = new Params();
    const cols = columns(p, req.criteria.viewer, req.includeProcessVariables === true, req.includeTaskLocalVariables === true);
    const conditions = where(req.criteria, p).join('\n  AND ');
    const dir = req.sort.direction === 'asc' ? 'ASC' : 'DESC';
    const order = `${SORT_COLUMNS[req.sort.field]} ${dir} NULLS LAST, t.id ${dir}`;
    // The first page has no OFFSET clause: with `OFFSET $n` PostgreSQL costs the generic plan of
    // this prepared statement above its custom plans and so plans it again on every call (≈ 0.5 ms
    // of planning, more than the query itself); without it the generic plan is kept and reused.
    const paging = req.offset > 0 ? `LIMIT ${p.add(req.limit)} OFFSET ${p.add(req.offset)}` : `LIMIT ${p.add(req.limit)}`;
    const rows = await this.uow.query<TaskRow & { total: string }>(
      `SELECT ${cols}, count(*) OVER () AS total ${FROM} WHERE ${conditions} ORDER BY ${order} ${paging}`,
      p.values,
    );
    if (rows.length > 0 || req.offset === 0) return { total: rows.length > 0 ? Number(rows[0]!.total) : 0, rows };
    // A page past the end: the window count came back with no row, so count on its own.
    const q = new Params();
    const counted = await this.uow.query<{ total: string }>(
      `SELECT count(*) AS total ${FROM} WHERE ${where(req.criteria, q).join(' AND ')}`,
      q.values,
    );
    return { total: Number(counted[0]!.total), rows: [] };
  }

  /** One task of the viewer's tenant (visibility already checked by EngineAccess). */
  async byId(viewer: Viewer, taskId: string, variables = false): Promise<TaskRow | null> {
    const { rows } = await this.page({
      criteria: { viewer: { ...viewer, admin: true }, taskId },
      sort: { field: 'id', direction: 'asc' },
      offset: 0,
      limit: 1,
      includeProcessVariables: variables,
      includeTaskLocalVariables: variables,
    });
    return rows[0] ?? null;
  }

  /** The checklist of a task: its sub-tasks in checklist order. */
  async checklist(viewer: Viewer, parentTaskId: string): Promise<TaskRow[]> {
    const p = new Params();
    const cols = columns(p, viewer, false, false);
    return this.uow.query<TaskRow>(
      `SELECT ${cols} ${FROM} WHERE t.tenant_id = ${p.add(viewer.tenantId)} AND t.parent_task_id = ${p.add(parentTaskId)}
        ORDER BY t.checklist_order NULLS LAST, t.id`,
      p.values,
    );
  }

  /**
   * What the task audit adds to the task: the last form submission or completion that carried
   * form data or an outcome (audit_entries `form-submitted` / `task-completed`, details
   * `formData` and `outcome`), and the task's comments, oldest first.
   */
  async auditExtras(taskId: string): Promise<{
    formData: unknown[];
    outcome: string | null;
    comments: Array<{ message: string; createdBy: string; createdAt: Date }>;
  }> {
    const form = await this.uow.query<{ formData: unknown; outcome: unknown }>(
      `SELECT details -> 'formData' AS "formData", coalesce(details ->> 'outcome', details ->> 'selectedOutcome') AS outcome
         FROM process_engine.audit_entries
        WHERE task_id = $1 AND type IN ('form-submitted', 'task-completed')
          AND (details ? 'formData' OR details ? 'outcome' OR details ? 'selectedOutcome')
        ORDER BY id DESC LIMIT 1`,
      [taskId],
    );
    const comments = await this.uow.query<{ message: string; createdBy: string; createdAt: Date }>(
      `SELECT message, created_by::text AS "createdBy", created_at AS "createdAt" FROM process_engine.comments WHERE task_id = $1 ORDER BY id`,
      [taskId],
    );
    const f = form[0];
    return {
      formData: Array.isArray(f?.formData) ? f.formData : [],
      outcome: typeof f?.outcome === 'string' ? f.outcome : null,
      comments,
    };
  }
}
