import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { requireActive } from '../../domain/task/task-actions.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';

export interface InvolveUserInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly user: { readonly id: string } | { readonly email: string };
}

/**
 * Involves a user with an open task (a `participant` link on the task, and on its instance as
 * Activiti adds one): they see the task and its instance from then on. Involving someone already
 * involved changes nothing. Removing the user later removes the task link only.
 */
@Injectable()
export class InvolveUser {
  constructor(
    private readonly support: TaskCommandSupport,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: InvolveUserInput): Promise<void> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    let userId: string;
    if ('id' in input.user) {
      userId = input.user.id;
      await this.support.requireUser(viewer.tenantId, userId, 'userId');
    } else {
      userId = await this.support.userIdByEmail(viewer.tenantId, input.user.email, 'email');
    }
    requireActive(task);
    if (!(await this.tasks.addUserLink(task.tenantId, { taskId: task.id }, userId, 'participant'))) return;
    // As Activiti does, a user linked to a task of an instance takes part in the instance too.
    if (task.instanceId !== null) await this.tasks.addUserLink(task.tenantId, { instanceId: task.instanceId }, userId, 'participant');
    await this.tasks.touch(task);
    await this.support.audit(viewer, task, 'task-involved', { involvedUserId: userId });
  }
}
