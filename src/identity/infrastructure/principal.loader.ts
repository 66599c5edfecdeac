import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../domain/principal.js';
import type { UserStatus } from '../domain/user-status.js';

/** Another context (org-structure) adds permissions granted through group membership. */
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
  readonly permissions: readonly string[];
}

const PRINCIPAL_SQL = `
  SELECT u.id::text AS "id", u.tenant_id::text AS "tenantId", t.key AS "tenantKey", t.active AS "tenantActive",
         u.username AS "username", u.email AS "email", u.status AS "status", r.status AS "roleStatus",
         u.credential_version AS "credentialVersion",
         (u.due_date IS NOT NULL AND u.due_date < current_date) AS "expired",
         ARRAY(
           SELECT p.code FROM identity.role_permissions rp JOIN identity.permissions p ON p.id = rp.permission_id
            WHERE rp.role_id = u.role_id AND r.status = 'ACTIVE'
           UNION
           SELECT p.code FROM identity.user_authorities ua JOIN identity.permissions p ON p.id = ua.permission_id
            WHERE ua.user_id = u.id
         ) AS "permissions"
    FROM identity.users u
    JOIN identity.tenants t ON t.id = u.tenant_id
    LEFT JOIN identity.roles r ON r.id = u.role_id
   WHERE u.deleted_at IS NULL AND `;

/** Builds the caller's principal in one query: user, tenant, role permissions and authorities. */
@Injectable()
export class PrincipalLoader {
  private readonly grantSources: GrantSource[] = [];

  constructor(private readonly uow: UnitOfWork) {}

  registerGrantSource(source: GrantSource): void {
    this.grantSources.push(source);
  }

  async rowById(userId: string): Promise<PrincipalRow | undefined> {
    const rows = (await this.uow.manager.query(`${PRINCIPAL_SQL} u.id = $1`, [userId])) as PrincipalRow[];
    return rows[0];
  }

  /** Login accepts the username or the e-mail address, case-insensitively. */
  async rowByLogin(login: string): Promise<(PrincipalRow & { passwordHash: string | null }) | undefined> {
    const rows = (await this.uow.manager.query(
      `SELECT * FROM (${PRINCIPAL_SQL} (lower(u.username) = lower($1) OR lower(u.email) = lower($1))) x
         CROSS JOIN LATERAL (SELECT password_hash AS "passwordHash" FROM identity.users WHERE id = x."id"::bigint) h
         ORDER BY (lower(x."username") = lower($1)) DESC LIMIT 1`,
      [login],
    )) as (PrincipalRow & { passwordHash: string | null })[];
    return rows[0];
  }

  async toPrincipal(row: PrincipalRow, via: Principal['via'], extra: Partial<Principal> = {}): Promise<Principal> {
    const permissions = new Set(row.permissions);
    for (const source of this.grantSources) {
      for (const code of await source.grantsOf(row.id, row.tenantId)) permissions.add(code);
    }
    return {
      userId: row.id,
      tenantId: row.tenantId,
      tenantKey: row.tenantKey,
      username: row.username,
      email: row.email,
      permissions,
      via,
      ...extra,
    };
  }
}
