import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface FormDefinitionRow {
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly name: string;
  readonly version: number;
  readonly source: 'deployment' | 'model';
  readonly deploymentId: string | null;
  readonly modelId: string | null;
  /** The form JSON as written. */
  readonly definition: unknown;
}

const COLUMNS = `d.id::text AS "id", d.tenant_id::text AS "tenantId", d.key AS "key", d.name AS "name", d.version AS "version",
  d.source AS "source", d.deployment_id::text AS "deploymentId", d.model_id::text AS "modelId", d.definition AS "definition"`;

const isId = (v: string): boolean => /^\d{1,18}$/.test(v);

/** Form definitions of deployments and of aps form models (schema `forms`). */
@Injectable()
export class FormDefinitionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async byId(id: string): Promise<FormDefinitionRow | null> {
    if (!isId(id)) return null;
    const [row] = await this.uow.query<FormDefinitionRow>(`SELECT ${COLUMNS} FROM forms.form_definitions d WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  async ofDeployment(tenantId: string, deploymentId: string, key: string): Promise<FormDefinitionRow | null> {
    if (!isId(deploymentId)) return null;
    const [row] = await this.uow.query<FormDefinitionRow>(
      `SELECT ${COLUMNS} FROM forms.form_definitions d WHERE d.tenant_id = $1 AND d.deployment_id = $2 AND d.key = $3`,
      [tenantId, deploymentId, key],
    );
    return row ?? null;
  }

  listOfDeployment(tenantId: string, deploymentId: string): Promise<FormDefinitionRow[]> {
    if (!isId(deploymentId)) return Promise.resolve([]);
    return this.uow.query<FormDefinitionRow>(
      `SELECT ${COLUMNS} FROM forms.form_definitions d WHERE d.tenant_id = $1 AND d.deployment_id = $2 ORDER BY d.key`,
      [tenantId, deploymentId],
    );
  }

  /** The newest version of a form model. */
  async latestOfModel(tenantId: string, modelId: string): Promise<FormDefinitionRow | null> {
    if (!isId(modelId)) return null;
    const [row] = await this.uow.query<FormDefinitionRow>(
      `SELECT ${COLUMNS} FROM forms.form_definitions d WHERE d.tenant_id = $1 AND d.model_id = $2 ORDER BY d.version DESC LIMIT 1`,
      [tenantId, modelId],
    );
    return row ?? null;
  }

  /** The newest version of the form model whose form key is `key` (the most recently created model wins a tie). */
  async latestModelByKey(tenantId: string, key: string): Promise<FormDefinitionRow | null> {
    const [row] = await this.uow.query<FormDefinitionRow>(
      `SELECT ${COLUMNS} FROM forms.form_definitions d WHERE d.tenant_id = $1 AND d.key = $2 AND d.source = 'model'
        ORDER BY d.model_id DESC, d.version DESC LIMIT 1`,
      [tenantId, key],
    );
    return row ?? null;
  }

  /**
   * Inserts the forms of one deployment; each key's version is one more than its newest deployed
   * version in the tenant (serialised per tenant and key with a transaction-scoped advisory lock).
   */
  async insertDeploymentForms(
    tenantId: string,
    deploymentId: string,
    forms: ReadonlyArray<{ readonly key: string; readonly name: string; readonly definition: unknown }>,
  ): Promise<FormDefinitionRow[]> {
    const out: FormDefinitionRow[] = [];
    for (const f of [...forms].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      await this.uow.query(`SELECT pg_advisory_xact_lock(hashtextextended('forms.form_definitions:' || $1::text || ':' || $2::text, 0))`, [tenantId, f.key]);
      const [row] = await this.uow.query<FormDefinitionRow>(
        `INSERT INTO forms.form_definitions AS d (tenant_id, key, name, version, source, deployment_id, definition)
         VALUES ($1::bigint, $2::varchar, $3,
           COALESCE((SELECT max(version) FROM forms.form_definitions WHERE tenant_id = $1::bigint AND key = $2::varchar AND source = 'deployment'), 0) + 1,
           'deployment', $4, $5::jsonb)
         RETURNING ${COLUMNS}`,
        [tenantId, f.key, f.name, deploymentId, JSON.stringify(f.definition)],
      );
      out.push(row!);
    }
    return out;
  }

  /** Ids of the rows deleted. */
  async deleteOfDeployment(tenantId: string, deploymentId: string): Promise<string[]> {
    if (!isId(deploymentId)) return [];
    const rows = await this.uow.query<{ id: string }>(
      `DELETE FROM forms.form_definitions WHERE tenant_id = $1 AND deployment_id = $2 RETURNING id::text AS "id"`,
      [tenantId, deploymentId],
    );
    return rows.map((r) => r.id);
  }

  /** A model's form at a version: inserted, or (saved again at the same version) replaced in place. */
  async upsertModelForm(f: { readonly tenantId: string; readonly modelId: string; readonly version: number; readonly key: string; readonly name: string; readonly definition: unknown }): Promise<FormDefinitionRow> {
    const [row] = await this.uow.query<FormDefinitionRow>(
      `INSERT INTO forms.form_definitions AS d (tenant_id, key, name, version, source, model_id, definition)
       VALUES ($1, $2, $3, $4, 'model', $5, $6::jsonb)
       ON CONFLICT (tenant_id, model_id, version) WHERE model_id IS NOT NULL
       DO UPDATE SET key = EXCLUDED.key, name = EXCLUDED.name, definition = EXCLUDED.definition
       RETURNING ${COLUMNS}`,
      [f.tenantId, f.key, f.name, f.version, f.modelId, JSON.stringify(f.definition)],
    );
    return row!;
  }

  /** Ids of the rows deleted. */
  async deleteOfModel(tenantId: string, modelId: string): Promise<string[]> {
    if (!isId(modelId)) return [];
    const rows = await this.uow.query<{ id: string }>(
      `DELETE FROM forms.form_definitions WHERE tenant_id = $1 AND model_id = $2 RETURNING id::text AS "id"`,
      [tenantId, modelId],
    );
    return rows.map((r) => r.id);
  }
}
