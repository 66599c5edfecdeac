import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { CommitInvalidatedCache } from '../../../libs/platform/cache/commit-invalidated-cache.js';
import { DatabaseNotifications } from '../../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../domain/principal.js';
import type { UserStatus } from '../domain/user-status.js';
import { type AccessTokenRef, accessTokenDeniedSql } from './oauth/oauth-token.repository.js';

/**
 * Another context (org-structure) adds permissions granted through group membership. Its writes
 * that change such grants must move identity.grant_epoch (as the triggers on role_permissions do),
 * or cached permission sets will not see them.
 */
export interface GrantSource {
  grantsOf(userId: string, tenantId: string): Promise<readonly string[]>;
}

export interface PrincipalRow {
  readonly id: string;
  readonly tenantId: string;
  readonly tenantKey: string;
  readonly tenantActive: boolean;
  readonly username: string;
  readonly email: string | null;
  readonly status: UserStatus;
  readonly roleStatus: 'ACTIVE' | 'INACTIVE' | null;
  readonly credentialVersion: number;
  /** ProcessMaker's usr_due_date: after it the account cannot sign in. */
  readonly expired: boolean;
  readonly permissions: ReadonlySet<string>;
}

/** The user's row with what decides whether they may enter, and the epoch of grants (cheap: key lookups). */
const PRINCIPAL_SQL = `
  SELECT u.id::text AS "id", u.tenant_id::text AS "tenantId", t.key AS "tenantKey", t.active AS "tenantActive",
         u.username AS "username", u.email AS "email", u.status AS "status", r.status AS "roleStatus",
         u.role_id::text AS "roleId", u.credential_version AS "credentialVersion",
         (u.due_date IS NOT NULL AND u.due_date < current_date) AS "expired",
         (SELECT value::text FROM identity.grant_epoch WHERE id = 1) AS "grantEpoch"
    FROM identity.users u
    JOIN identity.tenants t ON t.id = u.tenant_id
    LEFT JOIN identity.roles r ON r.id = u.role_id
   WHERE u.deleted_at IS NULL AND `;

const PERMISSIONS_SQL = `
  SELECT p.code FROM identity.role_permissions rp
    JOIN identity.permissions p ON p.id = rp.permission_id
    JOIN identity.roles r ON r.id = rp.role_id
   WHERE rp.role_id = $1 AND r.status = 'ACTIVE'
  UNION
  SELECT p.code FROM identity.user_authorities ua JOIN identity.permissions p ON p.id = ua.permission_id
   WHERE ua.user_id = $2`;

type UserRow = Omit<PrincipalRow, 'permissions'> & { readonly roleId: string | null; readonly grantEpoch: string };

type CachedRow = UserRow & { readonly permissions: ReadonlySet<string> };

/** PRINCIPAL_SQL for a bearer token: whether the token is revoked comes back in the same row. */
const PRINCIPAL_FOR_TOKEN_SQL = `${PRINCIPAL_SQL.replace(
  'AS "grantEpoch"',
  `AS "grantEpoch", ${accessTokenDeniedSql('$2', '$3', '$4', 'u.tenant_id')} AS "revoked"`,
)} u.id = $1`;

const NOT_REVOKED = {};

/**
 * Builds the caller's principal: user, tenant, role permissions and authorities.
 *
 * Authenticated requests are the hot path, so rows are kept in memory (CommitInvalidatedCache) and
 * served without a query while nothing can have changed them: every commit on this node empties
 * the caches at once, and the database triggers' `NOTIFY meridian_auth` at the commit of any other
 * writer (another node, SQL by hand) empties them within milliseconds.
 */
@Injectable()
export class PrincipalLoader implements OnModuleInit {
  private readonly grantSources: GrantSource[] = [];
  private readonly permissionCache = new LRUCache<string, ReadonlySet<string>>({ max: 20_000 });
  private readonly rows: CommitInvalidatedCache<string, CachedRow>;
  /**
   * Token ids seen not revoked, their client then still existing and not rotated since: a change to
   * oauth_clients (delete, secret rotation) empties the caches like any other.
   */
  private readonly notRevoked: CommitInvalidatedCache<string, object>;

  constructor(
    private readonly uow: UnitOfWork,
    notifications: DatabaseNotifications,
  ) {
    this.rows = new CommitInvalidatedCache(uow, notifications, 'meridian_auth', { max: 20_000, ttlMs: 60_000, schemas: ['identity', 'org_structure'] });
    this.notRevoked = new CommitInvalidatedCache(uow, notifications, 'meridian_auth', { max: 100_000, ttlMs: 60_000, schemas: ['identity', 'org_structure'] });
  }

  async onModuleInit(): Promise<void> {
    await this.rows.listen();
    await this.notRevoked.listen();
  }

  registerGrantSource(source: GrantSource): void {
    this.grantSources.push(source);
  }

  async rowById(userId: string): Promise<PrincipalRow | undefined> {
    const cached = this.rows.get(userId);
    if (cached) return cached;
    const ticket = this.rows.begin();
    const rows = (await this.uow.query(`${PRINCIPAL_SQL} u.id = $1`, [userId])) as UserRow[];
    if (!rows[0]) return undefined;
    const row = await this.withPermissions(rows[0]);
    this.rows.setIfCurrent(ticket, userId, row);
    return row;
  }

  /**
   * The same, for a bearer token: whether it was revoked (denylist, client deleted or its secret
   * rotated since) comes back in the same round trip, so an authenticated request costs one query
   * before its own work, and none while the caches hold.
   */
  async rowByIdForToken(userId: string, token: AccessTokenRef): Promise<(PrincipalRow & { revoked: boolean }) | undefined> {
    const cached = this.notRevoked.get(token.jti) ? this.rows.get(userId) : undefined;
    if (cached) return { ...cached, revoked: false };
    const rowTicket = this.rows.begin();
    const tokenTicket = this.notRevoked.begin();
    const rows = (await this.uow.query(PRINCIPAL_FOR_TOKEN_SQL, [userId, token.jti, token.clientId, token.issuedAt])) as (UserRow & { revoked: boolean })[];
    if (!rows[0]) return undefined;
    const { revoked, ...user } = rows[0];
    const row = await this.withPermissions(user);
    this.rows.setIfCurrent(rowTicket, userId, row);
    if (!revoked) this.notRevoked.setIfCurrent(tokenTicket, token.jti, NOT_REVOKED);
    return { ...row, revoked };
  }

  /**
   * A user's permission set changes only with their role, its status or the grant epoch, so it is
   * cached under exactly those: the per-request cost is the key lookups of PRINCIPAL_SQL.
   */
  private async withPermissions<R extends UserRow>(row: R): Promise<R & { permissions: ReadonlySet<string> }> {
    const key = `${row.id}:${row.roleId ?? ''}:${row.roleStatus ?? ''}:${row.grantEpoch}`;
    let permissions = this.permissionCache.get(key);
    if (!permissions) {
      const rows = (await this.uow.query(PERMISSIONS_SQL, [row.roleId, row.id])) as { code: string }[];
      const codes = new Set(rows.map((r) => r.code));
      // Grant sources move the epoch when what they grant changes (see GrantSource), so their
      // answers are cached with the rest and asked only on a miss, not on every request.
      for (const source of this.grantSources) {
        for (const code of await source.grantsOf(row.id, row.tenantId)) codes.add(code);
      }
      permissions = codes;
      this.permissionCache.set(key, permissions);
    }
    return { ...row, permissions };
  }

  /** Login accepts the username or the e-mail address, case-insensitively. */
  async rowByLogin(login: string): Promise<(PrincipalRow & { passwordHash: string | null }) | undefined> {
    const rows = (await this.uow.query(
      `SELECT * FROM (${PRINCIPAL_SQL} (lower(u.username) = lower($1) OR lower(u.email) = lower($1))) x
         CROSS JOIN LATERAL (SELECT password_hash AS "passwordHash" FROM identity.users WHERE id = x."id"::bigint) h
         ORDER BY (lower(x."username") = lower($1)) DESC LIMIT 1`,
      [login],
    )) as (UserRow & { passwordHash: string | null })[];
    return rows[0] ? this.withPermissions(rows[0]) : undefined;
  }

  /** The permission set is the cached one, shared by every request of the user: it is never mutated. */
  toPrincipal(row: PrincipalRow, via: Principal['via'], extra: Partial<Principal> = {}): Principal {
    return {
      userId: row.id,
      tenantId: row.tenantId,
      tenantKey: row.tenantKey,
      username: row.username,
      email: row.email,
      permissions: row.permissions,
      via,
      ...extra,
    };
  }
}
