import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { requireChangeable } from '../../domain/task/task-actions.js';
import { type TaskDetailsChange, TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface UpdateTaskInput extends TaskDetailsChange {
  readonly actor: Principal;
  readonly taskId: string;
}

/** Changes the details of an open task (fields absent from the input stay as they are). Anyone who sees the task. */
@Injectable()
export class UpdateTask {
  constructor(
    private readonly support: TaskCommandSupport,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: UpdateTaskInput): Promise<TaskView> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    requireChangeable(task);
    const { actor: _actor, taskId: _taskId, ...change } = input;
    const changed = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (Object.keys(changed).length > 0) {
      await this.tasks.updateDetails(task, change);
      await this.support.audit(viewer, task, 'task-updated', {
        changed: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
      });
    }
    return this.support.view(viewer, task.id);
  }
}
