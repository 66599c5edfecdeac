import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface DeploymentRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly category: string | null;
  readonly appDefinitionId: string | null;
  readonly deployedBy: string | null;
  readonly deployedAt: Date;
}

export type DeploymentSortField = 'id' | 'name' | 'deployTime' | 'tenantId';

const SORT: Record<DeploymentSortField, string> = { id: 'd.id', name: 'd.name', deployTime: 'd.deployed_at', tenantId: 'd.tenant_id' };

export interface DeploymentCriteria {
  readonly tenantId: string;
  readonly name?: string;
  readonly nameLike?: string;
  readonly category?: string;
  readonly categoryNotEquals?: string;
  readonly sort: DeploymentSortField;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

const COLUMNS = `d.id::text AS id, d.tenant_id::text AS "tenantId", d.name, d.category, d.app_definition_id::text AS "appDefinitionId",
  d.deployed_by::text AS "deployedBy", d.deployed_at AS "deployedAt"`;

/** Deployments and their resources (the bytes as uploaded). */
@Injectable()
export class DeploymentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(d: {
    readonly tenantId: string;
    readonly name: string;
    readonly category: string | null;
    readonly appDefinitionId: string | null;
    readonly deployedBy: string;
    readonly resources: ReadonlyArray<{ readonly name: string; readonly mediaType: string; readonly bytes: Buffer }>;
  }): Promise<DeploymentRow> {
    const [row] = await this.uow.query<DeploymentRow>(
      `WITH d AS (
         INSERT INTO process_engine.deployments (tenant_id, name, category, app_definition_id, deployed_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING *),
       r AS (
         INSERT INTO process_engine.deployment_resources (tenant_id, deployment_id, name, media_type, bytes)
         SELECT $1, (SELECT id FROM d), x.name, x.media_type, x.bytes
           FROM unnest($6::text[], $7::text[], $8::bytea[]) AS x(name, media_type, bytes))
       SELECT ${COLUMNS} FROM d`,
      [
        d.tenantId,
        d.name,
        d.category,
        d.appDefinitionId,
        d.deployedBy,
        d.resources.map((r) => r.name),
        d.resources.map((r) => r.mediaType),
        d.resources.map((r) => r.bytes),
      ],
    );
    return row!;
  }

  async get(id: string, tenantId: string): Promise<DeploymentRow | null> {
    const rows = await this.uow.query<DeploymentRow>(`SELECT ${COLUMNS} FROM process_engine.deployments d WHERE d.id = $1 AND d.tenant_id = $2`, [id, tenantId]);
    return rows[0] ?? null;
  }

  /** The resources of a deployment (names and media types), by name. */
  async resources(id: string, tenantId: string): Promise<Array<{ name: string; mediaType: string }>> {
    return this.uow.query<{ name: string; mediaType: string }>(
      `SELECT r.name, r.media_type AS "mediaType" FROM process_engine.deployment_resources r
        WHERE r.deployment_id = $1 AND r.tenant_id = $2 ORDER BY r.name`,
      [id, tenantId],
    );
  }

  /** One resource of a deployment with its bytes. */
  async resource(id: string, tenantId: string, name: string): Promise<{ name: string; mediaType: string; bytes: Buffer } | null> {
    const rows = await this.uow.query<{ name: string; mediaType: string; bytes: Buffer }>(
      `SELECT r.name, r.media_type AS "mediaType", r.bytes FROM process_engine.deployment_resources r
        WHERE r.deployment_id = $1 AND r.tenant_id = $2 AND r.name = $3`,
      [id, tenantId, name],
    );
    return rows[0] ?? null;
  }

  /** Locks the deployment row (deleting it must not race a start of one of its definitions). */
  async lock(id: string, tenantId: string): Promise<DeploymentRow | null> {
    const rows = await this.uow.query<DeploymentRow>(
      `SELECT ${COLUMNS} FROM process_engine.deployments d WHERE d.id = $1 AND d.tenant_id = $2 FOR UPDATE`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  async list(c: DeploymentCriteria): Promise<{ total: number; items: DeploymentRow[] }> {
    const params: unknown[] = [c.tenantId];
    const add = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['d.tenant_id = $1'];
    if (c.name !== undefined) where.push(`d.name = ${add(c.name)}`);
    if (c.nameLike !== undefined) where.push(`d.name LIKE ${add(c.nameLike)}`);
    if (c.category !== undefined) where.push(`d.category = ${add(c.category)}`);
    if (c.categoryNotEquals !== undefined) where.push(`d.category IS DISTINCT FROM ${add(c.categoryNotEquals)}`);
    const sql = `FROM process_engine.deployments d WHERE ${where.join(' AND ')}`;
    const [count] = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params);
    const dir = c.order === 'desc' ? 'DESC' : 'ASC';
    const items = await this.uow.query<DeploymentRow>(
      `SELECT ${COLUMNS} ${sql} ORDER BY ${SORT[c.sort]} ${dir} NULLS LAST, d.id ${dir} LIMIT ${add(c.limit)} OFFSET ${add(c.offset)}`,
      params,
    );
    return { total: count?.n ?? 0, items };
  }

  /**
   * Locks the deployment's definitions (a start in flight holds a key-share lock on its definition
   * through the instance's foreign key: this waits for it to commit, and blocks new ones), then
   * counts the instances of those definitions that have not ended (running or suspended).
   */
  async lockDefinitionsAndCountOpenInstances(id: string): Promise<number> {
    await this.uow.query(`SELECT d.id FROM process_engine.process_definitions d WHERE d.deployment_id = $1 FOR UPDATE`, [id]);
    const [row] = await this.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM process_engine.process_instances p
         JOIN process_engine.process_definitions d ON d.id = p.definition_id
        WHERE d.deployment_id = $1 AND p.ended_at IS NULL`,
      [id],
    );
    return row?.n ?? 0;
  }

  /**
   * Deletes the deployment with its resources and definitions, and every instance of those
   * definitions (with their tasks, variables, links and history: the foreign keys cascade).
   * Standalone rows that only name a definition id (app deployments) keep their own lifecycle.
   */
  async delete(id: string, tenantId: string): Promise<void> {
    await this.uow.query(
      `WITH defs AS (SELECT d.id FROM process_engine.process_definitions d WHERE d.deployment_id = $1 AND d.tenant_id = $2),
            inst AS (DELETE FROM process_engine.process_instances p WHERE p.definition_id IN (SELECT id FROM defs) RETURNING p.id)
       SELECT count(*) FROM inst`,
      [id, tenantId],
    );
    await this.uow.query(`DELETE FROM process_engine.deployments WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
  }
}
