import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { IdentityLinkRepository } from '../../infrastructure/identity-link.repository.js';
import { RuntimeTargets } from '../variables/runtime-target.js';
import { type IdentityLinkKey, type IdentityLinkView, linkView, TASK_PERSON_TYPES } from './identity-link.view.js';
import { linkOwner } from './list-identity-links.query.js';

export interface AddIdentityLinkInput extends IdentityLinkKey {
  readonly actor: Principal;
}

/**
 * Involves a user or a group in a running process instance or an open task. The user or group must
 * exist in the caller's tenant (400 naming `user` or `group` otherwise). Adding a link that exists
 * is not an error: the answer is the same link and nothing is written (Activiti's involveUser is
 * idempotent too). A task's assignee and owner links are refused (400): claim, assign and delegate set them.
 */
@Injectable()
export class AddIdentityLink {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly links: IdentityLinkRepository,
    private readonly identity: IdentityApi,
    private readonly org: OrgStructureApi,
  ) {}

  @Transactional()
  async execute(input: AddIdentityLinkInput): Promise<IdentityLinkView> {
    const target = await this.targets.writable(input.actor, input.target);
    if (target.taskId !== null && TASK_PERSON_TYPES.includes(input.type)) throw EngineErrors.identityLinkTypeReserved(input.type);
    const exists =
      input.family === 'users'
        ? (await this.identity.existingUserIds(target.tenantId, [input.identityId])).length > 0
        : (await this.org.existingGroupIds(target.tenantId, [input.identityId])).length > 0;
    if (!exists) throw EngineErrors.identityNotFound(input.family === 'users' ? 'user' : 'group', input.identityId);
    if (await this.links.add(linkOwner(target), input.family, input.identityId, input.type)) {
      await this.links.audit({
        tenantId: target.tenantId,
        instanceId: target.instanceId,
        taskId: target.taskId,
        userId: input.actor.userId,
        change: 'added',
        family: input.family,
        identityId: input.identityId,
        type: input.type,
      });
    }
    return linkView(input.family, input.identityId, input.type);
  }
}
