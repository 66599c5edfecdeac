import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export type FilterKind = 'task' | 'process';

export interface FilterRow {
  readonly id: string;
  readonly appId: string | null;
  readonly name: string;
  readonly icon: string | null;
  readonly recent: boolean;
  readonly position: number;
  readonly filter: Record<string, unknown>;
}

export interface FilterFields {
  readonly appId: string | null;
  readonly name: string;
  readonly icon: string | null;
  readonly recent: boolean;
  readonly filter: Record<string, unknown>;
}

/** Which of the caller's filters: all of a kind, or those of one app (`null` = not tied to an app). */
export interface FilterScope {
  readonly tenantId: string;
  readonly userId: string;
  readonly kind: FilterKind;
}

const COLUMNS = `f.id::text AS "id", f.app_id::text AS "appId", f.name AS "name", f.icon AS "icon", f.recent AS "recent",
  f.position AS "position", f.filter AS "filter"`;

/** The users' saved task and process filters; every statement is scoped to the owner. */
@Injectable()
export class FilterRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** In the user's order (position, then creation). `appId` undefined: every app. */
  list(s: FilterScope, appId?: string | null): Promise<FilterRow[]> {
    const params: unknown[] = [s.tenantId, s.userId, s.kind];
    let app = '';
    if (appId === null) app = 'AND f.app_id IS NULL';
    else if (appId !== undefined) {
      params.push(appId);
      app = 'AND f.app_id = $4';
    }
    return this.uow.query<FilterRow>(
      `SELECT ${COLUMNS} FROM process_engine.filters f
        WHERE f.tenant_id = $1 AND f.user_id = $2 AND f.kind = $3 ${app} ORDER BY f.position, f.id`,
      params,
    );
  }

  async find(s: FilterScope, id: string, lock = false): Promise<FilterRow | null> {
    const rows = await this.uow.query<FilterRow>(
      `SELECT ${COLUMNS} FROM process_engine.filters f WHERE f.id = $4 AND f.tenant_id = $1 AND f.user_id = $2 AND f.kind = $3 ${lock ? 'FOR UPDATE' : ''}`,
      [s.tenantId, s.userId, s.kind, id],
    );
    return rows[0] ?? null;
  }

  /** Appends the filter after the user's others of the same app. */
  async insert(s: FilterScope, f: FilterFields): Promise<string> {
    const [row] = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.filters (tenant_id, user_id, kind, app_id, name, icon, recent, filter, position)
       VALUES ($1::bigint, $2::bigint, $3::varchar, $4::bigint, $5, $6, $7, $8::jsonb,
               (SELECT coalesce(max(position) + 1, 0) FROM process_engine.filters
                 WHERE tenant_id = $1::bigint AND user_id = $2::bigint AND kind = $3::varchar AND app_id IS NOT DISTINCT FROM $4::bigint))
       RETURNING id::text AS id`,
      [s.tenantId, s.userId, s.kind, f.appId, f.name, f.icon, f.recent, JSON.stringify(f.filter)],
    );
    return row!.id;
  }

  async update(s: FilterScope, id: string, f: FilterFields): Promise<void> {
    await this.uow.query(
      `UPDATE process_engine.filters SET app_id = $5, name = $6, icon = $7, recent = $8, filter = $9::jsonb
        WHERE id = $4 AND tenant_id = $1 AND user_id = $2 AND kind = $3`,
      [s.tenantId, s.userId, s.kind, id, f.appId, f.name, f.icon, f.recent, JSON.stringify(f.filter)],
    );
  }

  async delete(s: FilterScope, id: string): Promise<void> {
    await this.uow.query(`DELETE FROM process_engine.filters WHERE id = $4 AND tenant_id = $1 AND user_id = $2 AND kind = $3`, [
      s.tenantId,
      s.userId,
      s.kind,
      id,
    ]);
  }

  /** Positions 0…n-1 in the given order (one statement). */
  async setPositions(s: FilterScope, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.uow.query(
      `UPDATE process_engine.filters f SET position = o.position - 1
         FROM unnest($4::bigint[]) WITH ORDINALITY AS o(id, position)
        WHERE f.id = o.id AND f.tenant_id = $1 AND f.user_id = $2 AND f.kind = $3`,
      [s.tenantId, s.userId, s.kind, ids],
    );
  }

  /** Serialises concurrent creates and reorders of one user's filters of a kind. */
  async lockScope(s: FilterScope): Promise<void> {
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtext('process_engine.filters'), hashtext($1 || ':' || $2 || ':' || $3))`, [
      s.tenantId,
      s.userId,
      s.kind,
    ]);
  }
}
