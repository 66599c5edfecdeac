import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommitInvalidatedCache } from '../../../../libs/platform/cache/commit-invalidated-cache.js';
import { DatabaseNotifications } from '../../../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type UserOrgInfo, type UserOrgInfoSource } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';

const NONE: UserOrgInfo = { departmentId: null, reportsTo: null };

/** Tells identity each user's department and manager (ProcessMaker's dep_uid and usr_reports_to). */
@Injectable()
export class DepartmentUserOrgInfoSource implements UserOrgInfoSource, OnModuleInit {
  /** Every user list shows these, so they are kept in memory until a commit or NOTIFY can have changed them. */
  private readonly cache: CommitInvalidatedCache<string, UserOrgInfo>;

  constructor(
    private readonly identity: IdentityApi,
    private readonly departments: DepartmentRepository,
    uow: UnitOfWork,
    notifications: DatabaseNotifications,
  ) {
    this.cache = new CommitInvalidatedCache(uow, notifications, 'meridian_org', { max: 50_000, ttlMs: 60_000, schemas: ['identity', 'org_structure'] });
  }

  async onModuleInit(): Promise<void> {
    this.identity.registerUserOrgInfoSource(this);
    await this.cache.listen();
  }

  async orgInfoOf(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, UserOrgInfo>> {
    const keys = userIds.map((id) => `${tenantId}:${id}`);
    const byKey = await this.cache.getMany(
      keys,
      async (missing) => {
        const ids = missing.map((k) => k.slice(tenantId.length + 1));
        const found = await this.departments.orgInfoOf(tenantId, ids);
        return new Map([...found].map(([id, info]) => [`${tenantId}:${id}`, info]));
      },
      NONE,
    );
    return new Map(userIds.map((id) => [id, byKey.get(`${tenantId}:${id}`) ?? NONE]));
  }
}
