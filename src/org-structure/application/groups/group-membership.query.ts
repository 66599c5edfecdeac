import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommitInvalidatedCache } from '../../../../libs/platform/cache/commit-invalidated-cache.js';
import { DatabaseNotifications } from '../../../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';

type GroupsOfUser = ReadonlyArray<{ readonly id: string; readonly direct: boolean }>;

/**
 * Membership questions the engine asks now (through OrgStructureApi), one recursive query each.
 * INACTIVE groups are not candidates: membersOf neither starts from nor passes through one, and
 * groupsOf (with its default) leaves them out the same way, so the two answers always agree.
 *
 * groupsOf runs on every task list and completion (the caller's visibility), so its answers are
 * kept in memory, exact like the principal cache: emptied by every commit of this node that wrote
 * the org_structure schema and by `NOTIFY meridian_org`, which the triggers on groups and
 * group_members send at the commit of any writer.
 */
@Injectable()
export class GroupMembershipQuery implements OnModuleInit {
  private readonly groupsOfCache: CommitInvalidatedCache<string, GroupsOfUser>;

  constructor(
    private readonly groups: GroupRepository,
    uow: UnitOfWork,
    notifications: DatabaseNotifications,
  ) {
    this.groupsOfCache = new CommitInvalidatedCache(uow, notifications, 'meridian_org', { max: 50_000, ttlMs: 60_000, schemas: ['org_structure'] });
  }

  async onModuleInit(): Promise<void> {
    await this.groupsOfCache.listen();
  }

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
  async groupsOf(tenantId: string, userId: string): Promise<Array<{ id: string; direct: boolean }>> {
    const key = `${tenantId}:${userId}`;
    const cached = this.groupsOfCache.get(key);
    if (cached) return cached.map((g) => ({ ...g }));
    const ticket = this.groupsOfCache.begin();
    const found = await this.groups.groupsOfUser(userId, tenantId, true);
    this.groupsOfCache.setIfCurrent(ticket, key, Object.freeze(found.map((g) => Object.freeze({ ...g }))));
    return found;
  }
}
