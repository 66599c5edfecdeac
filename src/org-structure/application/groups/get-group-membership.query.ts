import { Injectable } from '@nestjs/common';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { MembershipView } from './group.view.js';

export interface GetGroupMembershipInput extends GroupActorInput {
  readonly membershipId: string;
}

@Injectable()
export class GetGroupMembership {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: GetGroupMembershipInput): Promise<MembershipView> {
    const tenantId = groupTenant(input);
    const found = await this.groups.membership(input.membershipId, tenantId);
    if (!found) throw GroupErrors.membershipNotFound(input.membershipId);
    return found;
  }
}
