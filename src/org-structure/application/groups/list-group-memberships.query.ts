import { Injectable } from '@nestjs/common';
import type { GroupMember } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupAccess, type GroupActorInput, groupTenant } from './group-access.js';
import type { MembershipView } from './group.view.js';

export interface ListGroupMembershipsInput extends GroupActorInput {
  /** Default `admin`; `member` for directory lookups open to every user (Questetra's RoleMembership/list). */
  readonly access?: GroupAccess;
  readonly groupId?: string;
  readonly member?: GroupMember;
  /** Only user or only group members. */
  readonly memberType?: GroupMember['type'];
  readonly offset?: number;
  readonly limit?: number;
}

/** Membership rows (pm4 `group_members`), by id; filtered by group and/or member. Admin only unless `access` says otherwise. */
@Injectable()
export class ListGroupMemberships {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: ListGroupMembershipsInput): Promise<{ total: number; items: MembershipView[] }> {
    const tenantId = groupTenant(input, input.access);
    return this.groups.memberships({ tenantId, groupId: input.groupId, member: input.member, memberType: input.memberType, offset: input.offset, limit: input.limit });
  }
}
