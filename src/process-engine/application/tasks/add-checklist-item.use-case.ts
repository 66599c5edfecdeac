import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { requireChangeable } from '../../domain/task/task-actions.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface AddChecklistItemInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly name: string;
  readonly description?: string | null;
  readonly assigneeId?: string | null;
  /** The document's body repeats the parent; when sent it must be the task of the URL. */
  readonly parentTaskId?: string;
}

/**
 * A checklist item is a sub-task (parent_task_id) appended at the end of the checklist, owned by
 * the caller and assigned to `assignee` when given. Anyone who sees the open parent task.
 */
@Injectable()
export class AddChecklistItem {
  constructor(
    private readonly support: TaskCommandSupport,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: AddChecklistItemInput): Promise<TaskView> {
    if (input.parentTaskId !== undefined && input.parentTaskId !== input.taskId) {
      throw EngineErrors.badTaskQuery('parentTaskId', `parentTaskId ${input.parentTaskId} is not the task ${input.taskId} of the URL`, input.parentTaskId);
    }
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    requireChangeable(task);
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId !== null) await this.support.requireUser(viewer.tenantId, assigneeId, 'assignee');
    const id = await this.tasks.insert({
      tenantId: viewer.tenantId,
      name: input.name,
      description: input.description ?? null,
      category: null,
      formKey: null,
      assigneeId,
      ownerId: viewer.userId,
      priority: 50,
      dueDate: null,
      parentTaskId: task.id,
      checklistOrder: await this.tasks.nextChecklistOrder(task.id),
    });
    await this.tasks.touch(task);
    await this.support.audit(viewer, task, 'checklist-item-added', { itemId: id, itemName: input.name, assigneeId });
    await this.tasks.audit({
      tenantId: viewer.tenantId,
      instanceId: null,
      taskId: id,
      type: 'task-created',
      userId: viewer.userId,
      details: { taskName: input.name, assigneeId, parentTaskId: task.id },
    });
    return this.support.view(viewer, id);
  }
}
