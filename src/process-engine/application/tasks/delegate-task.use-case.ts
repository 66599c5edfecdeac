import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { delegateTask } from '../../domain/task/task-actions.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface DelegateTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly userId: string;
}

/** The assignee passes the task to `userId` and becomes its owner; the delegation is pending until resolved. */
@Injectable()
export class DelegateTask {
  constructor(private readonly support: TaskCommandSupport) {}

  @Transactional()
  async execute(input: DelegateTaskInput): Promise<TaskView> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    await this.support.requireUser(viewer.tenantId, input.userId, 'userId');
    const change = delegateTask(task, viewer, input.userId);
    await this.support.writeAssignment(viewer, task, change, 'task-delegated', { assigneeId: input.userId, ownerId: change.ownerId });
    return this.support.view(viewer, task.id);
  }
}
