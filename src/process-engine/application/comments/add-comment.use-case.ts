import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { CommentRepository } from '../../infrastructure/comment.repository.js';
import { IdentityLinkRepository } from '../../infrastructure/identity-link.repository.js';
import { type RuntimeTarget, RuntimeTargets } from '../variables/runtime-target.js';
import { type CommentView, withAuthors } from './comment.view.js';

export interface AddCommentInput {
  readonly actor: Principal;
  readonly target: RuntimeTarget;
  readonly message: string;
}

export const MAX_COMMENT = 4000;

/**
 * Comments on a running process instance or an open task: 1 to 4,000 characters (blank is
 * refused; the text is kept as written). The author becomes involved as APS does: a 'participant'
 * link on the process instance (on the task itself when it is standalone), unless there is one.
 */
@Injectable()
export class AddComment {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly comments: CommentRepository,
    private readonly links: IdentityLinkRepository,
    private readonly identity: IdentityApi,
  ) {}

  @Transactional()
  async execute(input: AddCommentInput): Promise<CommentView> {
    const target = await this.targets.writable(input.actor, input.target);
    if (input.message.trim() === '' || input.message.length > MAX_COMMENT) throw EngineErrors.commentMessage(input.message.trim() === '' ? 0 : input.message.length);
    const row = await this.comments.insert({
      tenantId: target.tenantId,
      instanceId: target.instanceId,
      taskId: target.taskId,
      message: input.message,
      createdBy: input.actor.userId,
    });
    await this.comments.audit({ tenantId: target.tenantId, instanceId: target.instanceId, taskId: target.taskId, userId: input.actor.userId, comment: row });
    const owner =
      target.instanceId !== null
        ? { kind: 'instance' as const, tenantId: target.tenantId, instanceId: target.instanceId }
        : { kind: 'task' as const, tenantId: target.tenantId, taskId: target.taskId! };
    await this.links.add(owner, 'users', input.actor.userId, 'participant');
    return (await withAuthors(this.identity, target.tenantId, [row]))[0]!;
  }
}
