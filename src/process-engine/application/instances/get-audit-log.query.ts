import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal, type UserSummary } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { InstanceReader } from './instance-reader.js';
import type { InstanceView } from './instance.view.js';

export interface GetAuditLogInput {
  readonly actor: Principal;
  readonly instanceId: string;
}

/** One entry of the audit log, before the dialect formats dates and names. */
export interface AuditEntryView {
  /** startForm, activityExecuted, taskCreated, taskCompleted, commentCreated, or the audit trail's type in camelCase. */
  readonly type: string;
  readonly timestamp: Date;
  readonly selectedOutcome: string | null;
  readonly formData: ReadonlyArray<{ readonly fieldName: string; readonly fieldId: string; readonly value: unknown }>;
  readonly taskName: string | null;
  readonly taskAssignee: string | null;
  readonly activityId: string | null;
  readonly activityName: string | null;
  readonly activityType: string | null;
  readonly startTime: Date | null;
  readonly endTime: Date | null;
  readonly message: string | null;
}

export interface AuditLogView {
  readonly instance: InstanceView;
  readonly initiator: string | null;
  readonly entries: readonly AuditEntryView[];
}

interface ActivityRow {
  activityId: string;
  activityName: string | null;
  activityType: string;
  startedAt: Date;
  endedAt: Date | null;
  seq: string;
}
interface TaskRow {
  name: string | null;
  assigneeId: string | null;
  completedBy: string | null;
  createdAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  seq: string;
}
interface TrailRow {
  type: string;
  userId: string | null;
  taskName: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  seq: string;
}
interface CommentRow {
  message: string;
  taskName: string | null;
  createdBy: string;
  createdAt: Date;
  seq: string;
}

/** Audit-trail types that other sources already show (tasks and comments tables), and so are not repeated. */
const SHOWN_ELSEWHERE = new Set(['task-created', 'task-completed', 'comment-added']);

/** The aps audit log names people by full name, else (no name at all) by username. */
function auditName(u: UserSummary | undefined | null): string | null {
  if (!u) return null;
  const name = [u.firstName, u.lastName].filter((x) => x && x.trim() !== '').join(' ');
  return name || u.username;
}

function camel(type: string): string {
  return type.replace(/[-_]+([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** `values` / `formData` of an audit entry's details as the aps formData list. */
function formDataOf(details: Record<string, unknown>): AuditEntryView['formData'] {
  const list = details.formData;
  if (Array.isArray(list)) {
    return list
      .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
      .map((x) => ({ fieldName: String(x.fieldName ?? x.fieldId ?? ''), fieldId: String(x.fieldId ?? x.fieldName ?? ''), value: x.value ?? null }));
  }
  const values = details.values;
  if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
    return Object.entries(values as Record<string, unknown>).map(([id, value]) => ({ fieldName: id, fieldId: id, value: value ?? null }));
  }
  return [];
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A user id in details, written as a string or a number. */
function idText(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : null;
}

/**
 * The audit log of seed 004 "Process Instance Audit Log As JSON": the instance with its entries
 * built from activity history (activityExecuted), tasks (taskCreated, taskCompleted), the audit
 * trail (a start with form values is the startForm entry; the other types in camelCase, e.g.
 * processDeleted, taskClaimed, formSubmitted) and comments (commentCreated), in time order.
 */
@Injectable()
export class GetAuditLog {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly reader: InstanceReader,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: GetAuditLogInput): Promise<AuditLogView> {
    const { actor, instanceId } = input;
    await this.access.requireInstance(actor, instanceId);
    const instance = await this.reader.one(actor.tenantId, instanceId, false);
    if (!instance) throw EngineErrors.instanceNotFound(instanceId);
    const [activities, tasks, trail, comments] = await Promise.all([
      this.uow.query<ActivityRow>(
        `SELECT activity_id AS "activityId", activity_name AS "activityName", activity_type AS "activityType", started_at AS "startedAt",
                ended_at AS "endedAt", id::text AS seq
           FROM process_engine.activity_history WHERE instance_id = $1 AND tenant_id = $2 ORDER BY id`,
        [instanceId, actor.tenantId],
      ),
      this.uow.query<TaskRow>(
        `SELECT name, assignee_id::text AS "assigneeId", completed_by::text AS "completedBy", created_at AS "createdAt", ended_at AS "endedAt",
                end_reason AS "endReason", id::text AS seq
           FROM process_engine.tasks WHERE instance_id = $1 AND tenant_id = $2 ORDER BY id`,
        [instanceId, actor.tenantId],
      ),
      this.uow.query<TrailRow>(
        `SELECT a.type, a.user_id::text AS "userId", t.name AS "taskName", a.details, a.created_at AS "createdAt", a.id::text AS seq
           FROM process_engine.audit_entries a LEFT JOIN process_engine.tasks t ON t.id = a.task_id
          WHERE a.instance_id = $1 AND a.tenant_id = $2 ORDER BY a.id`,
        [instanceId, actor.tenantId],
      ),
      // Comments on the instance and on its tasks (a task comment names its task).
      this.uow.query<CommentRow>(
        `SELECT c.message, c.created_by::text AS "createdBy", c.created_at AS "createdAt", c.id::text AS seq, t.name AS "taskName"
           FROM process_engine.comments c LEFT JOIN process_engine.tasks t ON t.id = c.task_id
          WHERE c.tenant_id = $2
            AND c.id IN (SELECT id FROM process_engine.comments WHERE instance_id = $1
                         UNION SELECT cc.id FROM process_engine.comments cc JOIN process_engine.tasks tt ON tt.id = cc.task_id WHERE tt.instance_id = $1)
          ORDER BY c.id`,
        [instanceId, actor.tenantId],
      ),
    ]);
    const userIds = new Set<string>();
    for (const t of tasks) for (const id of [t.assigneeId, t.completedBy]) if (id) userIds.add(id);
    for (const c of comments) userIds.add(c.createdBy);
    for (const a of trail) if (a.userId) userIds.add(a.userId);
    const users = await this.identity.userSummariesById(actor.tenantId, userIds);
    const name = (id: string | null): string | null => (id ? auditName(users.get(id)) : null);

    const blank = { selectedOutcome: null, formData: [], taskName: null, taskAssignee: null, activityId: null, activityName: null, activityType: null, message: null };
    // [entry, source rank, row id]: a stable order for entries with the same timestamp.
    const entries: Array<[AuditEntryView, number, number]> = [];
    for (const a of activities) {
      entries.push([{ ...blank, type: 'activityExecuted', timestamp: a.startedAt, activityId: a.activityId, activityName: a.activityName, activityType: a.activityType, startTime: a.startedAt, endTime: a.endedAt }, 1, Number(a.seq)]);
    }
    for (const t of tasks) {
      entries.push([{ ...blank, type: 'taskCreated', timestamp: t.createdAt, taskName: t.name, taskAssignee: name(t.assigneeId), startTime: t.createdAt, endTime: t.endedAt }, 2, Number(t.seq)]);
      if (t.endedAt && t.endReason !== 'deleted') {
        entries.push([{ ...blank, type: 'taskCompleted', timestamp: t.endedAt, taskName: t.name, taskAssignee: name(t.completedBy ?? t.assigneeId), startTime: t.createdAt, endTime: t.endedAt }, 3, Number(t.seq)]);
      }
    }
    for (const a of trail) {
      if (SHOWN_ELSEWHERE.has(a.type)) continue;
      const details = a.details ?? {};
      // A start with start-form values carries them (formData, outcome) on its process-started entry: the startForm entry.
      const formData = formDataOf(details);
      const outcome = text(details.outcome);
      if (a.type === 'process-started' && formData.length === 0 && outcome === null) continue;
      entries.push([
        {
          ...blank,
          type: a.type === 'process-started' ? 'startForm' : camel(a.type),
          timestamp: a.createdAt,
          selectedOutcome: outcome,
          formData,
          taskName: a.taskName ?? text(details.taskName),
          taskAssignee: name(idText(details.assigneeId) ?? idText(details.assignee) ?? a.userId),
          message: text(details.reason) ?? text(details.message),
          startTime: a.createdAt,
          endTime: a.createdAt,
        },
        a.type === 'process-started' ? 0 : 4,
        Number(a.seq),
      ]);
    }
    for (const c of comments) {
      entries.push([{ ...blank, type: 'commentCreated', timestamp: c.createdAt, taskName: c.taskName, taskAssignee: name(c.createdBy), message: c.message, startTime: c.createdAt, endTime: c.createdAt }, 5, Number(c.seq)]);
    }
    entries.sort((x, y) => x[0].timestamp.getTime() - y[0].timestamp.getTime() || x[1] - y[1] || x[2] - y[2]);
    return { instance, initiator: auditName(instance.startedBy), entries: entries.map((e) => e[0]) };
  }
}
