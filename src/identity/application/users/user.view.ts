import type { UserProfileFields } from '../../infrastructure/user.entity.js';
import type { UserStatus } from '../../domain/user-status.js';

/** A user as every dialect's mapper sees it (never the password hash). */
export interface UserView {
  readonly id: string;
  readonly tenantId: string;
  readonly tenantKey: string;
  readonly tenantName: string;
  readonly username: string;
  readonly email: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: UserStatus;
  readonly roleId: string | null;
  readonly roleCode: string | null;
  readonly replacedBy: string | null;
  readonly dueDate: string | null;
  readonly company: string | null;
  readonly externalId: string | null;
  readonly lastSyncAt: Date | null;
  readonly profile: UserProfileFields;
  readonly permissions: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One SELECT that every user query shares: the row, its tenant, its role and its permissions. */
export const USER_VIEW_SELECT = `
  SELECT u.id::text AS "id", u.tenant_id::text AS "tenantId", t.key AS "tenantKey", t.name AS "tenantName",
         u.username AS "username", u.email AS "email", u.first_name AS "firstName", u.last_name AS "lastName",
         u.status AS "status", u.role_id::text AS "roleId", r.code AS "roleCode", u.replaced_by::text AS "replacedBy",
         to_char(u.due_date, 'YYYY-MM-DD') AS "dueDate", u.company AS "company", u.external_id AS "externalId",
         u.last_sync_at AS "lastSyncAt", u.profile AS "profile", u.created_at AS "createdAt", u.updated_at AS "updatedAt",
         ARRAY(
           SELECT p.code FROM identity.role_permissions rp JOIN identity.permissions p ON p.id = rp.permission_id
            WHERE rp.role_id = u.role_id AND r.status = 'ACTIVE'
           UNION
           SELECT p.code FROM identity.user_authorities ua JOIN identity.permissions p ON p.id = ua.permission_id
            WHERE ua.user_id = u.id
         ) AS "permissions"
    FROM identity.users u
    JOIN identity.tenants t ON t.id = u.tenant_id
    LEFT JOIN identity.roles r ON r.id = u.role_id`;
