import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { escapeLike } from '../../../libs/platform/database/escape-like.js';
import type { PermissionView, RoleChanges, RoleView } from '../application/roles/role.view.js';
import { RoleErrors } from '../domain/role.errors.js';

const ROLE_SELECT = `
  SELECT r.id::text AS "id", r.tenant_id::text AS "tenantId", r.code AS "code", r.name AS "name", r.status AS "status",
         r.created_at AS "createdAt", r.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM identity.users u
           WHERE u.role_id = r.id AND u.deleted_at IS NULL AND u.tenant_id = $1) AS "totalUsers"
    FROM identity.roles r`;

/** Roles a tenant sees: the predefined ones (no tenant) and its own. `$1` is always the tenant. */
const VISIBLE = `(r.tenant_id IS NULL OR r.tenant_id = $1)`;

export interface RolePage {
  readonly offset?: number;
  readonly limit?: number;
}

function page(p: RolePage): [number, number] {
  return [Math.min(Math.max(p.limit ?? 1000, 0), 1000), Math.max(p.offset ?? 0, 0)];
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';
}

/** Roles and the pm3-visible permission catalog; filtered, sorted and paged in SQL with bound parameters. */
@Injectable()
export class RoleRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async list(tenantId: string, codeFilter: string | undefined, p: RolePage): Promise<RoleView[]> {
    const [limit, offset] = page(p);
    const params: unknown[] = [tenantId, limit, offset];
    let where = VISIBLE;
    if (codeFilter) {
      params.push(`%${escapeLike(codeFilter.toLowerCase())}%`);
      where += ` AND lower(r.code) LIKE $4`;
    }
    return (await this.uow.manager.query(`${ROLE_SELECT} WHERE ${where} ORDER BY r.id ASC LIMIT $2 OFFSET $3`, params)) as RoleView[];
  }

  async find(tenantId: string, roleId: string): Promise<RoleView | undefined> {
    const rows = (await this.uow.manager.query(`${ROLE_SELECT} WHERE ${VISIBLE} AND r.id = $2`, [tenantId, roleId])) as RoleView[];
    return rows[0];
  }

  /** Codes are unique, case-insensitively, among the roles a tenant sees (its own and the predefined ones). */
  async codeTaken(tenantId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = (await this.uow.manager.query(
      `SELECT 1 FROM identity.roles r WHERE ${VISIBLE} AND lower(r.code) = lower($2) AND r.id IS DISTINCT FROM $3::bigint LIMIT 1`,
      [tenantId, code, exceptId ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(tenantId: string, code: string, name: string, status: 'ACTIVE' | 'INACTIVE'): Promise<string> {
    try {
      const rows = (await this.uow.manager.query(
        `INSERT INTO identity.roles (tenant_id, code, name, status) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
        [tenantId, code, name, status],
      )) as { id: string }[];
      return rows[0]!.id;
    } catch (e) {
      // A concurrent insert of the same code loses the race at the unique index.
      if (isUniqueViolation(e)) throw RoleErrors.codeTaken(code);
      throw e;
    }
  }

  async update(roleId: string, changes: RoleChanges): Promise<void> {
    try {
      await this.uow.manager.query(
        `UPDATE identity.roles SET code = coalesce($2, code), name = coalesce($3, name), status = coalesce($4, status), updated_at = now()
          WHERE id = $1`,
        [roleId, changes.code ?? null, changes.name ?? null, changes.status ?? null],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw RoleErrors.codeTaken(changes.code ?? '');
      throw e;
    }
  }

  /** Users that still use the role, in any tenant: they block its deletion. */
  async countActiveHolders(roleId: string): Promise<number> {
    const rows = (await this.uow.manager.query(
      `SELECT count(*)::int AS n FROM identity.users WHERE role_id = $1 AND deleted_at IS NULL`,
      [roleId],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /** Soft-deleted users keep their row for history but must not pin the role row through the foreign key. */
  async deleteWithDetachedHistory(roleId: string): Promise<void> {
    await this.uow.manager.query(`UPDATE identity.users SET role_id = NULL WHERE role_id = $1 AND deleted_at IS NOT NULL`, [roleId]);
    try {
      await this.uow.manager.query(`DELETE FROM identity.roles WHERE id = $1`, [roleId]);
    } catch (e) {
      // A user assigned concurrently keeps the row alive through the foreign key.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23503') throw RoleErrors.roleHasUsers();
      throw e;
    }
  }

  /** Permissions of kind 'permission' only: capabilities and authorities are other dialects' views of access. */
  async permissions(roleId: string, assigned: boolean, codeFilter: string | undefined, p: RolePage): Promise<PermissionView[]> {
    const [limit, offset] = page(p);
    const params: unknown[] = [roleId, limit, offset];
    let where = `p.kind = 'permission' AND ${assigned ? '' : 'NOT '}EXISTS (
      SELECT 1 FROM identity.role_permissions rp WHERE rp.role_id = $1 AND rp.permission_id = p.id)`;
    if (codeFilter) {
      params.push(`%${escapeLike(codeFilter.toLowerCase())}%`);
      where += ` AND lower(p.code) LIKE $4`;
    }
    return (await this.uow.manager.query(
      `SELECT p.id::text AS "id", p.code AS "code", p.name AS "name" FROM identity.permissions p
        WHERE ${where} ORDER BY p.id ASC LIMIT $2 OFFSET $3`,
      params,
    )) as PermissionView[];
  }

  async findPermission(permissionId: string): Promise<PermissionView | undefined> {
    const rows = (await this.uow.manager.query(
      `SELECT id::text AS "id", code, name FROM identity.permissions WHERE id = $1 AND kind = 'permission'`,
      [permissionId],
    )) as PermissionView[];
    return rows[0];
  }

  /** Every code the role grants, of any kind. */
  async grantedCodes(roleId: string): Promise<string[]> {
    const rows = (await this.uow.manager.query(
      `SELECT p.code FROM identity.role_permissions rp JOIN identity.permissions p ON p.id = rp.permission_id WHERE rp.role_id = $1`,
      [roleId],
    )) as { code: string }[];
    return rows.map((r) => r.code);
  }

  async hasPermission(roleId: string, permissionId: string): Promise<boolean> {
    const rows = (await this.uow.manager.query(
      `SELECT 1 FROM identity.role_permissions WHERE role_id = $1 AND permission_id = $2`,
      [roleId, permissionId],
    )) as unknown[];
    return rows.length > 0;
  }

  async addPermission(roleId: string, permissionId: string): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO identity.role_permissions (role_id, permission_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [roleId, permissionId],
    );
    await this.touch(roleId);
  }

  async removePermission(roleId: string, permissionId: string): Promise<void> {
    await this.uow.manager.query(`DELETE FROM identity.role_permissions WHERE role_id = $1 AND permission_id = $2`, [roleId, permissionId]);
    await this.touch(roleId);
  }

  private async touch(roleId: string): Promise<void> {
    await this.uow.manager.query(`UPDATE identity.roles SET updated_at = now() WHERE id = $1`, [roleId]);
  }
}
