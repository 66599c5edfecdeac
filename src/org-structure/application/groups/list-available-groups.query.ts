import { Injectable } from '@nestjs/common';
import type { GroupMember } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { GroupView } from './group.view.js';

export interface ListAvailableGroupsInput extends GroupActorInput {
  readonly member: GroupMember;
}

/**
 * Groups the member could still join (pm4 `group_members_available`): not already a direct
 * member; for a group, only functional groups that are neither itself nor below it. By title.
 */
@Injectable()
export class ListAvailableGroups {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: ListAvailableGroupsInput): Promise<GroupView[]> {
    const tenantId = groupTenant(input);
    const ids = await this.groups.availableGroupIds(tenantId, input.member);
    return (await this.groups.list({ tenantId, ids, limit: 1000 })).items;
  }
}
