import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { IdentityLinkRepository } from '../../infrastructure/identity-link.repository.js';
import { RuntimeTargets } from '../variables/runtime-target.js';
import { type IdentityLinkKey, TASK_PERSON_TYPES } from './identity-link.view.js';
import { linkOwner } from './list-identity-links.query.js';

export interface DeleteIdentityLinkInput extends IdentityLinkKey {
  readonly actor: Principal;
}

/**
 * Removes an identity link of a running process instance or an open task: 404 when there is no
 * such link, 400 for a task's assignee or owner (the task actions change those).
 */
@Injectable()
export class DeleteIdentityLink {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly links: IdentityLinkRepository,
  ) {}

  @Transactional()
  async execute(input: DeleteIdentityLinkInput): Promise<void> {
    const target = await this.targets.writable(input.actor, input.target);
    if (target.taskId !== null && TASK_PERSON_TYPES.includes(input.type)) throw EngineErrors.identityLinkTypeReserved(input.type);
    if (!(await this.links.remove(linkOwner(target), input.family, input.identityId, input.type))) {
      throw EngineErrors.identityLinkNotFound(input.family === 'users' ? 'user' : 'group', input.identityId, input.type);
    }
    await this.links.audit({
      tenantId: target.tenantId,
      instanceId: target.instanceId,
      taskId: target.taskId,
      userId: input.actor.userId,
      change: 'removed',
      family: input.family,
      identityId: input.identityId,
      type: input.type,
    });
  }
}
