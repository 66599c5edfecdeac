import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

const OPEN_INCIDENTS = `(SELECT count(*)::int FROM process_engine.incidents inc WHERE inc.instance_id = p.id AND inc.resolved_at IS NULL)`;

/**
 * Columns of an instance row `p` joined with its definition `d` (the FROM clause is INSTANCE_FROM),
 * as InstanceRow names them. `incidents`: the expression for the open incidents (a statement that
 * inserts the instance cannot count rows it inserts itself, so it passes the number it inserted).
 */
export function instanceColumns(incidents: string = OPEN_INCIDENTS): string {
  return `p.id::text AS "id", p.tenant_id::text AS "tenantId", p.name AS "name", p.business_key AS "businessKey",
  p.state AS "state", p.started_at AS "startedAt", p.ended_at AS "endedAt", p.end_reason AS "endReason", p.started_by::text AS "startedById",
  d.id AS "definitionId", d.key AS "definitionKey", d.name AS "definitionName", d.description AS "definitionDescription",
  d.category AS "definitionCategory", d.version AS "definitionVersion", d.deployment_id::text AS "deploymentId", d.has_start_form AS "hasStartForm",
  d.graphical_notation AS "graphicalNotation",
  ${incidents} AS "incidents"`;
}

export const INSTANCE_FROM = `process_engine.process_instances p JOIN process_engine.process_definitions d ON d.id = p.definition_id`;

/** Instance-scope variables of `p` as the instance views carry them: a JSON array ordered by name. */
export const INSTANCE_VARIABLES_JSON = `coalesce((SELECT json_agg(json_build_object('name', v.name, 'type', v.type, 'value', v.value) ORDER BY v.name)
                          FROM process_engine.variables v
                         WHERE v.tenant_id = p.tenant_id AND v.instance_id = p.id AND v.task_id IS NULL AND v.execution_id IS NULL), '[]')`;

const WRITTEN = Symbol('process-engine.written-instance-rows');

/**
 * Instance rows (instanceColumns + `instanceVariables`) that the statement which inserted the
 * instance answered, kept for the rest of the transaction: the start of an instance then answers
 * its view without reading back what it has just written. A row serves once, and only while no
 * statement of the transaction has written since (UnitOfWork.writeSequence) — after a later write
 * (a handler setting variables, say) the view is read afresh.
 */
@Injectable()
export class WrittenInstanceRows {
  constructor(private readonly uow: UnitOfWork) {}

  keep(instanceId: string, row: object): void {
    this.uow.transactionLocal(WRITTEN, () => new Map<string, { row: object; writeSequence: number }>())
      ?.set(instanceId, { row, writeSequence: this.uow.writeSequence });
  }

  take<T extends object>(instanceId: string): T | null {
    const kept = this.uow.transactionLocal(WRITTEN, () => new Map<string, { row: object; writeSequence: number }>());
    const entry = kept?.get(instanceId);
    if (!entry) return null;
    kept!.delete(instanceId);
    return entry.writeSequence === this.uow.writeSequence ? (entry.row as T) : null;
  }
}
