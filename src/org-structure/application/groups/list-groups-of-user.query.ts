import { Injectable } from '@nestjs/common';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { ORG_ADMIN } from '../org-admin.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { GroupView } from './group.view.js';
import { hasPermission } from '../../../identity/index.js';

export interface ListGroupsOfUserInput extends GroupActorInput {
  readonly userId: string;
  /** Default true: also the groups containing the user's groups. */
  readonly inherited?: boolean;
  /** Default false: INACTIVE groups are listed, and the walk passes through them. */
  readonly activeOnly?: boolean;
}

/** A user's groups, each marked direct or inherited, by title. Admins ask about anyone; users about themselves. */
@Injectable()
export class ListGroupsOfUser {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: ListGroupsOfUserInput): Promise<Array<GroupView & { direct: boolean }>> {
    const self = input.userId === input.actor.userId && (input.tenantId ?? input.actor.tenantId) === input.actor.tenantId;
    const tenantId = groupTenant(input, self && !hasPermission(input.actor, ...ORG_ADMIN) ? 'member' : 'admin');
    const found = (await this.groups.groupsOfUser(input.userId, tenantId, input.activeOnly ?? false)).filter((g) => input.inherited !== false || g.direct);
    if (found.length === 0) return [];
    const direct = new Map(found.map((g) => [g.id, g.direct]));
    const views = await this.groups.views([...direct.keys()], tenantId);
    return views
      .map((v) => ({ ...v, direct: direct.get(v.id) ?? false }))
      .sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || Number(a.id) - Number(b.id));
  }
}
