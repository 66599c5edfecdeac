import { Injectable } from '@nestjs/common';
import { GroupRepository } from '../../infrastructure/group.repository.js';

/**
 * Membership questions the engine asks now (through OrgStructureApi), one recursive query each.
 * INACTIVE groups are not candidates: membersOf neither starts from nor passes through one, and
 * groupsOf (with its default) leaves them out the same way, so the two answers always agree.
 */
@Injectable()
export class GroupMembershipQuery {
  constructor(private readonly groups: GroupRepository) {}

  /** Users in the group or any ACTIVE group nested in it (parent edges and group members). */
  membersOf(tenantId: string, groupId: string): Promise<string[]> {
    return this.groups.nestedUserIds(groupId, tenantId);
  }

  /** The ids among `ids` that name groups of the tenant (any kind or status). */
  async existing(tenantId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await this.groups.views(ids, tenantId)).map((g) => g.id);
  }

  /** ACTIVE groups the user belongs to, directly or through nesting. */
  groupsOf(tenantId: string, userId: string): Promise<Array<{ id: string; direct: boolean }>> {
    return this.groups.groupsOfUser(userId, tenantId, true);
  }
}
