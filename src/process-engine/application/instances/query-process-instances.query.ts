import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess, instanceVisibleSql } from '../access/engine-access.js';
import { INSTANCE_COLUMNS, INSTANCE_FROM, InstanceReader, type InstanceRow } from './instance-reader.js';
import type { InstanceView } from './instance.view.js';

export type InstanceQueryState = 'running' | 'open' | 'completed' | 'all';
export type InstanceQuerySort = 'created-desc' | 'created-asc' | 'ended-desc' | 'ended-asc';

export interface QueryProcessInstancesInput {
  readonly actor: Principal;
  readonly processInstanceId?: string;
  readonly processDefinitionId?: string;
  readonly appDefinitionId?: string;
  /** Default running. running = not ended (suspended included); completed = ended (completed or deleted). */
  readonly state?: InstanceQueryState;
  /** Default created-desc. */
  readonly sort?: InstanceQuerySort;
  readonly offset: number;
  readonly limit: number;
}

const ORDER: Record<InstanceQuerySort, string> = {
  'created-desc': 'p.started_at DESC, p.id DESC',
  'created-asc': 'p.started_at ASC, p.id ASC',
  'ended-desc': 'p.ended_at DESC NULLS LAST, p.id DESC',
  'ended-asc': 'p.ended_at ASC NULLS LAST, p.id ASC',
};

const STATE: Record<InstanceQueryState, string> = {
  running: 'p.ended_at IS NULL',
  open: 'p.ended_at IS NULL',
  completed: 'p.ended_at IS NOT NULL',
  all: 'true',
};

/** aps process-instances/query: the caller's tenant, only instances they may see unless admin; filtered, sorted, paged and counted in SQL. */
@Injectable()
export class QueryProcessInstances {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly reader: InstanceReader,
  ) {}

  async execute(input: QueryProcessInstancesInput): Promise<{ total: number; items: InstanceView[] }> {
    const viewer = await this.access.viewer(input.actor);
    const params: unknown[] = [viewer.tenantId];
    const where: string[] = ['p.tenant_id = $1', STATE[input.state ?? 'running']];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (input.processInstanceId !== undefined) where.push(`p.id = ${param(input.processInstanceId)}::bigint`);
    if (input.processDefinitionId !== undefined) where.push(`p.definition_id = ${param(input.processDefinitionId)}`);
    if (input.appDefinitionId !== undefined) where.push(`d.app_definition_id = ${param(input.appDefinitionId)}::bigint`);
    if (!viewer.admin) where.push(instanceVisibleSql('p.id', `${param(viewer.userId)}::bigint`, `${param(viewer.groupIds)}::bigint[]`));
    const filterParams = [...params];
    const rows = await this.uow.query<InstanceRow & { total: number }>(
      `SELECT ${INSTANCE_COLUMNS}, count(*) OVER ()::int AS "total" FROM ${INSTANCE_FROM}
        WHERE ${where.join(' AND ')} ORDER BY ${ORDER[input.sort ?? 'created-desc']}
        LIMIT ${param(input.limit)} OFFSET ${param(input.offset)}`,
      params,
    );
    const total = rows[0]?.total ?? (input.offset > 0 ? await this.count(where, filterParams) : 0);
    return { total, items: await this.reader.complete(viewer.tenantId, rows, false) };
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.uow.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${INSTANCE_FROM} WHERE ${where.join(' AND ')}`, params);
    return row?.total ?? 0;
  }
}
