import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { CommentRepository } from '../../infrastructure/comment.repository.js';
import { type RuntimeTarget, RuntimeTargets } from '../variables/runtime-target.js';
import { type CommentView, withAuthors } from './comment.view.js';

export interface ListCommentsInput {
  readonly actor: Principal;
  readonly target: RuntimeTarget;
  readonly latestFirst?: boolean;
}

/**
 * Comments of a process instance (its own and those on its tasks, as Activiti's
 * getProcessInstanceComments) or of a task, oldest first unless `latestFirst`.
 */
@Injectable()
export class ListComments {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly comments: CommentRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListCommentsInput): Promise<CommentView[]> {
    const target = await this.targets.readable(input.actor, input.target);
    const owner = target.taskId !== null ? { taskId: target.taskId } : { instanceId: target.instanceId! };
    return withAuthors(this.identity, target.tenantId, await this.comments.list(target.tenantId, owner, input.latestFirst === true));
  }
}
