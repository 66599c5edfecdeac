import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

/** What a publish froze: the app's tile and the BPMN of each process model at that moment. */
export interface PublishedApp {
  readonly name: string;
  readonly description: string | null;
  readonly theme: string;
  readonly icon: string;
  readonly models: ReadonlyArray<{ readonly modelId: string; readonly version: number; readonly name: string; readonly key: string; readonly xml: string }>;
}

export interface PublicationRow {
  readonly id: string;
  readonly appModelId: string;
  readonly appVersion: number;
  readonly definition: PublishedApp;
}

/** An app on the landing page: its newest deployment to the runtime. */
export interface RuntimeAppRow {
  readonly id: string;
  readonly deploymentId: string | null;
  readonly definition: PublishedApp;
}

/** Publications of app models and their deployments to the runtime (app_publications, app_deployments). */
@Injectable()
export class AppRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insertPublication(p: { tenantId: string; appModelId: string; appVersion: number; comment: string | null; definition: PublishedApp; userId: string }): Promise<string> {
    const [row] = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.app_publications (tenant_id, app_model_id, app_version, comment, resources, published_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id::text AS id`,
      [p.tenantId, p.appModelId, p.appVersion, p.comment, JSON.stringify(p.definition), p.userId],
    );
    return row!.id;
  }

  async latestPublication(appModelId: string, tenantId: string): Promise<PublicationRow | null> {
    const rows = await this.uow.query<PublicationRow>(
      `SELECT id::text AS id, app_model_id::text AS "appModelId", app_version AS "appVersion", resources AS "definition"
         FROM process_engine.app_publications WHERE app_model_id = $1 AND tenant_id = $2
        ORDER BY app_version DESC LIMIT 1`,
      [appModelId, tenantId],
    );
    return rows[0] ?? null;
  }

  async insertDeployment(d: { tenantId: string; appModelId: string; appVersion: number; deploymentId: string | null; userId: string }): Promise<void> {
    await this.uow.query(
      `INSERT INTO process_engine.app_deployments (tenant_id, app_model_id, app_version, deployment_id, deployed_by) VALUES ($1, $2, $3, $4, $5)`,
      [d.tenantId, d.appModelId, d.appVersion, d.deploymentId, d.userId],
    );
  }

  /** Every deployed app of the tenant (its newest deployment), or one of them; in app id order. */
  async runtimeApps(tenantId: string, appModelId?: string): Promise<RuntimeAppRow[]> {
    return this.uow.query<RuntimeAppRow>(
      `SELECT DISTINCT ON (d.app_model_id) d.app_model_id::text AS id, d.deployment_id::text AS "deploymentId", p.resources AS "definition"
         FROM process_engine.app_deployments d
         JOIN process_engine.app_publications p
           ON p.app_model_id = d.app_model_id AND p.tenant_id = d.tenant_id AND p.app_version = d.app_version
        WHERE d.tenant_id = $1 ${appModelId !== undefined ? 'AND d.app_model_id = $2' : ''}
        ORDER BY d.app_model_id, d.id DESC`,
      appModelId !== undefined ? [tenantId, appModelId] : [tenantId],
    );
  }
}
