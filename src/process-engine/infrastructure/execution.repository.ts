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

/** What an engine step reads of an instance: its token tree and its instance-scope variables. */
export interface InstanceState {
  readonly executions: ExecutionState[];
  readonly variables: Record<string, unknown>;
}

/**
 * SQL of two columns, `executions` and `variables`, for the instance whose id is `instance` (and
 * tenant `tenant`): to be selected by a statement that runs while the instance lock is held.
 */
export const INSTANCE_STATE_COLUMNS = (tenant: string, instance: string): string => `
         (SELECT json_agg(json_build_object('id', e.id, 'parentId', e.parent_id, 'kind', e.kind, 'nodeId', e.node_id, 'status', e.status,
                                            'arrivedVia', e.arrived_via, 'data', e.data) ORDER BY e.created_at, e.id)
            FROM process_engine.executions e WHERE e.instance_id = ${instance}) AS executions,
         (SELECT jsonb_object_agg(v.name, v.value)
            FROM process_engine.variables v
           WHERE v.tenant_id = ${tenant} AND v.instance_id = ${instance} AND v.task_id IS NULL AND v.execution_id IS NULL) AS variables`;

/** The token tree of an instance: one row per execution (root, scopes, tokens). Written by EngineWrites.writeStep. */
@Injectable()
export class ExecutionRepository {
  /** State read by another statement of the transaction, with the transaction's write count then (see `prime`). */
  private readonly primed = new WeakMap<object, Map<string, { readonly state: InstanceState; readonly writeSequence: number }>>();

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Keeps the state of a locked instance that a statement of this transaction has just read (with
   * INSTANCE_STATE_COLUMNS, after the lock was granted — CompleteTask's versioned update reads it in
   * the same round trip), so that the step that follows does not read it again. It serves one
   * `loadState` of that instance, and only while no statement of the transaction has written since
   * (UnitOfWork.writeSequence): a handler that wrote variables in between makes it read afresh.
   */
  prime(instanceId: string, state: { readonly executions: ExecutionState[] | null; readonly variables: Record<string, unknown> | null }): void {
    if (!this.uow.inTransaction) return;
    const manager = this.uow.platformManager;
    let held = this.primed.get(manager);
    if (!held) {
      held = new Map();
      this.primed.set(manager, held);
    }
    held.set(instanceId, { state: { executions: state.executions ?? [], variables: state.variables ?? {} }, writeSequence: this.uow.writeSequence });
  }

  /**
   * The token tree and the instance-scope variables (what expressions see), in one round trip:
   * everything an engine step reads besides the (cached) model. None when primed (see `prime`).
   */
  async loadState(tenantId: string, instanceId: string): Promise<InstanceState> {
    if (this.uow.inTransaction) {
      const held = this.primed.get(this.uow.platformManager);
      const primed = held?.get(instanceId);
      if (primed) {
        held!.delete(instanceId);
        if (primed.writeSequence === this.uow.writeSequence) return primed.state;
      }
    }
    const [row] = await this.uow.query<{ executions: ExecutionState[] | null; variables: Record<string, unknown> | null }>(
      `SELECT ${INSTANCE_STATE_COLUMNS('$1', '$2')}`,
      [tenantId, instanceId],
    );
    return { executions: row?.executions ?? [], variables: row?.variables ?? {} };
  }
}
