import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommitInvalidatedCache } from '../../libs/platform/cache/commit-invalidated-cache.js';
import { DatabaseNotifications } from '../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../libs/platform/transaction/unit-of-work.js';
import { ResolveWorkspace } from './application/tenants/resolve-workspace.query.js';
import { OrganizationMembers } from './application/users/organization-members.js';
import { ProfileGroupsQuery } from './application/users/profile-groups.query.js';
import { ProfilePicturesQuery } from './application/users/profile-pictures.query.js';
import { UserOrgInfoQuery } from './application/users/user-org-info.query.js';
import type { OrganizationMemberSource } from './domain/organization-member-source.js';
import type { PictureSource } from './domain/picture-source.js';
import type { ProfileGroupsSource } from './domain/profile-groups.js';
import type { UserOrgInfoSource } from './domain/user-org-info.js';
import { type GrantSource, PrincipalLoader } from './infrastructure/principal.loader.js';
import { type UserSummary, UserRepository } from './infrastructure/user.repository.js';

export type { UserSummary };

export interface UserSummaryCriteria {
  readonly tenantId: string;
  /** Only these users (a group's members); an empty list matches nobody. */
  readonly includeIds?: readonly string[];
  /** Everyone but these users (those not yet members). */
  readonly excludeIds?: readonly string[];
  /** Case-insensitive substring of first name, last name or username. */
  readonly filter?: string;
  readonly sort?: 'username' | 'id';
  readonly offset?: number;
  /** At most 1000. */
  readonly limit?: number;
}

/** Cached answer for an id that names no live user of the tenant. */
const NO_USER = Object.freeze({}) as UserSummary;

/** The identity context's facade: what other contexts may ask of it. */
@Injectable()
export class IdentityApi implements OnModuleInit {
  /**
   * Light users by tenant and id, for the people that engine JSON shows on every task and instance:
   * kept exact like the principal cache (emptied by every commit of this node that wrote the
   * identity schema, and by `NOTIFY meridian_auth`, which the triggers on identity.users send).
   */
  private readonly summaryCache: CommitInvalidatedCache<string, UserSummary>;

  constructor(
    private readonly principals: PrincipalLoader,
    private readonly workspaces: ResolveWorkspace,
    private readonly users: UserRepository,
    private readonly uow: UnitOfWork,
    private readonly orgInfo: UserOrgInfoQuery,
    private readonly organizations: OrganizationMembers,
    private readonly profileGroups: ProfileGroupsQuery,
    private readonly profilePictures: ProfilePicturesQuery,
    notifications: DatabaseNotifications,
  ) {
    this.summaryCache = new CommitInvalidatedCache(uow, notifications, 'meridian_auth', { max: 50_000, ttlMs: 60_000, schemas: ['identity'] });
  }

  async onModuleInit(): Promise<void> {
    await this.summaryCache.listen();
  }

  /** org-structure registers the capabilities its system groups grant to their members. */
  registerGrantSource(source: GrantSource): void {
    this.principals.registerGrantSource(source);
  }

  /** org-structure registers where users sit in the organization (ProcessMaker's dep_uid and usr_reports_to). */
  registerUserOrgInfoSource(source: UserOrgInfoSource): void {
    this.orgInfo.register(source);
  }

  /** org-structure answers who belongs to an organization, for user lists filtered by one. */
  registerOrganizationMemberSource(source: OrganizationMemberSource): void {
    this.organizations.register(source);
  }

  /** org-structure answers which groups a user's profile shows (aps `GET profile` → `groups`). */
  registerProfileGroupsSource(source: ProfileGroupsSource): void {
    this.profileGroups.register(source);
  }

  /** content answers which picture a user has and which logo a tenant has (aps `GET profile` → `pictureId`, `tenantPictureId`). */
  registerPictureSource(source: PictureSource): void {
    this.profilePictures.register(source);
  }

  /** Users of the tenant → the content id of their picture (the aps light user's `pictureId`); none registered or none set: left out. */
  pictureIds(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.profilePictures.pictureIds(tenantId, userIds);
  }

  /** ProcessMaker 3's `{workspace}` → tenant id; unknown: IDENTITY.WORKSPACE_NOT_FOUND. */
  tenantIdOfWorkspace(key: string): Promise<string> {
    return this.workspaces.execute(key);
  }

  /** Whether a tenant with this id exists (content: a tenant's logo). */
  async tenantExists(tenantId: string): Promise<boolean> {
    const rows = await this.uow.query(`SELECT 1 FROM identity.tenants WHERE id = $1::bigint`, [tenantId]);
    return rows.length > 0;
  }

  /** The ids among `ids` that name live (not deleted) users of the tenant. */
  async existingUserIds(tenantId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const tenants = await this.users.tenantsOf(ids);
    return [...tenants].filter(([, tenant]) => tenant === tenantId).map(([id]) => id);
  }

  /** Live users of a tenant, filtered, sorted, paged and counted in SQL. */
  async userSummaries(c: UserSummaryCriteria): Promise<{ total: number; items: UserSummary[] }> {
    const page = await this.users.list({
      tenantId: c.tenantId,
      includeIds: c.includeIds,
      excludeIds: c.excludeIds,
      text: c.filter ? { value: c.filter, fields: ['firstName', 'lastName', 'username'] } : undefined,
      sort: { field: c.sort ?? 'username', direction: 'asc' },
      offset: c.offset,
      limit: c.limit ?? 1000,
    });
    return {
      total: page.total,
      items: page.items.map((u) => ({
        id: u.id,
        username: u.username,
        firstName: u.firstName,
        lastName: u.lastName,
        email: u.email,
        status: u.status,
        externalId: u.externalId,
        company: u.company,
        lastSyncAt: u.lastSyncAt,
        createdAt: u.createdAt,
        updatedAt: u.updatedAt,
      })),
    };
  }

  /** Capabilities that system groups may carry (identity.permissions of kind `capability`), by code. */
  async capabilities(): Promise<Array<{ code: string; name: string }>> {
    return (await this.uow.query(
      `SELECT code, name FROM identity.permissions WHERE kind = 'capability' ORDER BY id`,
    )) as { code: string; name: string }[];
  }

  /** Users of the tenant (not deleted) with these ids, ordered by username; ids not found are left out. */
  userSummariesByIds(tenantId: string, ids: readonly string[]): Promise<UserSummary[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.users.summaries(tenantId, { ids });
  }

  /**
   * The same users keyed by id (repeats are fine): how pages resolve their people. Served from
   * memory while nothing can have changed them (see `summaryCache`); one query for all the others.
   */
  async userSummariesById(tenantId: string, ids: Iterable<string>): Promise<Map<string, UserSummary>> {
    const unique = [...new Set(ids)];
    const byKey = await this.summaryCache.getMany(
      unique.map((id) => `${tenantId}:${id}`),
      async (missing) => {
        const users = await this.userSummariesByIds(tenantId, missing.map((key) => key.slice(tenantId.length + 1)));
        return new Map(users.map((u) => [`${tenantId}:${u.id}`, u]));
      },
      NO_USER,
    );
    const found = new Map<string, UserSummary>();
    for (const id of unique) {
      const user = byKey.get(`${tenantId}:${id}`);
      if (user && user !== NO_USER) found.set(id, user);
    }
    return found;
  }

  /**
   * Resolves references to users of the tenant as BPMN models write them (design.md §8: a user
   * id, a username or an email, case-insensitively): answers reference → user id for those found.
   * Deleted users are not found. One query for any number of references.
   */
  async userIdsByReference(tenantId: string, refs: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (refs.length === 0) return found;
    const rows = await this.uow.query<{ ref: string; id: string }>(
      `SELECT r.ref, u.id::text AS id
         FROM unnest($2::text[]) AS r(ref)
         JOIN LATERAL (
           SELECT u.id FROM identity.users u
            WHERE u.tenant_id = $1 AND u.deleted_at IS NULL
              AND (u.id = CASE WHEN r.ref ~ '^[0-9]{1,18}$' THEN r.ref::bigint END OR lower(u.username) = lower(r.ref) OR lower(u.email) = lower(r.ref))
            ORDER BY (u.id::text = r.ref) DESC, u.id
            LIMIT 1) u ON true`,
      [tenantId, [...new Set(refs)]],
    );
    for (const row of rows) found.set(row.ref, row.id);
    return found;
  }

  /** Every user of the tenant (not deleted) except these, ordered by username. */
  userSummariesExcept(tenantId: string, excludeIds: readonly string[]): Promise<UserSummary[]> {
    return this.users.summaries(tenantId, { excludeIds });
  }
}
