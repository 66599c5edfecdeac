import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type UserSummary } from '../../../identity/index.js';
import type { VariableType } from '../../domain/variables/typed-value.js';
import type { InstanceRow, InstanceView } from './instance.view.js';

export type { InstanceRow } from './instance.view.js';

/** Columns of an instance row `p` joined with its definition `d` (the FROM clause is INSTANCE_FROM). */
export const INSTANCE_COLUMNS = `p.id::text AS "id", p.tenant_id::text AS "tenantId", p.name AS "name", p.business_key AS "businessKey",
  p.state AS "state", p.started_at AS "startedAt", p.ended_at AS "endedAt", p.end_reason AS "endReason", p.started_by::text AS "startedById",
  d.id AS "definitionId", d.key AS "definitionKey", d.name AS "definitionName", d.description AS "definitionDescription",
  d.category AS "definitionCategory", d.version AS "definitionVersion", d.deployment_id::text AS "deploymentId", d.has_start_form AS "hasStartForm",
  d.graphical_notation AS "graphicalNotation",
  (SELECT count(*)::int FROM process_engine.incidents inc WHERE inc.instance_id = p.id AND inc.resolved_at IS NULL) AS "incidents"`;

export const INSTANCE_FROM = `process_engine.process_instances p JOIN process_engine.process_definitions d ON d.id = p.definition_id`;

/**
 * Reads instances with their definitions, starters (one IdentityApi call per page) and, when asked,
 * their instance variables (one query per page): no N+1 however long the page.
 */
@Injectable()
export class InstanceReader {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityApi,
  ) {}

  /**
   * One instance of the tenant, or null. Access is the caller's business (EngineAccess). Its
   * variables come in the same statement (the order of `complete`: by name).
   */
  async one(tenantId: string, id: string, withVariables: boolean): Promise<InstanceView | null> {
    if (!withVariables) {
      const rows = await this.uow.query<InstanceRow>(`SELECT ${INSTANCE_COLUMNS} FROM ${INSTANCE_FROM} WHERE p.id = $1 AND p.tenant_id = $2`, [id, tenantId]);
      const [view] = await this.complete(tenantId, rows, false);
      return view ?? null;
    }
    const [found] = await this.uow.query<InstanceRow & { instanceVariables: Array<{ name: string; type: VariableType; value: unknown }> }>(
      `SELECT ${INSTANCE_COLUMNS},
              coalesce((SELECT json_agg(json_build_object('name', v.name, 'type', v.type, 'value', v.value) ORDER BY v.name)
                          FROM process_engine.variables v
                         WHERE v.tenant_id = p.tenant_id AND v.instance_id = p.id AND v.task_id IS NULL AND v.execution_id IS NULL), '[]') AS "instanceVariables"
         FROM ${INSTANCE_FROM} WHERE p.id = $1 AND p.tenant_id = $2`,
      [id, tenantId],
    );
    if (!found) return null;
    const { instanceVariables, ...row } = found;
    const users = row.startedById ? await this.identity.userSummariesById(tenantId, [row.startedById]) : new Map<string, UserSummary>();
    return { ...row, startedBy: row.startedById ? (users.get(row.startedById) ?? null) : null, variables: instanceVariables };
  }

  /** Adds starters and (optionally) variables to rows read with INSTANCE_COLUMNS, keeping their order. */
  async complete(tenantId: string, rows: readonly InstanceRow[], withVariables: boolean): Promise<InstanceView[]> {
    if (rows.length === 0) return [];
    const users = await this.identity.userSummariesById(tenantId, rows.map((r) => r.startedById).filter((x): x is string => x !== null));
    const variables = new Map<string, Array<{ name: string; type: VariableType; value: unknown }>>();
    if (withVariables) {
      const vars = await this.uow.query<{ instanceId: string; name: string; type: VariableType; value: unknown }>(
        `SELECT v.instance_id::text AS "instanceId", v.name, v.type, v.value FROM process_engine.variables v
          WHERE v.tenant_id = $1 AND v.instance_id = ANY($2::bigint[]) AND v.task_id IS NULL AND v.execution_id IS NULL
          ORDER BY v.instance_id, v.name`,
        [tenantId, rows.map((r) => r.id)],
      );
      for (const v of vars) {
        const list = variables.get(v.instanceId) ?? [];
        list.push({ name: v.name, type: v.type, value: v.value });
        variables.set(v.instanceId, list);
      }
    }
    return rows.map((r) => ({
      ...r,
      startedBy: r.startedById ? (users.get(r.startedById) ?? null) : null,
      variables: withVariables ? (variables.get(r.id) ?? []) : null,
    }));
  }
}
