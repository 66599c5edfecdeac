import { Injectable } from '@nestjs/common';
import { escapeLike } from '../../../libs/platform/database/escape-like.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { CapabilityView, GroupView, MembershipView } from '../application/groups/group.view.js';
import type { GroupKind, GroupMember, GroupStatus, MembershipRole } from '../domain/group-rules.js';

export type GroupSortField = 'title' | 'id' | 'createdAt';

export interface GroupCriteria {
  readonly tenantId: string;
  /** Case-insensitive substring of the title. */
  readonly title?: string;
  /** The whole title, case-insensitively (titles are unique so, per tenant: at most one match). */
  readonly titleEquals?: string;
  readonly status?: GroupStatus;
  readonly kind?: GroupKind;
  readonly externalId?: { readonly value: string; readonly caseInsensitive: boolean };
  /** A group id, or `null` for top-level groups only. */
  readonly parentId?: string | null;
  readonly ids?: readonly string[];
  /** Only groups that are direct group members of this group (pm4 `groups/{id}/groups`). */
  readonly memberOf?: string;
  readonly sort?: { readonly field: GroupSortField; readonly direction: 'asc' | 'desc' };
  readonly offset?: number;
  readonly limit?: number;
}

const SORT: Record<GroupSortField, string> = { title: 'lower(g.title)', id: 'g.id', createdAt: 'g.created_at' };

const VIEW = `
  SELECT g.id::text AS "id", g.tenant_id::text AS "tenantId", g.title AS "title", g.description AS "description",
         g.kind AS "kind", g.parent_id::text AS "parentId", g.manager_id::text AS "managerId", g.status AS "status",
         g.external_id AS "externalId", g.last_sync_at AS "lastSyncAt", g.created_at AS "createdAt", g.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM org_structure.group_members m WHERE m.group_id = g.id AND m.user_id IS NOT NULL) AS "userCount",
         (SELECT count(*)::int FROM org_structure.group_members m WHERE m.group_id = g.id AND m.member_group_id IS NOT NULL) AS "memberGroupCount",
         (SELECT count(*)::int FROM org_structure.groups c WHERE c.parent_id = g.id) AS "childCount"
    FROM org_structure.groups g`;

const MEMBERSHIP = `
  SELECT m.id::text AS "id", m.group_id::text AS "groupId",
         CASE WHEN m.user_id IS NOT NULL THEN 'user' ELSE 'group' END AS "memberType",
         coalesce(m.user_id, m.member_group_id)::text AS "memberId", m.role AS "role", m.description AS "description",
         m.created_at AS "createdAt", m.updated_at AS "updatedAt"
    FROM org_structure.group_members m`;

/*
 * The two walks of the group graph. An edge "P contains C" is either C.parent_id = P or a
 * group_members row (P, member_group_id = C). UNION (not UNION ALL) in the recursive term drops
 * rows already produced, so a cycle that slipped in (SQL by hand) ends the walk instead of looping.
 */

/** Groups below the root (itself included), through ACTIVE groups only. $1 root, $2 tenant. */
const ACTIVE_SUBTREE = `
  WITH RECURSIVE tree(id) AS (
    SELECT g.id FROM org_structure.groups g WHERE g.id = $1 AND g.tenant_id = $2 AND g.status = 'ACTIVE'
    UNION
    SELECT c.id FROM tree t
      CROSS JOIN LATERAL (
        SELECT g.id FROM org_structure.groups g WHERE g.parent_id = t.id
        UNION ALL
        SELECT m.member_group_id FROM org_structure.group_members m WHERE m.group_id = t.id AND m.member_group_id IS NOT NULL
      ) e
      JOIN org_structure.groups c ON c.id = e.id AND c.status = 'ACTIVE'
  )`;

/** The group and every group containing it, whatever their status. $1 group. */
const ANCESTORS = `
  WITH RECURSIVE up(id) AS (
    SELECT $1::bigint
    UNION
    SELECT e.id FROM up
      CROSS JOIN LATERAL (
        SELECT g.parent_id AS id FROM org_structure.groups g WHERE g.id = up.id AND g.parent_id IS NOT NULL
        UNION ALL
        SELECT m.group_id FROM org_structure.group_members m WHERE m.member_group_id = up.id
      ) e
  )`;

/** Groups, memberships and capabilities: filtered, paged and counted in SQL, values always bound. */
@Injectable()
export class GroupRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Serialises writes to one tenant's group graph: two concurrent edges that each look harmless
   * could together close a cycle, and the walk before the write only sees committed rows.
   */
  async lockGraph(tenantId: string): Promise<void> {
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtextextended('org_structure.groups:' || $1::text, 0))`, [tenantId]);
  }

  async view(id: string, tenantId: string): Promise<GroupView | undefined> {
    const rows = await this.uow.query<GroupView>(`${VIEW} WHERE g.id = $1 AND g.tenant_id = $2`, [id, tenantId]);
    return rows[0];
  }

  async views(ids: readonly string[], tenantId: string): Promise<GroupView[]> {
    return this.uow.query<GroupView>(`${VIEW} WHERE g.id = ANY($1::bigint[]) AND g.tenant_id = $2`, [ids, tenantId]);
  }

  /** The tenant of a group, in whichever tenant it is. */
  async tenantOf(id: string): Promise<string | undefined> {
    const rows = await this.uow.query<{ tenantId: string }>(`SELECT tenant_id::text AS "tenantId" FROM org_structure.groups WHERE id = $1`, [id]);
    return rows[0]?.tenantId;
  }

  /** The group's kind and tenant, row-locked for the rest of the transaction. */
  async lockRow(id: string, tenantId: string): Promise<{ id: string; kind: GroupKind; title: string } | undefined> {
    const rows = await this.uow.query<{ id: string; kind: GroupKind; title: string }>(
      `SELECT id::text AS id, kind, title FROM org_structure.groups WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
      [id, tenantId],
    );
    return rows[0];
  }

  async titleTaken(tenantId: string, title: string, exceptId?: string): Promise<boolean> {
    const rows = await this.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM org_structure.groups WHERE tenant_id = $1 AND lower(title) = lower($2) AND id IS DISTINCT FROM $3::bigint`,
      [tenantId, title, exceptId ?? null],
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  async list(c: GroupCriteria): Promise<{ total: number; items: GroupView[] }> {
    const params: unknown[] = [];
    const add = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`g.tenant_id = ${add(c.tenantId)}`];
    if (c.title) where.push(`lower(g.title) LIKE ${add(`%${escapeLike(c.title.toLowerCase())}%`)}`);
    if (c.titleEquals !== undefined) where.push(`lower(g.title) = lower(${add(c.titleEquals)})`);
    if (c.status) where.push(`g.status = ${add(c.status)}`);
    if (c.kind) where.push(`g.kind = ${add(c.kind)}`);
    if (c.externalId) {
      where.push(c.externalId.caseInsensitive ? `lower(g.external_id) = lower(${add(c.externalId.value)})` : `g.external_id = ${add(c.externalId.value)}`);
    }
    if (c.parentId === null) where.push('g.parent_id IS NULL');
    else if (c.parentId !== undefined) where.push(`g.parent_id = ${add(c.parentId)}`);
    if (c.ids) where.push(`g.id = ANY(${add(c.ids)}::bigint[])`);
    if (c.memberOf !== undefined) {
      where.push(`g.id IN (SELECT m.member_group_id FROM org_structure.group_members m WHERE m.group_id = ${add(c.memberOf)} AND m.member_group_id IS NOT NULL)`);
    }
    const sort = c.sort ?? { field: 'title', direction: 'asc' };
    const order = `${SORT[sort.field]} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, g.id ASC`;
    const limit = Math.min(Math.max(c.limit ?? 1000, 0), 1000);
    const offset = Math.max(c.offset ?? 0, 0);
    const rows = await this.uow.query<GroupView & { total: number }>(
      `SELECT v.*, p.total FROM (
         SELECT g.id, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${order}) AS n
           FROM org_structure.groups g WHERE ${where.join(' AND ')}
          ORDER BY ${order} LIMIT ${add(limit)} OFFSET ${add(offset)}) p
       CROSS JOIN LATERAL (${VIEW} WHERE g.id = p.id) v
       ORDER BY p.n`,
      params,
    );
    if (rows.length > 0) return { total: rows[0]!.total, items: rows.map(({ total: _t, ...g }) => g) };
    const count = await this.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM org_structure.groups g WHERE ${where.join(' AND ')}`,
      params.slice(0, -2),
    );
    return { total: count[0]?.n ?? 0, items: [] };
  }

  async insert(g: {
    tenantId: string;
    title: string;
    description: string | null;
    kind: GroupKind;
    parentId: string | null;
    managerId: string | null;
    status: GroupStatus;
    externalId: string | null;
    lastSyncAt: Date | null;
  }): Promise<string> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO org_structure.groups (tenant_id, title, description, kind, parent_id, manager_id, status, external_id, last_sync_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [g.tenantId, g.title, g.description, g.kind, g.parentId, g.managerId, g.status, g.externalId, g.lastSyncAt],
    );
    return rows[0]!.id;
  }

  async update(
    id: string,
    tenantId: string,
    changes: Partial<{ title: string; description: string | null; parentId: string | null; managerId: string | null; status: GroupStatus; externalId: string | null; lastSyncAt: Date | null }>,
  ): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title',
      description: 'description',
      parentId: 'parent_id',
      managerId: 'manager_id',
      status: 'status',
      externalId: 'external_id',
      lastSyncAt: 'last_sync_at',
    };
    const params: unknown[] = [id, tenantId];
    const sets = ['updated_at = now()'];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${columns[key]!} = $${params.length}`);
    }
    await this.uow.query(`UPDATE org_structure.groups SET ${sets.join(', ')} WHERE id = $1 AND tenant_id = $2`, params);
  }

  async delete(id: string, tenantId: string): Promise<void> {
    await this.uow.query(`DELETE FROM org_structure.groups WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
  }

  /** ACTIVE groups of the tenant named by id or by title (case-insensitive): reference → id. */
  async idsByReference(tenantId: string, refs: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (refs.length === 0) return found;
    const rows = await this.uow.query<{ ref: string; id: string }>(
      `SELECT r.ref, g.id::text AS id
         FROM unnest($2::text[]) AS r(ref)
         JOIN LATERAL (
           SELECT g.id FROM org_structure.groups g
            WHERE g.tenant_id = $1 AND g.status = 'ACTIVE'
              AND (g.id = CASE WHEN r.ref ~ '^[0-9]{1,18}$' THEN r.ref::bigint END OR lower(g.title) = lower(r.ref))
            ORDER BY (g.id::text = r.ref) DESC, g.id
            LIMIT 1) g ON true`,
      [tenantId, [...new Set(refs)]],
    );
    for (const row of rows) found.set(row.ref, row.id);
    return found;
  }

  /** The group and every group that contains it, in one recursive query. */
  async ancestorsOf(groupId: string): Promise<Set<string>> {
    const rows = await this.uow.query<{ id: string }>(`${ANCESTORS} SELECT id::text AS id FROM up`, [groupId]);
    return new Set(rows.map((r) => r.id));
  }

  /** Users in the group or in any ACTIVE group nested in it (parents and group members); none if it is INACTIVE. */
  async nestedUserIds(groupId: string, tenantId: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(
      `${ACTIVE_SUBTREE}
       SELECT DISTINCT m.user_id::text AS id FROM tree JOIN org_structure.group_members m ON m.group_id = tree.id
        WHERE m.user_id IS NOT NULL`,
      [groupId, tenantId],
    );
    return rows.map((r) => r.id);
  }

  async directUserIds(groupId: string): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(
      `SELECT user_id::text AS id FROM org_structure.group_members WHERE group_id = $1 AND user_id IS NOT NULL`,
      [groupId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Groups of a user: direct memberships, then every group containing those (through parents and
   * group members). With `activeOnly`, the walk neither starts from nor passes through INACTIVE
   * groups, matching what membersOf counts as membership.
   */
  async groupsOfUser(userId: string, tenantId: string, activeOnly: boolean): Promise<Array<{ id: string; direct: boolean }>> {
    return this.uow.query<{ id: string; direct: boolean }>(
      `WITH RECURSIVE up(id, direct) AS (
         SELECT m.group_id, true FROM org_structure.group_members m JOIN org_structure.groups g ON g.id = m.group_id
          WHERE m.user_id = $1 AND m.tenant_id = $2 AND (NOT $3 OR g.status = 'ACTIVE')
         UNION
         SELECT p.id, false FROM up
           CROSS JOIN LATERAL (
             SELECT g.parent_id AS id FROM org_structure.groups g WHERE g.id = up.id AND g.parent_id IS NOT NULL
             UNION ALL
             SELECT m.group_id FROM org_structure.group_members m WHERE m.member_group_id = up.id
           ) e
           JOIN org_structure.groups p ON p.id = e.id AND (NOT $3 OR p.status = 'ACTIVE')
       )
       SELECT id::text AS id, bool_or(direct) AS direct FROM up GROUP BY id ORDER BY id`,
      [userId, tenantId, activeOnly],
    );
  }

  /** Capability codes of the ACTIVE system groups the user belongs to directly (system groups never nest). */
  async capabilitiesOfUser(userId: string, tenantId: string): Promise<string[]> {
    const rows = await this.uow.query<{ capability: string }>(
      `SELECT DISTINCT c.capability FROM org_structure.group_members m
         JOIN org_structure.groups g ON g.id = m.group_id AND g.kind = 'system' AND g.status = 'ACTIVE'
         JOIN org_structure.group_capabilities c ON c.group_id = g.id
        WHERE m.user_id = $1 AND m.tenant_id = $2`,
      [userId, tenantId],
    );
    return rows.map((r) => r.capability);
  }

  async findMembership(groupId: string, member: GroupMember): Promise<MembershipView | undefined> {
    const column = member.type === 'user' ? 'user_id' : 'member_group_id';
    const rows = await this.uow.query<MembershipView>(`${MEMBERSHIP} WHERE m.group_id = $1 AND m.${column} = $2`, [groupId, member.id]);
    return rows[0];
  }

  async membership(id: string, tenantId: string): Promise<MembershipView | undefined> {
    const rows = await this.uow.query<MembershipView>(`${MEMBERSHIP} WHERE m.id = $1 AND m.tenant_id = $2`, [id, tenantId]);
    return rows[0];
  }

  async memberships(c: {
    tenantId: string;
    groupId?: string;
    member?: GroupMember;
    memberType?: GroupMember['type'];
    offset?: number;
    limit?: number;
  }): Promise<{ total: number; items: MembershipView[] }> {
    const params: unknown[] = [c.tenantId];
    const where = ['m.tenant_id = $1'];
    if (c.groupId) {
      params.push(c.groupId);
      where.push(`m.group_id = $${params.length}`);
    }
    if (c.member) {
      params.push(c.member.id);
      where.push(`m.${c.member.type === 'user' ? 'user_id' : 'member_group_id'} = $${params.length}`);
    }
    if (c.memberType) where.push(c.memberType === 'user' ? 'm.user_id IS NOT NULL' : 'm.member_group_id IS NOT NULL');
    const count = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_structure.group_members m WHERE ${where.join(' AND ')}`, params);
    params.push(Math.min(Math.max(c.limit ?? 1000, 0), 1000), Math.max(c.offset ?? 0, 0));
    const items = await this.uow.query<MembershipView>(
      `${MEMBERSHIP} WHERE ${where.join(' AND ')} ORDER BY m.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { total: count[0]?.n ?? 0, items };
  }

  async insertMembership(tenantId: string, groupId: string, member: GroupMember, role: MembershipRole, description: string | null): Promise<string> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO org_structure.group_members (tenant_id, group_id, user_id, member_group_id, role, description)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [tenantId, groupId, member.type === 'user' ? member.id : null, member.type === 'group' ? member.id : null, role, description],
    );
    return rows[0]!.id;
  }

  async deleteMembership(id: string): Promise<void> {
    await this.uow.query(`DELETE FROM org_structure.group_members WHERE id = $1`, [id]);
  }

  /** A deleted user leaves every group (one statement, so the grant epoch moves once). */
  async removeUserEverywhere(userId: string, tenantId: string): Promise<void> {
    await this.uow.query(`DELETE FROM org_structure.group_members WHERE user_id = $1 AND tenant_id = $2`, [userId, tenantId]);
  }

  /**
   * Groups a member could still join: not already containing it directly, not itself, and for a
   * group member neither a system group nor one below it (which would close a cycle).
   */
  async availableGroupIds(tenantId: string, member: GroupMember): Promise<string[]> {
    if (member.type === 'user') {
      const rows = await this.uow.query<{ id: string }>(
        `SELECT g.id::text AS id FROM org_structure.groups g WHERE g.tenant_id = $1
            AND NOT EXISTS (SELECT 1 FROM org_structure.group_members m WHERE m.group_id = g.id AND m.user_id = $2)
          ORDER BY lower(g.title), g.id`,
        [tenantId, member.id],
      );
      return rows.map((r) => r.id);
    }
    const rows = await this.uow.query<{ id: string }>(
      `WITH RECURSIVE tree(id) AS (
         SELECT $2::bigint
         UNION
         SELECT e.id FROM tree t CROSS JOIN LATERAL (
           SELECT g.id FROM org_structure.groups g WHERE g.parent_id = t.id
           UNION ALL
           SELECT m.member_group_id FROM org_structure.group_members m WHERE m.group_id = t.id AND m.member_group_id IS NOT NULL) e
       )
       SELECT g.id::text AS id FROM org_structure.groups g WHERE g.tenant_id = $1 AND g.kind = 'functional'
          AND g.id NOT IN (SELECT id FROM tree)
          AND NOT EXISTS (SELECT 1 FROM org_structure.group_members m WHERE m.group_id = g.id AND m.member_group_id = $2)
        ORDER BY lower(g.title), g.id`,
      [tenantId, member.id],
    );
    return rows.map((r) => r.id);
  }

  async capabilities(groupId: string): Promise<CapabilityView[]> {
    return this.uow.query<CapabilityView>(
      `SELECT id::text AS id, group_id::text AS "groupId", capability AS name FROM org_structure.group_capabilities WHERE group_id = $1 ORDER BY id`,
      [groupId],
    );
  }

  async addCapabilities(tenantId: string, groupId: string, codes: readonly string[]): Promise<void> {
    await this.uow.query(
      `INSERT INTO org_structure.group_capabilities (tenant_id, group_id, capability)
       SELECT $1, $2, code FROM unnest($3::text[]) AS code ON CONFLICT DO NOTHING`,
      [tenantId, groupId, codes],
    );
  }

  async removeCapability(groupId: string, capabilityId: string): Promise<boolean> {
    const rows = await this.uow.query<{ id: string }>(
      `DELETE FROM org_structure.group_capabilities WHERE group_id = $1 AND id = $2 RETURNING id::text AS id`,
      [groupId, capabilityId],
    );
    return rows.length > 0;
  }
}
