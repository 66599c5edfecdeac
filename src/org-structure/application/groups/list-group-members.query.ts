import { Injectable } from '@nestjs/common';
import { IdentityApi, type UserSummary } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupAccess, type GroupActorInput, groupTenant } from './group-access.js';

export interface ListGroupMembersInput extends GroupActorInput {
  readonly groupId: string;
  readonly access?: GroupAccess;
  /** Also users of ACTIVE nested groups (parents and group members); an INACTIVE group then has none. */
  readonly nested?: boolean;
  /** Case-insensitive substring of first name, last name or username. */
  readonly filter?: string;
  readonly offset?: number;
  /** Default and maximum 1000. */
  readonly limit?: number;
}

/** Users who are members, ordered by username; counted and paged in SQL. */
@Injectable()
export class ListGroupMembers {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListGroupMembersInput): Promise<{ total: number; items: UserSummary[] }> {
    const tenantId = groupTenant(input, input.access);
    const group = await this.groups.view(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    const ids = input.nested ? await this.groups.nestedUserIds(group.id, tenantId) : await this.groups.directUserIds(group.id);
    return this.identity.userSummaries({ tenantId, includeIds: ids, filter: input.filter, offset: input.offset, limit: input.limit });
  }
}
