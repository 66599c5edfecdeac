import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess, instanceVisibleSql } from '../access/engine-access.js';

export interface IncidentView {
  readonly id: string;
  readonly processInstanceId: string;
  readonly processDefinitionId: string;
  readonly executionId: string | null;
  readonly activityId: string | null;
  readonly type: string;
  readonly message: string;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

export interface ListIncidentsInput {
  readonly actor: Principal;
  readonly processInstanceId?: string;
  /** Default false: open incidents only. true: resolved ones too. */
  readonly includeResolved?: boolean;
  readonly offset: number;
  readonly limit: number;
}

/**
 * design.md §8 "Incidents": what stops an instance (no gateway flow matches, an expression fails,
 * a job runs out of retries). Admins see every incident of their tenant, others those of the
 * instances they may see. Newest first.
 */
@Injectable()
export class ListIncidents {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
  ) {}

  async execute(input: ListIncidentsInput): Promise<{ total: number; items: IncidentView[] }> {
    const viewer = await this.access.viewer(input.actor);
    const params: unknown[] = [viewer.tenantId];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['i.tenant_id = $1'];
    if (input.processInstanceId !== undefined) where.push(`i.instance_id = ${param(input.processInstanceId)}::bigint`);
    if (input.includeResolved !== true) where.push('i.resolved_at IS NULL');
    if (!viewer.admin) where.push(instanceVisibleSql('i.instance_id', `${param(viewer.userId)}::bigint`, `${param(viewer.groupIds)}::bigint[]`));
    const filterParams = [...params];
    const [count] = await this.uow.query<{ total: number }>(`SELECT count(*)::int AS total FROM process_engine.incidents i WHERE ${where.join(' AND ')}`, filterParams);
    const items = await this.uow.query<IncidentView>(
      `SELECT i.id::text AS id, i.instance_id::text AS "processInstanceId", p.definition_id AS "processDefinitionId", i.execution_id::text AS "executionId",
              i.activity_id AS "activityId", i.type, i.message, i.created_at AS "createdAt", i.resolved_at AS "resolvedAt"
         FROM process_engine.incidents i JOIN process_engine.process_instances p ON p.id = i.instance_id
        WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT ${param(input.limit)} OFFSET ${param(input.offset)}`,
      params,
    );
    return { total: count?.total ?? 0, items };
  }
}
