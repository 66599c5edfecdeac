import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { IdentityLinkRepository, type LinkFamily, type LinkOwner } from '../../infrastructure/identity-link.repository.js';
import { type ResolvedTarget, type RuntimeTarget, RuntimeTargets } from '../variables/runtime-target.js';
import { type IdentityLinkView, linkView } from './identity-link.view.js';

export interface ListIdentityLinksInput {
  readonly actor: Principal;
  readonly target: RuntimeTarget;
  /** users or groups only; absent: both. */
  readonly family?: LinkFamily;
}

export function linkOwner(t: ResolvedTarget): LinkOwner {
  return t.taskId !== null ? { kind: 'task', tenantId: t.tenantId, taskId: t.taskId } : { kind: 'instance', tenantId: t.tenantId, instanceId: t.instanceId! };
}

/**
 * The identity links of a process instance or a task. A task's list starts with its assignee and
 * owner as links of those types (Activiti's task identity links), then candidates, participants and
 * custom types; users before groups.
 */
@Injectable()
export class ListIdentityLinks {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly links: IdentityLinkRepository,
  ) {}

  async execute(input: ListIdentityLinksInput): Promise<IdentityLinkView[]> {
    const target = await this.targets.readable(input.actor, input.target);
    const out: IdentityLinkView[] = [];
    if (target.taskId !== null && input.family !== 'groups') {
      const people = await this.links.taskPeople(target.tenantId, target.taskId);
      if (people.assigneeId) out.push(linkView('users', people.assigneeId, 'assignee'));
      if (people.ownerId) out.push(linkView('users', people.ownerId, 'owner'));
    }
    for (const row of await this.links.list(linkOwner(target), input.family)) {
      out.push(row.userId !== null ? linkView('users', row.userId, row.type) : linkView('groups', row.groupId!, row.type));
    }
    return out;
  }
}
