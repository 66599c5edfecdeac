import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import type { TaskChange } from '../../domain/task/task-actions.js';
import { type LockedTask, TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskReadModel } from '../../infrastructure/task.read-model.js';
import { EngineAccess, type Viewer } from '../access/engine-access.js';
import { type TaskView, TaskViews } from './task.view.js';

/**
 * What every task command shares: the visibility check (404/403), the lock (instance first, then
 * the task), the write with its version bump, the audit entry, and the answer (the task as it is
 * now). The rules themselves are domain/task/task-actions.ts.
 */
@Injectable()
export class TaskCommandSupport {
  constructor(
    private readonly access: EngineAccess,
    private readonly tasks: TaskRepository,
    private readonly reads: TaskReadModel,
    private readonly views: TaskViews,
    private readonly identity: IdentityApi,
  ) {}

  async lockVisible(actor: Principal, taskId: string): Promise<{ viewer: Viewer; task: LockedTask }> {
    const viewer = await this.access.requireTask(actor, taskId);
    const task = await this.tasks.lock(viewer.tenantId, taskId);
    if (!task) throw EngineErrors.taskNotFound(taskId);
    return { viewer, task };
  }

  /** 400 naming `field` unless the user is a live user of the tenant. */
  async requireUser(tenantId: string, userId: string, field: string): Promise<void> {
    const found = await this.identity.existingUserIds(tenantId, [userId]);
    if (found.length === 0) throw EngineErrors.userNotFound(field, userId);
  }

  /** A user of the tenant by e-mail (case-insensitive); 400 naming `field` when there is none. */
  async userIdByEmail(tenantId: string, email: string, field: string): Promise<string> {
    const found = (await this.identity.userIdsByReference(tenantId, [email])).get(email);
    if (found === undefined) throw EngineErrors.userNotFound(field, email);
    return found;
  }

  /**
   * Writes an assignment change: the row (version bump), a `participant` link on the instance for
   * the new assignee (Activiti's behaviour), and the audit entry.
   */
  async writeAssignment(viewer: Viewer, task: LockedTask, change: TaskChange, auditType: string, details: Record<string, unknown>): Promise<void> {
    await this.tasks.applyChange(task, change);
    if (task.instanceId !== null && change.assigneeId) {
      await this.tasks.addUserLink(task.tenantId, { instanceId: task.instanceId }, change.assigneeId, 'participant');
    }
    await this.audit(viewer, task, auditType, { previousAssigneeId: task.assigneeId, ...details });
  }

  async audit(viewer: Viewer, task: LockedTask, type: string, details: Record<string, unknown>): Promise<void> {
    await this.tasks.audit({
      tenantId: task.tenantId,
      instanceId: task.instanceId,
      taskId: task.id,
      type,
      userId: viewer.userId,
      details: { taskName: task.name, ...details },
    });
  }

  async view(viewer: Viewer, taskId: string): Promise<TaskView> {
    const row = await this.reads.byId(viewer, taskId);
    if (!row) throw EngineErrors.taskNotFound(taskId);
    return this.views.one(viewer, row);
  }
}
