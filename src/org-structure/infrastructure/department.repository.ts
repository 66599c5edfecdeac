import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { DepartmentStatus } from '../domain/department-rules.js';

export interface DepartmentRow {
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly parentId: string | null;
  readonly managerId: string | null;
  readonly status: DepartmentStatus;
  readonly ldapDn: string | null;
}

/** A department with what its siblings and children say about it. */
export interface DepartmentListRow extends DepartmentRow {
  readonly childCount: number;
  readonly isLast: boolean;
}

export interface DepartmentPatch {
  readonly title?: string;
  readonly parentId?: string | null;
  readonly status?: DepartmentStatus;
}

const COLUMNS = `d.id::text AS id, d.tenant_id::text AS "tenantId", d.title, d.parent_id::text AS "parentId",
  d.manager_id::text AS "managerId", d.status, d.ldap_dn AS "ldapDn"`;

/** Siblings are ordered by title (then id): that order decides `dep_last` and the tree's order. */
const SIBLING_ORDER = 'lower(d.title), d.id';

/** Guard against corrupt data only: the rules keep the tree acyclic, so real chains end far earlier. */
const MAX_DEPTH = 10_000;

/**
 * "Reports to" for many users in one statement: from each user's department upwards, the nearest
 * department whose manager is someone else. A member's answer is their own department's manager;
 * the manager's is the nearest ancestor with a manager.
 */
const ORG_INFO_SQL = `
  WITH RECURSIVE chain AS (
    SELECT m.user_id, m.department_id AS home_id, d.id, d.parent_id, d.manager_id, 0 AS depth
      FROM org_structure.department_members m
      JOIN org_structure.departments d ON d.tenant_id = m.tenant_id AND d.id = m.department_id
     WHERE m.tenant_id = $1 AND m.user_id = ANY($2::bigint[])
    UNION ALL
    SELECT c.user_id, c.home_id, p.id, p.parent_id, p.manager_id, c.depth + 1
      FROM chain c
      JOIN org_structure.departments p ON p.tenant_id = $1 AND p.id = c.parent_id
     WHERE (c.manager_id IS NULL OR c.manager_id = c.user_id) AND c.depth < ${MAX_DEPTH}
  )
  SELECT DISTINCT ON (user_id) user_id::text AS "userId", home_id::text AS "departmentId",
         CASE WHEN manager_id IS NOT NULL AND manager_id <> user_id THEN manager_id::text END AS "reportsTo"
    FROM chain
   ORDER BY user_id, (manager_id IS NOT NULL AND manager_id <> user_id) DESC, depth`;

/** Department rows and memberships, in SQL with bound parameters only. */
@Injectable()
export class DepartmentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Department writes of one tenant run one at a time: title uniqueness, the no-cycle rule and
   * "one department per user" are checked by reading first, which concurrent writers would race.
   */
  async lockTenant(tenantId: string): Promise<void> {
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtext('org_structure.departments'), hashtext($1))`, [tenantId]);
  }

  async find(tenantId: string, id: string): Promise<DepartmentRow | undefined> {
    const rows = await this.uow.query<DepartmentRow>(`SELECT ${COLUMNS} FROM org_structure.departments d WHERE d.tenant_id = $1 AND d.id = $2`, [
      tenantId,
      id,
    ]);
    return rows[0];
  }

  /** One department with its number of children and whether it is the last of its siblings. */
  async findListed(tenantId: string, id: string): Promise<DepartmentListRow | undefined> {
    const rows = await this.uow.query<DepartmentListRow>(
      `SELECT ${COLUMNS},
              (SELECT count(*)::int FROM org_structure.departments c WHERE c.tenant_id = d.tenant_id AND c.parent_id = d.id) AS "childCount",
              NOT EXISTS (SELECT 1 FROM org_structure.departments s
                           WHERE s.tenant_id = d.tenant_id AND s.parent_id IS NOT DISTINCT FROM d.parent_id
                             AND (lower(s.title), s.id) > (lower(d.title), d.id)) AS "isLast"
         FROM org_structure.departments d WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenantId, id],
    );
    return rows[0];
  }

  /** Every department of the tenant in sibling order: the whole tree from one query. */
  async listAll(tenantId: string): Promise<DepartmentRow[]> {
    return this.uow.query<DepartmentRow>(`SELECT ${COLUMNS} FROM org_structure.departments d WHERE d.tenant_id = $1 ORDER BY ${SIBLING_ORDER}`, [
      tenantId,
    ]);
  }

  async titleTaken(tenantId: string, title: string, exceptId?: string): Promise<boolean> {
    const rows = await this.uow.query(
      `SELECT 1 FROM org_structure.departments WHERE tenant_id = $1 AND lower(title) = lower($2) AND id IS DISTINCT FROM $3::bigint LIMIT 1`,
      [tenantId, title, exceptId ?? null],
    );
    return rows.length > 0;
  }

  /** The department and every department above it, in one recursive query. */
  async selfAndAncestors(tenantId: string, id: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(
      `WITH RECURSIVE up AS (
         SELECT d.id, d.parent_id, 0 AS depth FROM org_structure.departments d WHERE d.tenant_id = $1 AND d.id = $2
         UNION ALL
         SELECT p.id, p.parent_id, up.depth + 1 FROM up JOIN org_structure.departments p ON p.tenant_id = $1 AND p.id = up.parent_id
          WHERE up.depth < ${MAX_DEPTH}
       )
       SELECT id::text AS id FROM up ORDER BY depth`,
      [tenantId, id],
    );
    return rows.map((r) => r.id);
  }

  async insert(d: { tenantId: string; title: string; parentId: string | null; status: DepartmentStatus }): Promise<string> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO org_structure.departments (tenant_id, title, parent_id, status) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
      [d.tenantId, d.title, d.parentId, d.status],
    );
    return rows[0]!.id;
  }

  async update(tenantId: string, id: string, patch: DepartmentPatch): Promise<void> {
    await this.uow.query(
      `UPDATE org_structure.departments
          SET title = CASE WHEN $3 THEN $4 ELSE title END,
              parent_id = CASE WHEN $5 THEN $6::bigint ELSE parent_id END,
              status = coalesce($7, status),
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, patch.title !== undefined, patch.title ?? null, patch.parentId !== undefined, patch.parentId ?? null, patch.status ?? null],
    );
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.uow.query(`DELETE FROM org_structure.departments WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  async counts(tenantId: string, id: string): Promise<{ members: number; children: number }> {
    const rows = await this.uow.query<{ members: number; children: number }>(
      `SELECT (SELECT count(*)::int FROM org_structure.department_members WHERE tenant_id = $1 AND department_id = $2) AS members,
              (SELECT count(*)::int FROM org_structure.departments WHERE tenant_id = $1 AND parent_id = $2) AS children`,
      [tenantId, id],
    );
    return rows[0]!;
  }

  /** The user's department and the department they manage (if any). */
  async membershipOf(tenantId: string, userId: string): Promise<{ departmentId: string | null; managesDepartmentId: string | null }> {
    const rows = await this.uow.query<{ departmentId: string; manages: boolean }>(
      `SELECT m.department_id::text AS "departmentId", (d.manager_id = m.user_id) AS manages
         FROM org_structure.department_members m
         JOIN org_structure.departments d ON d.tenant_id = m.tenant_id AND d.id = m.department_id
        WHERE m.tenant_id = $1 AND m.user_id = $2`,
      [tenantId, userId],
    );
    const row = rows[0];
    return { departmentId: row?.departmentId ?? null, managesDepartmentId: row?.manages ? row.departmentId : null };
  }

  async memberIds(tenantId: string, departmentId: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(
      `SELECT user_id::text AS id FROM org_structure.department_members WHERE tenant_id = $1 AND department_id = $2`,
      [tenantId, departmentId],
    );
    return rows.map((r) => r.id);
  }

  async allMemberIds(tenantId: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(`SELECT user_id::text AS id FROM org_structure.department_members WHERE tenant_id = $1`, [
      tenantId,
    ]);
    return rows.map((r) => r.id);
  }

  /** Puts the user in the department, moving them out of any other (a user has one department). */
  async putMember(tenantId: string, userId: string, departmentId: string): Promise<void> {
    await this.uow.query(
      `INSERT INTO org_structure.department_members (tenant_id, user_id, department_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET department_id = EXCLUDED.department_id, created_at = now()`,
      [tenantId, userId, departmentId],
    );
  }

  async removeMember(tenantId: string, userId: string): Promise<void> {
    await this.uow.query(`DELETE FROM org_structure.department_members WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
  }

  async setManager(tenantId: string, departmentId: string, userId: string | null): Promise<void> {
    await this.uow.query(`UPDATE org_structure.departments SET manager_id = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      departmentId,
      userId,
    ]);
  }

  async orgInfoOf(tenantId: string, userIds: readonly string[]): Promise<Map<string, { departmentId: string; reportsTo: string | null }>> {
    const rows = await this.uow.query<{ userId: string; departmentId: string; reportsTo: string | null }>(ORG_INFO_SQL, [tenantId, userIds]);
    return new Map(rows.map((r) => [r.userId, { departmentId: r.departmentId, reportsTo: r.reportsTo }]));
  }
}
