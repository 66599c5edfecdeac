/** A tenant as the dialect mappers see it. */
export interface TenantView {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly domain: string | null;
  readonly active: boolean;
  readonly maxUsers: number | null;
  readonly logoId: string | null;
  readonly userCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const TENANT_VIEW_SELECT = `
  SELECT t.id::text AS "id", t.key AS "key", t.name AS "name", t.domain AS "domain", t.active AS "active",
         t.max_users AS "maxUsers", t.logo_id::text AS "logoId", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM identity.users u WHERE u.tenant_id = t.id AND u.deleted_at IS NULL) AS "userCount"
    FROM identity.tenants t`;
