import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import type { GroupMember } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { GroupView } from './group.view.js';

export interface ListAvailableGroupsInput extends GroupActorInput {
  readonly member: GroupMember;
  /** Case-insensitive substring of the title. */
  readonly title?: string;
  readonly offset?: number;
  /** Default and maximum 1000. */
  readonly limit?: number;
}

/**
 * Groups the member could still join (pm4 `group_members_available`): not already a direct
 * member; for a group, only functional groups that are neither itself nor below it. By title.
 * An unknown member is ORG.USER_NOT_FOUND / ORG.GROUP_NOT_FOUND rather than a list of everything.
 */
@Injectable()
export class ListAvailableGroups {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListAvailableGroupsInput): Promise<{ total: number; items: GroupView[] }> {
    const tenantId = groupTenant(input);
    const { member } = input;
    if (member.type === 'user') {
      if ((await this.identity.existingUserIds(tenantId, [member.id])).length === 0) throw GroupErrors.userNotFound(member.id);
    } else if (!(await this.groups.view(member.id, tenantId))) {
      throw GroupErrors.notFound(member.id, 'memberGroupId');
    }
    const ids = await this.groups.availableGroupIds(tenantId, member);
    return this.groups.list({ tenantId, ids, title: input.title, offset: input.offset, limit: input.limit ?? 1000 });
  }
}
