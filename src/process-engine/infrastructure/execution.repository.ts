import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ExecutionState } from '../domain/runtime/instance-state.js';

export interface ExecutionDiff {
  readonly inserted: readonly ExecutionState[];
  readonly updated: readonly ExecutionState[];
  readonly deleted: readonly string[];
}

/** What changed between two token trees: rows that appeared, changed, disappeared. */
export function diffExecutions(before: readonly ExecutionState[], after: readonly ExecutionState[]): ExecutionDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const inserted: ExecutionState[] = [];
  const updated: ExecutionState[] = [];
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) inserted.push(e);
    else if (changed(was, e)) updated.push(e);
    old.delete(e.id);
  }
  return { inserted, updated, deleted: [...old.keys()] };
}

function changed(a: ExecutionState, b: ExecutionState): boolean {
  return (
    a.parentId !== b.parentId ||
    a.kind !== b.kind ||
    a.nodeId !== b.nodeId ||
    a.status !== b.status ||
    a.arrivedVia !== b.arrivedVia ||
    JSON.stringify(a.data ?? null) !== JSON.stringify(b.data ?? null)
  );
}

/** Column arrays of executions for unnest: id, parent_id, kind, node_id, status, arrived_via, data. */
export function executionColumns(rows: readonly ExecutionState[]): unknown[] {
  return [
    rows.map((e) => e.id),
    rows.map((e) => e.parentId),
    rows.map((e) => e.kind),
    rows.map((e) => e.nodeId),
    rows.map((e) => e.status),
    rows.map((e) => e.arrivedVia),
    rows.map((e) => (e.data == null ? null : JSON.stringify(e.data))),
  ];
}

/** The token tree of an instance: one row per execution (root, scopes, tokens). Written by EngineWrites.writeStep. */
@Injectable()
export class ExecutionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The token tree and the instance-scope variables (what expressions see), in one round trip:
   * everything an engine step reads besides the (cached) model.
   */
  async loadState(tenantId: string, instanceId: string): Promise<{ executions: ExecutionState[]; variables: Record<string, unknown> }> {
    const [row] = await this.uow.query<{ executions: ExecutionState[] | null; variables: Record<string, unknown> | null }>(
      `SELECT
         (SELECT json_agg(json_build_object('id', e.id, 'parentId', e.parent_id, 'kind', e.kind, 'nodeId', e.node_id, 'status', e.status,
                                            'arrivedVia', e.arrived_via, 'data', e.data) ORDER BY e.created_at, e.id)
            FROM process_engine.executions e WHERE e.instance_id = $2) AS executions,
         (SELECT jsonb_object_agg(v.name, v.value)
            FROM process_engine.variables v
           WHERE v.tenant_id = $1 AND v.instance_id = $2 AND v.task_id IS NULL AND v.execution_id IS NULL) AS variables`,
      [tenantId, instanceId],
    );
    return { executions: row?.executions ?? [], variables: row?.variables ?? {} };
  }
}
