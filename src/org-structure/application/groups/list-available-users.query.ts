import { Injectable } from '@nestjs/common';
import { IdentityApi, type UserSummary } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';

export interface ListAvailableUsersInput extends GroupActorInput {
  readonly groupId: string;
  readonly filter?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** Users of the tenant who are not yet direct members (INACTIVE and VACATION included), by username. Admin only. */
@Injectable()
export class ListAvailableUsers {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListAvailableUsersInput): Promise<{ total: number; items: UserSummary[] }> {
    const tenantId = groupTenant(input);
    const group = await this.groups.view(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    const members = await this.groups.directUserIds(group.id);
    return this.identity.userSummaries({ tenantId, excludeIds: members, filter: input.filter, offset: input.offset, limit: input.limit });
  }
}
