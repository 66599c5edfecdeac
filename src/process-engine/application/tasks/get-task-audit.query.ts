import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { auditTime } from '../../domain/task/task-actions.js';
import { TaskReadModel } from '../../infrastructure/task.read-model.js';
import { EngineAccess } from '../access/engine-access.js';
import { fullName } from '../people.js';

/** seed 004 "Task Audit Info (as JSON)", field for field. */
export interface TaskAudit {
  readonly taskId: string;
  readonly taskName: string | null;
  readonly processInstanceId: string | null;
  readonly processDefinitionName: string | null;
  readonly processDefinitionVersion: number | null;
  /** The assignee's full name. */
  readonly assignee: string | null;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly formData: unknown[];
  readonly selectedOutcome: string | null;
  /** The js-api's CommentAuditInfo: the author's full name and the message. */
  readonly comments: Array<{ author: string | null; message: string }>;
}

const nameOf = (u: { firstName: string; lastName: string } | undefined): string | null => (u ? fullName(u) : null);

/** The audit of a task the caller sees, from the task row, its audit entries and its comments. */
@Injectable()
export class GetTaskAudit {
  constructor(
    private readonly access: EngineAccess,
    private readonly reads: TaskReadModel,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<TaskAudit> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    const task = await this.reads.byId(viewer, input.taskId);
    if (!task) throw EngineErrors.taskNotFound(input.taskId);
    const extras = await this.reads.auditExtras(task.id);
    const userIds = [...(task.assigneeId !== null ? [task.assigneeId] : []), ...extras.comments.map((c) => c.createdBy)];
    const users = await this.identity.userSummariesById(viewer.tenantId, userIds);
    return {
      taskId: task.id,
      taskName: task.name,
      processInstanceId: task.instanceId,
      processDefinitionName: task.definitionName,
      processDefinitionVersion: task.definitionVersion,
      assignee: task.assigneeId === null ? null : nameOf(users.get(task.assigneeId)),
      startTime: auditTime(task.createdAt),
      endTime: auditTime(task.endedAt),
      formData: extras.formData,
      selectedOutcome: extras.outcome,
      comments: extras.comments.map((c) => ({ author: nameOf(users.get(c.createdBy)), message: c.message })),
    };
  }
}
