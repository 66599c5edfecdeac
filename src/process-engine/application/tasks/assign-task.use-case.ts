import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { assignTask } from '../../domain/task/task-actions.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface AssignTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
  /** A user id, or an e-mail (the js-api's AssigneeIdentifierRepresentation sends either). */
  readonly assignee: { readonly id: string } | { readonly email: string };
}

/** Hands the task to a user of the tenant (assignee, owner, candidate of an unassigned task, admin). */
@Injectable()
export class AssignTask {
  constructor(private readonly support: TaskCommandSupport) {}

  @Transactional()
  async execute(input: AssignTaskInput): Promise<TaskView> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    let assigneeId: string;
    if ('id' in input.assignee) {
      assigneeId = input.assignee.id;
      await this.support.requireUser(viewer.tenantId, assigneeId, 'assignee');
    } else {
      assigneeId = await this.support.userIdByEmail(viewer.tenantId, input.assignee.email, 'email');
    }
    const change = assignTask(task, viewer, assigneeId);
    if (change) await this.support.writeAssignment(viewer, task, change, 'task-assigned', { assigneeId });
    return this.support.view(viewer, task.id);
  }
}
