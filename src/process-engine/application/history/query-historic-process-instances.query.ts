import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess, instanceVisibleSql } from '../access/engine-access.js';
import { INSTANCE_COLUMNS, INSTANCE_FROM, InstanceReader, type InstanceRow } from '../instances/instance-reader.js';
import type { InstanceView } from '../instances/instance.view.js';

export const VARIABLE_OPERATIONS = [
  'equals',
  'notEquals',
  'equalsIgnoreCase',
  'notEqualsIgnoreCase',
  'lessThan',
  'greaterThan',
  'lessThanOrEquals',
  'greaterThanOrEquals',
  'like',
] as const;
export type VariableOperation = (typeof VARIABLE_OPERATIONS)[number];

/** Activiti's QueryVariable: an instance variable compared with a value. */
export interface VariableCondition {
  readonly name: string;
  readonly operation: VariableOperation;
  readonly value: unknown;
}

const COMPARE: Partial<Record<VariableOperation, string>> = { lessThan: '<', greaterThan: '>', lessThanOrEquals: '<=', greaterThanOrEquals: '>=' };

export type HistoricInstanceSort = 'processInstanceId' | 'processDefinitionId' | 'businessKey' | 'startTime' | 'endTime' | 'duration' | 'tenantId';

export interface QueryHistoricProcessInstancesInput {
  readonly actor: Principal;
  readonly processInstanceId?: string;
  readonly processInstanceIds?: readonly string[];
  readonly processDefinitionKey?: string;
  readonly processDefinitionId?: string;
  readonly businessKey?: string;
  /** A user involved in the instance: starter, linked to it, or assignee, owner or linked on one of its tasks. */
  readonly involvedUser?: string;
  /** true: ended (completed or deleted); false: not ended. */
  readonly finished?: boolean;
  /** Call activities do not exist yet: every instance is top-level, so this matches nothing. */
  readonly superProcessInstanceId?: string;
  /** Every instance is top-level: accepted, changes nothing. */
  readonly excludeSubprocesses?: boolean;
  readonly finishedAfter?: Date;
  readonly finishedBefore?: Date;
  readonly startedAfter?: Date;
  readonly startedBefore?: Date;
  readonly startedBy?: string;
  readonly includeProcessVariables?: boolean;
  /** Instance variables that must match, each one (AND). */
  readonly variables?: readonly VariableCondition[];
  /** The caller's tenant is always the scope: another tenant id matches nothing. */
  readonly tenantId?: string;
  /** SQL LIKE pattern on the tenant id (as text). */
  readonly tenantIdLike?: string;
  /** true: only instances without a tenant — there are none. */
  readonly withoutTenantId?: boolean;
  /** Default processInstanceId (Activiti's default), order asc. */
  readonly sort?: HistoricInstanceSort;
  readonly order?: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

const SORT: Record<HistoricInstanceSort, string> = {
  processInstanceId: 'p.id',
  processDefinitionId: 'p.definition_id',
  businessKey: 'p.business_key',
  startTime: 'p.started_at',
  endTime: 'p.ended_at',
  duration: '(p.ended_at - p.started_at)',
  tenantId: 'p.tenant_id',
};

/** aps historic-process-instances/query: every parameter of seed 004's table, in SQL; only visible instances unless admin. */
@Injectable()
export class QueryHistoricProcessInstances {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly reader: InstanceReader,
  ) {}

  async execute(q: QueryHistoricProcessInstancesInput): Promise<{ total: number; items: InstanceView[] }> {
    const viewer = await this.access.viewer(q.actor);
    const params: unknown[] = [viewer.tenantId];
    const where: string[] = ['p.tenant_id = $1'];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.processInstanceId !== undefined) where.push(`p.id = ${param(q.processInstanceId)}::bigint`);
    if (q.processInstanceIds !== undefined) where.push(`p.id = ANY(${param(q.processInstanceIds)}::bigint[])`);
    if (q.processDefinitionKey !== undefined) where.push(`d.key = ${param(q.processDefinitionKey)}`);
    if (q.processDefinitionId !== undefined) where.push(`p.definition_id = ${param(q.processDefinitionId)}`);
    if (q.businessKey !== undefined) where.push(`p.business_key = ${param(q.businessKey)}`);
    if (q.involvedUser !== undefined) where.push(instanceVisibleSql('p.id', `${param(q.involvedUser)}::bigint`, `'{}'::bigint[]`));
    if (q.finished !== undefined) where.push(q.finished ? 'p.ended_at IS NOT NULL' : 'p.ended_at IS NULL');
    if (q.superProcessInstanceId !== undefined) where.push('false');
    if (q.finishedAfter !== undefined) where.push(`p.ended_at > ${param(q.finishedAfter)}`);
    if (q.finishedBefore !== undefined) where.push(`p.ended_at < ${param(q.finishedBefore)}`);
    if (q.startedAfter !== undefined) where.push(`p.started_at > ${param(q.startedAfter)}`);
    if (q.startedBefore !== undefined) where.push(`p.started_at < ${param(q.startedBefore)}`);
    if (q.startedBy !== undefined) where.push(`p.started_by = ${param(q.startedBy)}::bigint`);
    for (const v of q.variables ?? []) where.push(this.variableSql(v, param));
    if (q.tenantId !== undefined) where.push(`p.tenant_id::text = ${param(q.tenantId)}`);
    if (q.tenantIdLike !== undefined) where.push(`p.tenant_id::text LIKE ${param(q.tenantIdLike)}`);
    if (q.withoutTenantId === true) where.push('false');
    if (!viewer.admin) where.push(instanceVisibleSql('p.id', `${param(viewer.userId)}::bigint`, `${param(viewer.groupIds)}::bigint[]`));
    const direction = q.order === 'desc' ? 'DESC' : 'ASC';
    const order = `${SORT[q.sort ?? 'processInstanceId']} ${direction} NULLS LAST, p.id ${direction}`;
    const filterParams = [...params];
    const rows = await this.uow.query<InstanceRow & { total: number }>(
      `SELECT ${INSTANCE_COLUMNS}, count(*) OVER ()::int AS "total" FROM ${INSTANCE_FROM}
        WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(q.limit)} OFFSET ${param(q.offset)}`,
      params,
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && q.offset > 0) {
      const [row] = await this.uow.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${INSTANCE_FROM} WHERE ${where.join(' AND ')}`, filterParams);
      total = row?.total ?? 0;
    }
    return { total, items: await this.reader.complete(viewer.tenantId, rows, q.includeProcessVariables === true) };
  }

  /** One QueryVariable as an EXISTS over the instance's variables; the operation comes from a whitelist. */
  private variableSql(v: VariableCondition, param: (value: unknown) => string): string {
    const text = `(qv.value #>> '{}')`;
    let condition: string;
    switch (v.operation) {
      case 'equals':
        condition = `qv.value = ${param(JSON.stringify(v.value ?? null))}::jsonb`;
        break;
      case 'notEquals':
        condition = `qv.value <> ${param(JSON.stringify(v.value ?? null))}::jsonb`;
        break;
      case 'equalsIgnoreCase':
      case 'notEqualsIgnoreCase':
        if (typeof v.value !== 'string') throw variableValueError(v);
        condition = `jsonb_typeof(qv.value) = 'string' AND lower(${text}) ${v.operation === 'equalsIgnoreCase' ? '=' : '<>'} lower(${param(v.value)}::text)`;
        break;
      case 'like':
        if (typeof v.value !== 'string') throw variableValueError(v);
        condition = `jsonb_typeof(qv.value) = 'string' AND ${text} LIKE ${param(v.value)}::text`;
        break;
      default: {
        const op = COMPARE[v.operation]!;
        if (typeof v.value === 'number' && Number.isFinite(v.value)) condition = `jsonb_typeof(qv.value) = 'number' AND ${text}::numeric ${op} ${param(v.value)}::numeric`;
        else if (typeof v.value === 'string') condition = `jsonb_typeof(qv.value) = 'string' AND ${text} ${op} ${param(v.value)}::text`;
        else throw variableValueError(v);
      }
    }
    return `EXISTS (SELECT 1 FROM process_engine.variables qv WHERE qv.instance_id = p.id AND qv.task_id IS NULL AND qv.execution_id IS NULL
      AND qv.name = ${param(v.name)} AND ${condition})`;
  }
}

function variableValueError(v: VariableCondition): DomainError {
  return DomainError.validation('ENGINE.QUERY_VARIABLE', `Variable condition '${v.name}': ${v.operation} needs a ${v.operation.includes('like') || v.operation.includes('IgnoreCase') ? 'string' : 'number or string'} value`, {
    field: 'variables',
    value: v.value,
  });
}
