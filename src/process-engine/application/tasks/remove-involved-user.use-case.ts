import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { requireActive } from '../../domain/task/task-actions.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';

export interface RemoveInvolvedUserInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly user: { readonly id: string } | { readonly email: string };
}

/** Removes a user's `participant` link from an open task; a user who was not involved changes nothing. */
@Injectable()
export class RemoveInvolvedUser {
  constructor(
    private readonly support: TaskCommandSupport,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: RemoveInvolvedUserInput): Promise<void> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    const userId = 'id' in input.user ? input.user.id : await this.support.userIdByEmail(viewer.tenantId, input.user.email, 'email');
    requireActive(task);
    if (!(await this.tasks.removeTaskUserLink(task.id, userId, 'participant'))) return;
    await this.tasks.touch(task);
    await this.support.audit(viewer, task, 'task-involvement-removed', { involvedUserId: userId });
  }
}
