import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommitInvalidatedCache } from '../../../libs/platform/cache/commit-invalidated-cache.js';
import { DatabaseNotifications } from '../../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ProcessModel } from '../domain/model/process-model.js';

/** A definition row without its graph (the graph comes from the cache). */
export interface DefinitionRow {
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly version: number;
  readonly name: string | null;
  readonly description: string | null;
  readonly category: string | null;
  readonly deploymentId: string;
  readonly resourceName: string;
  readonly appDefinitionId: string | null;
  readonly startFormKey: string | null;
  readonly hasStartForm: boolean;
  readonly suspended: boolean;
  readonly graphicalNotation: boolean;
  readonly createdAt: Date;
}

/** A definition with what starting an instance needs to know: its candidate starters (null: none of that kind). */
export type StartDefinitionRow = DefinitionRow & { readonly starterUserIds: string[] | null; readonly starterGroupIds: string[] | null };

export interface NewDefinition {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string | null;
  readonly description: string | null;
  readonly resourceName: string;
  readonly startFormKey: string | null;
  /** The start form key names a form (decided at deploy). */
  readonly hasStartForm: boolean;
  readonly graphicalNotation: boolean;
  readonly model: ProcessModel;
}

export type DefinitionSortField = 'id' | 'key' | 'name' | 'version' | 'deploymentId' | 'category' | 'tenantId';

const SORT: Record<DefinitionSortField, string> = {
  id: 'd.id',
  key: 'd.key',
  name: 'd.name',
  version: 'd.version',
  deploymentId: 'd.deployment_id',
  category: 'd.category',
  tenantId: 'd.tenant_id',
};

export interface DefinitionCriteria {
  readonly tenantId: string;
  readonly key?: string;
  readonly keyLike?: string;
  readonly name?: string;
  readonly nameLike?: string;
  readonly version?: number;
  readonly latest?: boolean;
  readonly deploymentId?: string;
  readonly category?: string;
  readonly categoryLike?: string;
  readonly suspended?: boolean;
  readonly sort: DefinitionSortField;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

export const DEFINITION_COLUMNS = `d.id, d.tenant_id::text AS "tenantId", d.key, d.version, d.name, d.description, d.category,
  d.deployment_id::text AS "deploymentId", d.resource_name AS "resourceName", d.app_definition_id::text AS "appDefinitionId",
  d.start_form_key AS "startFormKey", d.has_start_form AS "hasStartForm", d.suspended, d.graphical_notation AS "graphicalNotation", d.created_at AS "createdAt"`;

/**
 * Process definitions: immutable once deployed (only `suspended` and the app link move), so their
 * compiled graphs are cached in memory by id — an id names one deployment's version for ever
 * (deployment ids are never reused), so the cache never needs invalidating.
 *
 * What a start reads (`findForStart`: the latest version of a key, the row with `suspended`, the
 * candidate starters) is cached too, in a CommitInvalidatedCache: emptied by every commit of this
 * node that wrote process_definitions or deployments, by the candidate-starter use cases
 * (`startersChanged`), and on every node by `NOTIFY meridian_engine_definitions`, which triggers
 * send at the commit of any writer of definitions, deployments or a definition's identity links.
 */
@Injectable()
export class DefinitionRepository implements OnModuleInit {
  private readonly models = new Map<string, ProcessModel>();
  private readonly forStart: CommitInvalidatedCache<string, StartDefinitionRow>;

  constructor(
    private readonly uow: UnitOfWork,
    notifications: DatabaseNotifications,
  ) {
    this.forStart = new CommitInvalidatedCache(uow, notifications, 'meridian_engine_definitions', {
      max: 10_000,
      ttlMs: 60_000,
      schemas: ['process_engine.process_definitions', 'process_engine.deployments'],
    });
  }

  async onModuleInit(): Promise<void> {
    await this.forStart.listen();
  }

  /** A definition's candidate starters change in this transaction: what starts read is dropped at its commit. */
  startersChanged(): void {
    this.forStart.clearOnCommit();
  }

  /**
   * Serialises deployments of one key in one tenant until the transaction ends, so that two
   * concurrent deployments never compute the same next version.
   */
  /**
   * Takes the transaction's lock on each key, in the order given (callers sort them, so that two
   * deployments sharing keys never wait on each other in a cycle), then answers each key's latest
   * version (0 for a new key): two statements for any number of keys.
   */
  async lockKeysAndLatestVersions(tenantId: string, keys: readonly string[]): Promise<Map<string, number>> {
    const latest = new Map<string, number>(keys.map((k) => [k, 0]));
    if (keys.length === 0) return latest;
    // A function scan yields unnest's rows in array order, and the locks are taken row by row.
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtextextended('process-definition:' || $1 || ':' || k.key, 0)) FROM unnest($2::text[]) AS k(key)`, [
      tenantId,
      keys,
    ]);
    const rows = await this.uow.query<{ key: string; v: number }>(
      `SELECT key, max(version) AS v FROM process_engine.process_definitions WHERE tenant_id = $1 AND key = ANY($2::text[]) GROUP BY key`,
      [tenantId, keys],
    );
    for (const r of rows) latest.set(r.key, r.v);
    return latest;
  }

  async insert(tenantId: string, deploymentId: string, category: string | null, appDefinitionId: string | null, defs: readonly NewDefinition[]): Promise<void> {
    if (defs.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.process_definitions
         (id, tenant_id, key, version, name, description, category, deployment_id, resource_name, app_definition_id, start_form_key, has_start_form,
          graphical_notation, graph)
       SELECT x.id, $1, x.key, x.version, x.name, x.description, $3, $2, x.resource, $4, x.form, x.has_form, x.di, x.graph::jsonb
         FROM unnest($5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::boolean[])
              AS x(id, key, version, name, description, resource, form, graph, di, has_form)`,
      [
        tenantId,
        deploymentId,
        category,
        appDefinitionId,
        defs.map((d) => d.id),
        defs.map((d) => d.key),
        defs.map((d) => d.version),
        defs.map((d) => d.name),
        defs.map((d) => d.description),
        defs.map((d) => d.resourceName),
        defs.map((d) => d.startFormKey),
        defs.map((d) => JSON.stringify(d.model)),
        defs.map((d) => d.graphicalNotation),
        defs.map((d) => d.hasStartForm),
      ],
    );
    for (const d of defs) this.models.set(d.id, d.model);
  }

  /** The definition by id in the tenant, or the latest version of the key. */
  async find(tenantId: string, ref: { readonly id: string } | { readonly key: string }): Promise<DefinitionRow | null> {
    const rows =
      'id' in ref
        ? await this.uow.query<DefinitionRow>(`SELECT ${DEFINITION_COLUMNS} FROM process_engine.process_definitions d WHERE d.id = $1 AND d.tenant_id = $2`, [
            ref.id,
            tenantId,
          ])
        : await this.uow.query<DefinitionRow>(
            `SELECT ${DEFINITION_COLUMNS} FROM process_engine.process_definitions d WHERE d.key = $1 AND d.tenant_id = $2 ORDER BY d.version DESC LIMIT 1`,
            [ref.key, tenantId],
          );
    return rows[0] ?? null;
  }

  /**
   * The definition with what starting an instance needs to know: candidate starters. Cached (see
   * the class): a start usually reads nothing here.
   */
  async findForStart(tenantId: string, ref: { readonly id: string } | { readonly key: string }): Promise<StartDefinitionRow | null> {
    const cacheKey = 'id' in ref ? `${tenantId}\u0000id\u0000${ref.id}` : `${tenantId}\u0000key\u0000${ref.key}`;
    const cached = this.forStart.get(cacheKey);
    if (cached) return cached;
    const ticket = this.forStart.begin();
    const starters = `,
      (SELECT array_agg(l.user_id::text) FROM process_engine.identity_links l WHERE l.definition_id = d.id AND l.type = 'candidate' AND l.user_id IS NOT NULL) AS "starterUserIds",
      (SELECT array_agg(l.group_id::text) FROM process_engine.identity_links l WHERE l.definition_id = d.id AND l.type = 'candidate' AND l.group_id IS NOT NULL) AS "starterGroupIds"`;
    const rows =
      'id' in ref
        ? await this.uow.query<StartDefinitionRow>(
            `SELECT ${DEFINITION_COLUMNS}${starters} FROM process_engine.process_definitions d WHERE d.id = $1 AND d.tenant_id = $2`,
            [ref.id, tenantId],
          )
        : await this.uow.query<StartDefinitionRow>(
            `SELECT ${DEFINITION_COLUMNS}${starters} FROM process_engine.process_definitions d
              WHERE d.key = $1 AND d.tenant_id = $2 ORDER BY d.version DESC LIMIT 1`,
            [ref.key, tenantId],
          );
    const row = rows[0] ?? null;
    if (row) this.forStart.setIfCurrent(ticket, cacheKey, Object.freeze(row));
    return row;
  }

  /** The compiled model of a definition (cached; definitions are immutable). */
  async model(id: string): Promise<ProcessModel> {
    const cached = this.models.get(id);
    if (cached) return cached;
    const rows = await this.uow.query<{ graph: ProcessModel }>(`SELECT graph FROM process_engine.process_definitions WHERE id = $1`, [id]);
    const graph = rows[0]?.graph;
    if (!graph) throw new Error(`Process definition ${id} has no graph`);
    this.models.set(id, graph);
    return graph;
  }

  async list(c: DefinitionCriteria): Promise<{ total: number; items: DefinitionRow[] }> {
    const params: unknown[] = [c.tenantId];
    const add = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['d.tenant_id = $1'];
    if (c.key !== undefined) where.push(`d.key = ${add(c.key)}`);
    if (c.keyLike !== undefined) where.push(`d.key LIKE ${add(c.keyLike)}`);
    if (c.name !== undefined) where.push(`d.name = ${add(c.name)}`);
    if (c.nameLike !== undefined) where.push(`d.name LIKE ${add(c.nameLike)}`);
    if (c.version !== undefined) where.push(`d.version = ${add(c.version)}`);
    if (c.deploymentId !== undefined) where.push(`d.deployment_id = ${add(c.deploymentId)}::bigint`);
    if (c.category !== undefined) where.push(`d.category = ${add(c.category)}`);
    if (c.categoryLike !== undefined) where.push(`d.category LIKE ${add(c.categoryLike)}`);
    if (c.suspended !== undefined) where.push(`d.suspended = ${add(c.suspended)}`);
    if (c.latest) {
      where.push(`d.version = (SELECT max(l.version) FROM process_engine.process_definitions l WHERE l.tenant_id = d.tenant_id AND l.key = d.key)`);
    }
    const sql = `FROM process_engine.process_definitions d WHERE ${where.join(' AND ')}`;
    const [count] = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params);
    const order = `${SORT[c.sort]} ${c.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, d.id ${c.order === 'desc' ? 'DESC' : 'ASC'}`;
    const items = await this.uow.query<DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} ${sql} ORDER BY ${order} LIMIT ${add(c.limit)} OFFSET ${add(c.offset)}`,
      params,
    );
    return { total: count?.n ?? 0, items };
  }

  /** The BPMN bytes the definition was deployed from. */
  async resource(id: string, tenantId: string): Promise<{ name: string; mediaType: string; bytes: Buffer } | null> {
    const rows = await this.uow.query<{ name: string; mediaType: string; bytes: Buffer }>(
      `SELECT r.name, r.media_type AS "mediaType", r.bytes
         FROM process_engine.process_definitions d
         JOIN process_engine.deployment_resources r ON r.deployment_id = d.deployment_id AND r.name = d.resource_name
        WHERE d.id = $1 AND d.tenant_id = $2`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }
}
