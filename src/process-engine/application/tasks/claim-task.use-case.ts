import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { claimTask } from '../../domain/task/task-actions.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface ClaimTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
}

/** The caller takes an unassigned task they can see; someone else's task is a 409. */
@Injectable()
export class ClaimTask {
  constructor(private readonly support: TaskCommandSupport) {}

  @Transactional()
  async execute(input: ClaimTaskInput): Promise<TaskView> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    const change = claimTask(task, viewer);
    if (change) await this.support.writeAssignment(viewer, task, change, 'task-claimed', { assigneeId: viewer.userId });
    return this.support.view(viewer, task.id);
  }
}
