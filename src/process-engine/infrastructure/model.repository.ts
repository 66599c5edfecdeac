import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

/** 0 BPMN 2.0 process, 1 step process, 2 form, 3 app, 4 decision table (seed 004). */
export type ModelType = 0 | 1 | 2 | 3 | 4;
export const MODEL_TYPES: readonly ModelType[] = [0, 1, 2, 3, 4];

export interface ModelRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly key: string | null;
  readonly description: string | null;
  readonly modelType: ModelType;
  readonly version: number;
  readonly content: string | null;
  readonly comment: string | null;
  readonly stencilSet: string | null;
  readonly referenceId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly lastUpdatedBy: string;
  readonly lastUpdatedAt: Date;
}

/** A row of model_history: an older version of a model, with its own id. */
export interface ModelHistoryRow extends ModelRow {
  readonly modelId: string;
}

export type ModelListFilter = 'myprocesses' | 'sharedWithMe' | 'sharedWithOthers' | 'favorite';
export type ModelSort = 'modifiedDesc' | 'modifiedAsc' | 'nameAsc' | 'nameDesc';

export interface ModelCriteria {
  readonly tenantId: string;
  readonly userId: string;
  readonly filter?: ModelListFilter;
  readonly modelType: ModelType;
  readonly referenceId?: string;
  readonly sort: ModelSort;
  readonly offset: number;
  readonly limit: number;
}

const SORT: Record<ModelSort, string> = {
  modifiedDesc: 'm.last_updated_at DESC, m.id DESC',
  modifiedAsc: 'm.last_updated_at ASC, m.id ASC',
  nameAsc: 'lower(m.name) ASC, m.id ASC',
  nameDesc: 'lower(m.name) DESC, m.id DESC',
};

const COLUMNS = `m.id::text AS "id", m.tenant_id::text AS "tenantId", m.name AS "name", m.model_key AS "key",
  m.description AS "description", m.model_type AS "modelType", m.version AS "version", m.content AS "content",
  m.comment AS "comment", m.stencil_set::text AS "stencilSet", m.reference_id::text AS "referenceId",
  m.created_by::text AS "createdBy", m.created_at AS "createdAt", m.last_updated_by::text AS "lastUpdatedBy",
  m.last_updated_at AS "lastUpdatedAt"`;

const HISTORY_COLUMNS = `h.id::text AS "id", h.model_id::text AS "modelId", h.tenant_id::text AS "tenantId", h.name AS "name",
  h.model_key AS "key", h.description AS "description", h.model_type AS "modelType", h.version AS "version",
  h.content AS "content", h.comment AS "comment", NULL::text AS "stencilSet", NULL::text AS "referenceId",
  h.created_by::text AS "createdBy", h.created_at AS "createdAt", h.last_updated_by::text AS "lastUpdatedBy",
  h.last_updated_at AS "lastUpdatedAt"`;

export interface NewModel {
  readonly tenantId: string;
  readonly name: string;
  readonly key: string | null;
  readonly description: string | null;
  readonly modelType: ModelType;
  readonly content: string | null;
  readonly comment: string | null;
  readonly stencilSet: string | null;
  readonly referenceId: string | null;
  readonly userId: string;
}

export interface ModelChanges {
  readonly name?: string;
  readonly description?: string | null;
  readonly key?: string | null;
  readonly content?: string | null;
  readonly comment?: string | null;
  /** A new version: the caller has already copied the current one into model_history. */
  readonly bumpVersion?: boolean;
}

/** Models of the aps modeler, their history and the users' favorites (raw SQL, tenant on every statement). */
@Injectable()
export class ModelRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(m: NewModel): Promise<string> {
    const [row] = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.models
         (tenant_id, name, model_key, description, model_type, content, comment, stencil_set, reference_id, created_by, last_updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id::text AS id`,
      [m.tenantId, m.name, m.key, m.description, m.modelType, m.content, m.comment, m.stencilSet, m.referenceId, m.userId],
    );
    return row!.id;
  }

  async find(id: string, tenantId: string): Promise<ModelRow | null> {
    const rows = await this.uow.query<ModelRow>(`SELECT ${COLUMNS} FROM process_engine.models m WHERE m.id = $1 AND m.tenant_id = $2`, [id, tenantId]);
    return rows[0] ?? null;
  }

  /** The row locked for the rest of the transaction: two concurrent saves make two versions, one after the other. */
  async lock(id: string, tenantId: string): Promise<ModelRow | null> {
    const rows = await this.uow.query<ModelRow>(
      `SELECT ${COLUMNS} FROM process_engine.models m WHERE m.id = $1 AND m.tenant_id = $2 FOR UPDATE`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  async list(c: ModelCriteria): Promise<{ total: number; items: Array<ModelRow & { favorite: boolean }> }> {
    const where = ['m.tenant_id = $1', 'm.model_type = $3'];
    const params: unknown[] = [c.tenantId, c.userId, c.modelType];
    switch (c.filter) {
      case 'myprocesses':
      case 'sharedWithOthers':
        where.push('m.created_by = $2');
        break;
      case 'sharedWithMe':
        where.push('m.created_by <> $2');
        break;
      case 'favorite':
        where.push('f.user_id IS NOT NULL');
        break;
      case undefined:
        break;
    }
    if (c.referenceId !== undefined) {
      params.push(c.referenceId);
      where.push(`m.reference_id = $${params.length}`);
    }
    const from = `FROM process_engine.models m
      LEFT JOIN process_engine.model_favorites f ON f.model_id = m.id AND f.tenant_id = m.tenant_id AND f.user_id = $2
     WHERE ${where.join(' AND ')}`;
    const [count] = await this.uow.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params);
    params.push(c.limit, c.offset);
    const items = await this.uow.query<ModelRow & { favorite: boolean }>(
      `SELECT ${COLUMNS}, (f.user_id IS NOT NULL) AS "favorite" ${from} ORDER BY ${SORT[c.sort]} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { total: count!.total, items };
  }

  async update(id: string, tenantId: string, userId: string, changes: ModelChanges): Promise<void> {
    const sets = ['last_updated_by = $3', 'last_updated_at = now()'];
    const params: unknown[] = [id, tenantId, userId];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.description !== undefined) set('description', changes.description);
    if (changes.key !== undefined) set('model_key', changes.key);
    if (changes.content !== undefined) set('content', changes.content);
    if (changes.comment !== undefined) set('comment', changes.comment);
    if (changes.bumpVersion) sets.push('version = version + 1');
    await this.uow.query(`UPDATE process_engine.models SET ${sets.join(', ')} WHERE id = $1 AND tenant_id = $2`, params);
  }

  /** Copies the model as it is now into model_history (before a new version replaces it). */
  async archive(m: ModelRow): Promise<void> {
    await this.uow.query(
      `INSERT INTO process_engine.model_history
         (tenant_id, model_id, name, model_key, description, model_type, version, content, comment, created_by, created_at, last_updated_by, last_updated_at)
       SELECT tenant_id, id, name, model_key, description, model_type, version, content, comment, created_by, created_at, last_updated_by, last_updated_at
         FROM process_engine.models WHERE id = $1 AND tenant_id = $2`,
      [m.id, m.tenantId],
    );
  }

  async delete(id: string, tenantId: string): Promise<void> {
    await this.uow.query(`DELETE FROM process_engine.models WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
  }

  async isFavorite(id: string, tenantId: string, userId: string): Promise<boolean> {
    const rows = await this.uow.query(
      `SELECT 1 FROM process_engine.model_favorites WHERE model_id = $1 AND tenant_id = $2 AND user_id = $3`,
      [id, tenantId, userId],
    );
    return rows.length > 0;
  }

  async setFavorite(id: string, tenantId: string, userId: string, favorite: boolean): Promise<void> {
    if (favorite) {
      await this.uow.query(
        `INSERT INTO process_engine.model_favorites (tenant_id, model_id, user_id) VALUES ($2, $1, $3) ON CONFLICT DO NOTHING`,
        [id, tenantId, userId],
      );
    } else {
      await this.uow.query(`DELETE FROM process_engine.model_favorites WHERE model_id = $1 AND tenant_id = $2 AND user_id = $3`, [id, tenantId, userId]);
    }
  }

  /** Older versions, newest first. */
  async history(modelId: string, tenantId: string): Promise<ModelHistoryRow[]> {
    return this.uow.query<ModelHistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM process_engine.model_history h WHERE h.model_id = $1 AND h.tenant_id = $2 ORDER BY h.version DESC`,
      [modelId, tenantId],
    );
  }

  async historyEntry(modelId: string, historyId: string, tenantId: string): Promise<ModelHistoryRow | null> {
    const rows = await this.uow.query<ModelHistoryRow>(
      `SELECT ${HISTORY_COLUMNS} FROM process_engine.model_history h WHERE h.id = $1 AND h.model_id = $2 AND h.tenant_id = $3`,
      [historyId, modelId, tenantId],
    );
    return rows[0] ?? null;
  }

  /** The models among `ids` of this tenant, with their type. */
  async typesOf(ids: readonly string[], tenantId: string): Promise<Map<string, ModelType>> {
    if (ids.length === 0) return new Map();
    const rows = await this.uow.query<{ id: string; modelType: ModelType }>(
      `SELECT id::text AS id, model_type AS "modelType" FROM process_engine.models WHERE id = ANY($1::bigint[]) AND tenant_id = $2`,
      [ids, tenantId],
    );
    return new Map(rows.map((r) => [r.id, r.modelType]));
  }

  /** The models among `ids` of this tenant, full rows. */
  async findMany(ids: readonly string[], tenantId: string): Promise<ModelRow[]> {
    if (ids.length === 0) return [];
    return this.uow.query<ModelRow>(`SELECT ${COLUMNS} FROM process_engine.models m WHERE m.id = ANY($1::bigint[]) AND m.tenant_id = $2 ORDER BY m.id`, [ids, tenantId]);
  }

  /** The models among `ids` of this tenant, full rows, locked (a publish freezes their content). */
  async lockMany(ids: readonly string[], tenantId: string): Promise<ModelRow[]> {
    if (ids.length === 0) return [];
    return this.uow.query<ModelRow>(
      `SELECT ${COLUMNS} FROM process_engine.models m WHERE m.id = ANY($1::bigint[]) AND m.tenant_id = $2 ORDER BY m.id FOR SHARE`,
      [ids, tenantId],
    );
  }

  /** App models (type 3) of the tenant whose current definition lists the model. */
  async appsUsing(modelId: string, tenantId: string): Promise<Array<{ id: string; name: string }>> {
    return this.uow.query<{ id: string; name: string }>(
      `SELECT id::text AS id, name FROM process_engine.models
        WHERE tenant_id = $1 AND model_type = 3 AND content IS NOT NULL
          AND (content::jsonb -> 'models') @> jsonb_build_array(jsonb_build_object('id', $2::bigint))
        ORDER BY id`,
      [tenantId, modelId],
    );
  }

  async count(tenantId: string): Promise<number> {
    const [row] = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM process_engine.models WHERE tenant_id = $1`, [tenantId]);
    return row!.n;
  }
}
