import { Injectable } from '@nestjs/common';
import { ManagerOfUserQuery } from './application/departments/manager-of-user.query.js';
import { GroupMembershipQuery } from './application/groups/group-membership.query.js';
import { GroupRepository } from './infrastructure/group.repository.js';

/** The org-structure context's facade: what the engine asks when it assigns work. */
@Injectable()
export class OrgStructureApi {
  constructor(
    private readonly groups: GroupMembershipQuery,
    private readonly managers: ManagerOfUserQuery,
    private readonly groupRows: GroupRepository,
  ) {}

  /**
   * Resolves candidate-group references as BPMN models write them (design.md §8: a group id or
   * its name, case-insensitively) to ACTIVE groups of the tenant: reference → group id for those found.
   */
  groupIdsByReference(tenantId: string, refs: readonly string[]): Promise<Map<string, string>> {
    return this.groupRows.idsByReference(tenantId, refs);
  }

  /** Users in the group or in any group nested in it. */
  membersOfGroup(tenantId: string, groupId: string): Promise<string[]> {
    return this.groups.membersOf(tenantId, groupId);
  }

  /** The ids among `ids` that name groups of the tenant (any kind or status): links to groups check them. */
  existingGroupIds(tenantId: string, ids: readonly string[]): Promise<string[]> {
    return this.groups.existing(tenantId, ids);
  }

  /** The groups of a user, direct and inherited. */
  groupsOfUser(tenantId: string, userId: string): Promise<Array<{ id: string; direct: boolean }>> {
    return this.groups.groupsOf(tenantId, userId);
  }

  /** Whom the user reports to (department manager, or the parent department's manager for a manager). */
  managerOfUser(tenantId: string, userId: string): Promise<string | null> {
    return this.managers.managerOf(tenantId, userId);
  }

  /**
   * Groups of the tenant by id as task JSON shows them (aps light groups), with their manager:
   * one query for any number of ids; ids not found are left out.
   */
  async groupSummariesByIds(
    tenantId: string,
    ids: readonly string[],
  ): Promise<Array<{ id: string; name: string; externalId: string | null; status: 'ACTIVE' | 'INACTIVE'; managerId: string | null }>> {
    if (ids.length === 0) return [];
    return (await this.groupRows.views([...new Set(ids)], tenantId)).map((g) => ({
      id: g.id,
      name: g.title,
      externalId: g.externalId,
      status: g.status,
      managerId: g.managerId,
    }));
  }
}
