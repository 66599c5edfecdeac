import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { resolveTask } from '../../domain/task/task-actions.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface ResolveTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
}

/** The delegate hands a delegated task back to its owner (delegation resolved). */
@Injectable()
export class ResolveTask {
  constructor(private readonly support: TaskCommandSupport) {}

  @Transactional()
  async execute(input: ResolveTaskInput): Promise<TaskView> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    const change = resolveTask(task, viewer);
    await this.support.writeAssignment(viewer, task, change, 'task-resolved', { assigneeId: change.assigneeId });
    return this.support.view(viewer, task.id);
  }
}
