import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

/**
 * Questetra offers no operation that creates organizations, roles or memberships, so the tests
 * build them straight in the database (as identity sync or another dialect would).
 */
export async function insertGroup(
  t: TestApp,
  title: string,
  options: { kind?: 'functional' | 'system'; parentId?: number; status?: 'ACTIVE' | 'INACTIVE'; tenantId?: number } = {},
): Promise<number> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO org_structure.groups (tenant_id, title, kind, parent_id, status) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [options.tenantId ?? 1, title, options.kind ?? 'functional', options.parentId ?? null, options.status ?? 'ACTIVE'],
  );
  return Number(row!.id);
}

export async function insertMember(t: TestApp, groupId: number, member: { userId?: number; groupId?: number }, role: 'LEADER' | 'STAFF' = 'STAFF'): Promise<void> {
  await sql(
    t,
    `INSERT INTO org_structure.group_members (tenant_id, group_id, user_id, member_group_id, role)
     SELECT tenant_id, id, $2, $3, $4 FROM org_structure.groups WHERE id = $1`,
    [groupId, member.userId ?? null, member.groupId ?? null, role],
  );
}

/** Everything a Questetra group call could change. */
export async function groupSnapshot(t: TestApp): Promise<unknown[]> {
  return sql(
    t,
    `SELECT 'g' AS t, id::text, title, kind, parent_id::text, status, updated_at::text FROM org_structure.groups
     UNION ALL
     SELECT 'm', id::text, group_id::text, coalesce(user_id, member_group_id)::text, role, NULL, updated_at::text FROM org_structure.group_members
     ORDER BY 1, 2`,
  );
}
