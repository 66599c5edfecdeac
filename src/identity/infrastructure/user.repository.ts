import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { escapeLike } from '../../../libs/platform/database/escape-like.js';
import { USER_VIEW_SELECT, type UserView } from '../application/users/user.view.js';
import type { UserStatus } from '../domain/user-status.js';
import { UserEntity } from './user.entity.js';

/** What another context may show of a user (member lists): never credentials or permissions. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly status: UserStatus;
  readonly externalId: string | null;
  readonly company: string | null;
  readonly lastSyncAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type UserSortField = 'id' | 'username' | 'firstName' | 'lastName' | 'email' | 'createdAt' | 'updatedAt' | 'status';

const SORT_COLUMNS: Record<UserSortField, string> = {
  id: 'u.id',
  username: 'lower(u.username)',
  firstName: 'lower(u.first_name)',
  lastName: 'lower(u.last_name)',
  email: 'lower(u.email)',
  createdAt: 'u.created_at',
  updatedAt: 'u.updated_at',
  status: 'u.status',
};

/**
 * `displayName` is the one-string name of dialects that have no first/last split (Questetra's
 * `name`): first and last name joined by a space, or the username when both are empty.
 */
export type UserTextField = 'username' | 'firstName' | 'lastName' | 'email' | 'displayName';

export const DISPLAY_NAME_SQL = `coalesce(nullif(trim(u.first_name || ' ' || u.last_name), ''), u.username)`;

export interface UserCriteria {
  readonly tenantId: string;
  /** Case-insensitive substring over the given fields. */
  readonly text?: { readonly value: string; readonly fields: readonly UserTextField[] };
  readonly email?: string;
  readonly externalId?: { readonly value: string; readonly caseInsensitive: boolean };
  readonly statuses?: readonly UserStatus[];
  readonly excludeIds?: readonly string[];
  readonly includeIds?: readonly string[];
  readonly roleId?: string;
  readonly notRoleId?: string;
  readonly sort?: { readonly field: UserSortField; readonly direction: 'asc' | 'desc' };
  readonly offset?: number;
  readonly limit?: number;
}

/** Users are filtered, sorted, paged and counted in SQL; every value is a bound parameter. */
@Injectable()
export class UserRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private where(c: UserCriteria, params: unknown[]): string {
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const clauses = ['u.deleted_at IS NULL', `u.tenant_id = ${add(c.tenantId)}`];
    if (c.text && c.text.value !== '') {
      const p = add(`%${escapeLike(c.text.value.toLowerCase())}%`);
      const columns: Record<UserTextField, string> = {
        username: 'u.username',
        firstName: 'u.first_name',
        lastName: 'u.last_name',
        email: 'u.email',
        displayName: DISPLAY_NAME_SQL,
      };
      clauses.push(`(${c.text.fields.map((f) => `lower(coalesce(${columns[f]}, '')) LIKE ${p}`).join(' OR ')})`);
    }
    if (c.email !== undefined) clauses.push(`lower(u.email) = lower(${add(c.email)})`);
    if (c.externalId !== undefined) {
      clauses.push(
        c.externalId.caseInsensitive
          ? `lower(u.external_id) = lower(${add(c.externalId.value)})`
          : `u.external_id = ${add(c.externalId.value)}`,
      );
    }
    if (c.statuses && c.statuses.length > 0) clauses.push(`u.status = ANY(${add(c.statuses)})`);
    if (c.excludeIds && c.excludeIds.length > 0) clauses.push(`u.id <> ALL(${add(c.excludeIds)}::bigint[])`);
    if (c.includeIds) clauses.push(`u.id = ANY(${add(c.includeIds)}::bigint[])`);
    if (c.roleId !== undefined) clauses.push(`u.role_id = ${add(c.roleId)}`);
    if (c.notRoleId !== undefined) clauses.push(`u.role_id IS DISTINCT FROM ${add(c.notRoleId)}::bigint`);
    return clauses.join(' AND ');
  }

  async list(c: UserCriteria): Promise<{ total: number; items: UserView[] }> {
    const params: unknown[] = [];
    const where = this.where(c, params);
    const sort = c.sort ?? { field: 'id', direction: 'asc' };
    const order = `${SORT_COLUMNS[sort.field]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, u.id ASC`;
    const limit = Math.min(Math.max(c.limit ?? 25, 0), 1000);
    const offset = Math.max(c.offset ?? 0, 0);
    // One round trip: the page's ids with the total (a window count) are chosen on the users table
    // alone, and only those rows are then expanded into views.
    const rows = (await this.uow.query(
      `WITH page AS (
         SELECT u.id, count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS n
           FROM identity.users u WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT v.*, page.total AS "totalCount" FROM page CROSS JOIN LATERAL (${USER_VIEW_SELECT} WHERE u.id = page.id) v
        ORDER BY page.n`,
      [...params, limit, offset],
    )) as (UserView & { totalCount: string })[];
    if (rows.length > 0) {
      const total = Number(rows[0]!.totalCount);
      return { total, items: rows.map(({ totalCount: _t, ...u }) => u) };
    }
    const count = (await this.uow.query(`SELECT count(*)::int AS n FROM identity.users u WHERE ${where}`, params)) as { n: number }[];
    return { total: count[0]?.n ?? 0, items: [] };
  }

  async view(id: string, tenantId?: string): Promise<UserView | undefined> {
    const params: unknown[] = [id];
    let sql = `${USER_VIEW_SELECT} WHERE u.deleted_at IS NULL AND u.id = $1`;
    if (tenantId !== undefined) {
      params.push(tenantId);
      sql += ` AND u.tenant_id = $2`;
    }
    const rows = (await this.uow.query(sql, params)) as UserView[];
    return rows[0];
  }

  async findEntity(id: string, tenantId: string): Promise<UserEntity | null> {
    return this.uow.manager.getRepository(UserEntity).findOne({ where: { id, tenantId, deletedAt: IsNull() } });
  }

  /** The tenant of each user that exists and is not deleted (bulk operations check all ids in one query). */
  async tenantsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.uow.query(
      `SELECT id::text AS id, tenant_id::text AS "tenantId" FROM identity.users WHERE deleted_at IS NULL AND id = ANY($1::bigint[])`,
      [ids],
    )) as { id: string; tenantId: string }[];
    return new Map(rows.map((r) => [r.id, r.tenantId]));
  }

  async passwordHash(id: string): Promise<string | null> {
    const rows = (await this.uow.query(`SELECT password_hash AS h FROM identity.users WHERE id = $1`, [id])) as { h: string | null }[];
    return rows[0]?.h ?? null;
  }

  /** Login names are unique across tenants among users that are not deleted. */
  async usernameTaken(username: string, exceptId?: string): Promise<boolean> {
    const rows = (await this.uow.query(
      `SELECT 1 FROM identity.users WHERE deleted_at IS NULL AND lower(username) = lower($1) AND id IS DISTINCT FROM $2::bigint LIMIT 1`,
      [username, exceptId ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  async emailTaken(email: string, exceptId?: string): Promise<boolean> {
    const rows = (await this.uow.query(
      `SELECT 1 FROM identity.users WHERE deleted_at IS NULL AND lower(email) = lower($1) AND id IS DISTINCT FROM $2::bigint LIMIT 1`,
      [email, exceptId ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  async roleByIdOrCode(tenantId: string, role: string): Promise<{ id: string; code: string; permissions: string[] } | undefined> {
    const rows = (await this.uow.query(
      `SELECT r.id::text AS id, r.code,
              ARRAY(SELECT p.code FROM identity.role_permissions rp JOIN identity.permissions p ON p.id = rp.permission_id
                     WHERE rp.role_id = r.id) AS permissions
         FROM identity.roles r
        WHERE (r.tenant_id IS NULL OR r.tenant_id = $1) AND (lower(r.code) = lower($2) OR ($2 ~ '^[0-9]{1,18}$' AND r.id = $2::bigint))
        LIMIT 1`,
      [tenantId, role],
    )) as { id: string; code: string; permissions: string[] }[];
    return rows[0];
  }

  /**
   * Names and status of users of one tenant that are not deleted, by username: either the given
   * ids, or every user but the excluded ones. Other contexts list members with this.
   */
  async summaries(
    tenantId: string,
    which: { readonly ids: readonly string[] } | { readonly excludeIds: readonly string[] },
  ): Promise<UserSummary[]> {
    const include = 'ids' in which;
    return (await this.uow.query(
      `SELECT u.id::text AS id, u.username, u.first_name AS "firstName", u.last_name AS "lastName", u.email, u.status,
              u.external_id AS "externalId", u.company, u.last_sync_at AS "lastSyncAt", u.created_at AS "createdAt",
              u.updated_at AS "updatedAt"
         FROM identity.users u
        WHERE u.deleted_at IS NULL AND u.tenant_id = $1
          AND ${include ? 'u.id = ANY($2::bigint[])' : 'u.id <> ALL($2::bigint[])'}
        ORDER BY lower(u.username), u.id`,
      [tenantId, include ? which.ids : which.excludeIds],
    )) as UserSummary[];
  }

  async save(user: UserEntity): Promise<UserEntity> {
    return this.uow.manager.getRepository(UserEntity).save(user);
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.uow.query(
      `UPDATE identity.users SET password_hash = $2, credential_version = credential_version + 1, updated_at = now() WHERE id = $1`,
      [id, hash],
    );
  }
}
