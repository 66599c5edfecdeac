import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type UserSummary } from '../../../identity/index.js';
import type { VariableType } from '../../domain/variables/typed-value.js';
import type { InstanceRow, InstanceView } from './instance.view.js';
import { INSTANCE_FROM, INSTANCE_VARIABLES_JSON, instanceColumns, WrittenInstanceRows } from '../../infrastructure/instance-columns.js';

export type { InstanceRow } from './instance.view.js';

/** Columns of an instance row `p` joined with its definition `d` (the FROM clause is INSTANCE_FROM). */
export const INSTANCE_COLUMNS = instanceColumns();
export { INSTANCE_FROM };

/**
 * Reads instances with their definitions, starters (one IdentityApi call per page) and, when asked,
 * their instance variables (one query per page): no N+1 however long the page.
 */
@Injectable()
export class InstanceReader {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityApi,
    private readonly written: WrittenInstanceRows,
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
    type WithVariables = InstanceRow & { instanceVariables: Array<{ name: string; type: VariableType; value: unknown }> };
    // The statement that started the instance in this transaction may have answered the row already.
    const written = this.written.take<WithVariables>(id);
    const [found] = written && written.tenantId === tenantId
      ? [written]
      : await this.uow.query<WithVariables>(
          `SELECT ${INSTANCE_COLUMNS}, ${INSTANCE_VARIABLES_JSON} AS "instanceVariables" FROM ${INSTANCE_FROM} WHERE p.id = $1 AND p.tenant_id = $2`,
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
