import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupErrors } from '../../domain/group.errors.js';
import type { GroupMember } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';

/** By group and member (pm3, aps), or by the membership's own id (pm4 `group_members/{id}`). */
export type RemoveGroupMemberInput = GroupActorInput &
  ({ readonly groupId: string; readonly member: GroupMember } | { readonly membershipId: string });

@Injectable()
export class RemoveGroupMember {
  constructor(
    private readonly groups: GroupRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: RemoveGroupMemberInput): Promise<void> {
    const tenantId = groupTenant(input);
    let membership;
    if ('membershipId' in input) {
      membership = await this.groups.membership(input.membershipId, tenantId);
      if (!membership) throw GroupErrors.membershipNotFound(input.membershipId);
    } else {
      const group = await this.groups.lockRow(input.groupId, tenantId);
      if (!group) throw GroupErrors.notFound(input.groupId);
      membership = await this.groups.findMembership(group.id, input.member);
      if (!membership) throw GroupErrors.notMember(input.member.type, input.member.id);
    }
    await this.groups.deleteMembership(membership.id);
    await this.bus.publish(
      'org-structure.membership.changed',
      { scope: 'group', groupId: membership.groupId, memberType: membership.memberType, memberId: membership.memberId, change: 'removed' },
      tenantId,
    );
  }
}
