import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { assertCanNest, assertHoldsAll, type GroupMember, type MembershipRole } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { MembershipView } from './group.view.js';

export interface AddGroupMemberInput extends GroupActorInput {
  readonly groupId: string;
  /** A user, or (functional groups only) another group of the tenant. */
  readonly member: GroupMember;
  /** Questetra's membership role; default STAFF. */
  readonly role?: MembershipRole;
  readonly description?: string | null;
}

/**
 * Adds a member. A user must exist in the tenant (INACTIVE and VACATION users may join); a group
 * member must not close a cycle; joining a system group grants its capabilities, so the actor
 * must hold them all. Already a member: ORG.MEMBER_ALREADY_IN_GROUP.
 */
@Injectable()
export class AddGroupMember {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: AddGroupMemberInput): Promise<MembershipView> {
    const tenantId = groupTenant(input);
    const { member } = input;
    if (member.type === 'group') await this.groups.lockGraph(tenantId);
    const group = await this.groups.lockRow(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    if (member.type === 'user') {
      if ((await this.identity.existingUserIds(tenantId, [member.id])).length === 0) throw GroupErrors.userNotFound(member.id);
      if (group.kind === 'system') {
        assertHoldsAll(input.actor.permissions, (await this.groups.capabilities(group.id)).map((c) => c.name));
      }
    } else {
      if (member.id === group.id) throw GroupErrors.selfMember(group.id, 'memberGroupId');
      const child = await this.groups.lockRow(member.id, tenantId);
      if (!child) throw GroupErrors.notFound(member.id, 'memberGroupId');
      assertCanNest(group, child, await this.groups.ancestorsOf(group.id), 'memberGroupId');
    }
    if (await this.groups.findMembership(group.id, member)) throw GroupErrors.alreadyMember(member.type, member.id);
    const id = await this.groups.insertMembership(tenantId, group.id, member, input.role ?? 'STAFF', input.description ?? null);
    await this.bus.publish('org-structure.membership.changed', { scope: 'group', groupId: group.id, memberType: member.type, memberId: member.id, change: 'added' }, tenantId);
    return (await this.groups.membership(id, tenantId))!;
  }
}
