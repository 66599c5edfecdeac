import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { requireChangeable } from '../../domain/task/task-actions.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';

export interface InvolveUserInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly user: { readonly id: string } | { readonly email: string };
}

/**
 * Involves a user with an open task (a `participant` link on the task): they see it and its
 * instance from then on. Involving someone already involved changes nothing.
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
    requireChangeable(task);
    if (!(await this.tasks.addUserLink(task.tenantId, { taskId: task.id }, userId, 'participant'))) return;
    await this.tasks.touch(task);
    await this.support.audit(viewer, task, 'task-involved', { involvedUserId: userId });
  }
}
