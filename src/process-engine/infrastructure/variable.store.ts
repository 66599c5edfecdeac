import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { writeAuditEntry } from './audit-trail.js';
import type { TypedValue, VariableType } from '../domain/variables/typed-value.js';

/** Where a variable lives: an instance (global), or a task (local). Execution-local variables come later. */
export type VariableScope =
  | { readonly kind: 'instance'; readonly tenantId: string; readonly instanceId: string }
  | { readonly kind: 'task'; readonly tenantId: string; readonly taskId: string; readonly instanceId: string | null };

export interface StoredVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly value: unknown;
  readonly scope: 'global' | 'local';
  readonly taskId: string | null;
  readonly instanceId: string | null;
  readonly updatedAt: Date;
}

export interface VariableChange {
  readonly name: string;
  readonly type: VariableType;
  readonly value: unknown;
  readonly change: 'created' | 'updated' | 'deleted';
}

export interface VariableAudit {
  readonly tenantId: string;
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly userId: string;
  readonly scope: 'local' | 'global';
  readonly changes: readonly VariableChange[];
}

const COLUMNS = `v.name AS "name", v.type AS "type", v.value AS "value",
  CASE WHEN v.task_id IS NULL THEN 'global' ELSE 'local' END AS "scope",
  v.task_id::text AS "taskId", v.instance_id::text AS "instanceId", v.updated_at AS "updatedAt"`;

function scopeWhere(s: VariableScope): { sql: string; params: unknown[] } {
  return s.kind === 'instance'
    ? { sql: `v.tenant_id = $1 AND v.instance_id = $2 AND v.task_id IS NULL AND v.execution_id IS NULL`, params: [s.tenantId, s.instanceId] }
    : { sql: `v.tenant_id = $1 AND v.task_id = $2`, params: [s.tenantId, s.taskId] };
}

/**
 * Variables of instances and tasks, with a variable_history row for every change. Callers have
 * already typed the values (toTypedValue) and checked access; this only stores and reads.
 */
@Injectable()
export class VariableStore {
  constructor(private readonly uow: UnitOfWork) {}

  async list(scope: VariableScope): Promise<StoredVariable[]> {
    const w = scopeWhere(scope);
    return this.uow.query<StoredVariable>(`SELECT ${COLUMNS} FROM process_engine.variables v WHERE ${w.sql} ORDER BY v.name`, w.params);
  }

  async get(scope: VariableScope, name: string): Promise<StoredVariable | null> {
    const w = scopeWhere(scope);
    const rows = await this.uow.query<StoredVariable>(
      `SELECT ${COLUMNS} FROM process_engine.variables v WHERE ${w.sql} AND v.name = $${w.params.length + 1}`,
      [...w.params, name],
    );
    return rows[0] ?? null;
  }

  /** Instance variables as plain values by name: what expressions see. */
  async valuesOf(tenantId: string, instanceId: string): Promise<Record<string, unknown>> {
    const rows = await this.list({ kind: 'instance', tenantId, instanceId });
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  /** Which of `names` exist in the scope. */
  async existing(scope: VariableScope, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const w = scopeWhere(scope);
    const rows = await this.uow.query<{ name: string }>(
      `SELECT v.name AS "name" FROM process_engine.variables v WHERE ${w.sql} AND v.name = ANY($${w.params.length + 1}::text[])`,
      [...w.params, names],
    );
    return rows.map((r) => r.name);
  }

  /**
   * Creates or replaces each variable (one statement for all), recording history. A name given
   * twice keeps its last value (one row cannot be upserted twice in one statement).
   */
  async set(scope: VariableScope, given: ReadonlyArray<{ readonly name: string } & TypedValue>, changedBy: string | null): Promise<void> {
    const vars = [...new Map(given.map((v) => [v.name, v])).values()];
    if (vars.length === 0) return;
    const instanceId = scope.instanceId;
    const taskId = scope.kind === 'task' ? scope.taskId : null;
    const names = vars.map((v) => v.name);
    const types = vars.map((v) => v.type);
    const values = vars.map((v) => JSON.stringify(v.value ?? null));
    await this.uow.query(
      `WITH input AS (SELECT * FROM unnest($4::text[], $5::text[], $6::text[]) AS x(name, type, value)),
            existing AS (
              SELECT v.name FROM process_engine.variables v
               WHERE v.tenant_id = $1 AND v.instance_id IS NOT DISTINCT FROM $2::bigint AND v.task_id IS NOT DISTINCT FROM $3::bigint
                 AND v.execution_id IS NULL AND v.name = ANY($4::text[])),
            upserted AS (
              INSERT INTO process_engine.variables (tenant_id, instance_id, task_id, name, type, value)
              SELECT $1, $2::bigint, $3::bigint, i.name, i.type, i.value::jsonb FROM input i
              ON CONFLICT (tenant_id, coalesce(instance_id, 0), coalesce(execution_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(task_id, 0), name)
              DO UPDATE SET type = excluded.type, value = excluded.value, updated_at = now()
              RETURNING name)
       INSERT INTO process_engine.variable_history (tenant_id, instance_id, task_id, name, type, value, change, changed_by)
       SELECT $1, $2::bigint, $3::bigint, i.name, i.type, i.value::jsonb,
              CASE WHEN i.name IN (SELECT name FROM existing) THEN 'updated' ELSE 'created' END, $7::bigint
         FROM input i`,
      [scope.tenantId, instanceId, taskId, names, types, values, changedBy],
    );
  }

  /** Deletes the named variables (all when `names` is null); returns how many were deleted. */
  async delete(scope: VariableScope, names: readonly string[] | null, changedBy: string | null): Promise<number> {
    const w = scopeWhere(scope);
    const rows = await this.uow.query<{ name: string }>(
      `WITH gone AS (
         DELETE FROM process_engine.variables v WHERE ${w.sql} ${names ? `AND v.name = ANY($${w.params.length + 2}::text[])` : ''}
         RETURNING v.tenant_id, v.instance_id, v.task_id, v.name, v.type)
       INSERT INTO process_engine.variable_history (tenant_id, instance_id, task_id, name, type, value, change, changed_by)
       SELECT g.tenant_id, g.instance_id, g.task_id, g.name, g.type, NULL, 'deleted', $${w.params.length + 1}::bigint FROM gone g
       RETURNING name`,
      names ? [...w.params, changedBy, names] : [...w.params, changedBy],
    );
    return rows.length;
  }

  /**
   * The audit entry of a variable change made by a person ('variables-updated'): `details.variables`
   * lists what changed ({name, type, value, change}) and `details.scope` where (local: the task's
   * own variables, global: the instance's), as the aps audit log shows it.
   */
  async audit(entry: VariableAudit): Promise<void> {
    if (entry.changes.length === 0) return;
    await writeAuditEntry(this.uow, {
      tenantId: entry.tenantId,
      instanceId: entry.instanceId,
      taskId: entry.taskId,
      type: 'variables-updated',
      userId: entry.userId,
      details: { scope: entry.scope, variables: entry.changes },
    });
  }
}
