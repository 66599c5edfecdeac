import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ExecutionState } from '../domain/runtime/instance-state.js';

/** The token tree of an instance: one row per execution (root, scopes, tokens). */
@Injectable()
export class ExecutionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async load(instanceId: string): Promise<ExecutionState[]> {
    return this.uow.query<ExecutionState>(
      `SELECT id::text AS id, parent_id::text AS "parentId", kind, node_id AS "nodeId", status, arrived_via AS "arrivedVia", data
         FROM process_engine.executions WHERE instance_id = $1 ORDER BY created_at, id`,
      [instanceId],
    );
  }

  /**
   * Writes the difference between two token trees in at most three statements: rows that appeared
   * are inserted, rows that changed updated, rows that disappeared deleted.
   */
  async applyDiff(tenantId: string, instanceId: string, before: readonly ExecutionState[], after: readonly ExecutionState[]): Promise<void> {
    const old = new Map(before.map((e) => [e.id, e]));
    const inserted: ExecutionState[] = [];
    const updated: ExecutionState[] = [];
    for (const e of after) {
      const was = old.get(e.id);
      if (!was) inserted.push(e);
      else if (changed(was, e)) updated.push(e);
      old.delete(e.id);
    }
    const deleted = [...old.keys()];
    if (deleted.length > 0) {
      await this.uow.query(`DELETE FROM process_engine.executions WHERE instance_id = $1 AND id = ANY($2::uuid[])`, [instanceId, deleted]);
    }
    if (inserted.length > 0) {
      await this.uow.query(
        `INSERT INTO process_engine.executions (id, tenant_id, instance_id, parent_id, kind, node_id, status, arrived_via, data)
         SELECT x.id, $1, $2, x.parent_id, x.kind, x.node_id, x.status, x.arrived_via, x.data::jsonb
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                WITH ORDINALITY AS x(id, parent_id, kind, node_id, status, arrived_via, data, ord)
          ORDER BY x.ord`,
        [tenantId, instanceId, ...columns(inserted)],
      );
    }
    if (updated.length > 0) {
      await this.uow.query(
        `UPDATE process_engine.executions e
            SET parent_id = x.parent_id, kind = x.kind, node_id = x.node_id, status = x.status, arrived_via = x.arrived_via, data = x.data::jsonb
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                AS x(id, parent_id, kind, node_id, status, arrived_via, data)
          WHERE e.id = x.id AND e.instance_id = $1`,
        [instanceId, ...columns(updated)],
      );
    }
  }
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

function columns(rows: readonly ExecutionState[]): unknown[] {
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
