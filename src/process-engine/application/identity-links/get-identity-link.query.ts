import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { IdentityLinkRepository } from '../../infrastructure/identity-link.repository.js';
import { RuntimeTargets } from '../variables/runtime-target.js';
import { type IdentityLinkKey, type IdentityLinkView, linkView, TASK_PERSON_TYPES } from './identity-link.view.js';
import { linkOwner } from './list-identity-links.query.js';

export interface GetIdentityLinkInput extends IdentityLinkKey {
  readonly actor: Principal;
}

/** One identity link by family, identity and type; ENGINE.IDENTITY_LINK_NOT_FOUND when there is none. */
@Injectable()
export class GetIdentityLink {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly links: IdentityLinkRepository,
  ) {}

  async execute(input: GetIdentityLinkInput): Promise<IdentityLinkView> {
    const target = await this.targets.readable(input.actor, input.target);
    if (target.taskId !== null && input.family === 'users' && TASK_PERSON_TYPES.includes(input.type)) {
      const people = await this.links.taskPeople(target.tenantId, target.taskId);
      const holder = input.type === 'assignee' ? people.assigneeId : people.ownerId;
      if (holder === input.identityId) return linkView('users', holder, input.type);
    } else if (await this.links.find(linkOwner(target), input.family, input.identityId, input.type)) {
      return linkView(input.family, input.identityId, input.type);
    }
    throw EngineErrors.identityLinkNotFound(input.family === 'users' ? 'user' : 'group', input.identityId, input.type);
  }
}
