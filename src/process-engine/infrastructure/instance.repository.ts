import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface LockedInstance {
  readonly id: string;
  readonly tenantId: string;
  readonly definitionId: string;
  readonly state: 'running' | 'suspended' | 'completed' | 'deleted';
  readonly version: number;
}

/** Process-instance rows as the engine runner needs them: insert, lock, and the end-of-step update. */
@Injectable()
export class InstanceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(i: {
    readonly tenantId: string;
    readonly definitionId: string;
    readonly name: string | null;
    readonly businessKey: string | null;
    readonly startedBy: string;
    readonly startActivityId: string | null;
  }): Promise<string> {
    const [row] = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.process_instances (tenant_id, definition_id, name, business_key, started_by, start_activity_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [i.tenantId, i.definitionId, i.name, i.businessKey, i.startedBy, i.startActivityId],
    );
    return row!.id;
  }

  /** `SELECT … FOR UPDATE`: every engine command takes this lock first (instance before tasks). */
  async lock(id: string): Promise<LockedInstance | null> {
    const rows = await this.uow.query<LockedInstance>(
      `SELECT id::text AS id, tenant_id::text AS "tenantId", definition_id AS "definitionId", state, version
         FROM process_engine.process_instances WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the instance a task belongs to (a task's instance never changes), in one round trip. */
  async lockOfTask(taskId: string): Promise<LockedInstance | null> {
    const rows = await this.uow.query<LockedInstance>(
      `SELECT p.id::text AS id, p.tenant_id::text AS "tenantId", p.definition_id AS "definitionId", p.state, p.version
         FROM process_engine.process_instances p
        WHERE p.id = (SELECT t.instance_id FROM process_engine.tasks t WHERE t.id = $1) FOR UPDATE`,
      [taskId],
    );
    return rows[0] ?? null;
  }

  /**
   * The end of an engine step: the version moves (every advance), incidents add up, and an ended
   * instance becomes `completed` with its end activity.
   */
  async afterStep(
    id: string,
    change: { readonly bumpVersion: boolean; readonly incidents: number; readonly ended: { readonly endActivityId: string | null; readonly reason: string | null } | null },
  ): Promise<void> {
    if (!change.bumpVersion && change.incidents === 0 && change.ended === null) return;
    await this.uow.query(
      `UPDATE process_engine.process_instances
          SET version = version + $2::int, incidents = incidents + $3::int,
              state = CASE WHEN $4::boolean THEN 'completed' ELSE state END,
              ended_at = CASE WHEN $4::boolean THEN now() ELSE ended_at END,
              end_activity_id = CASE WHEN $4::boolean THEN $5 ELSE end_activity_id END,
              end_reason = CASE WHEN $4::boolean THEN $6 ELSE end_reason END
        WHERE id = $1`,
      [id, change.bumpVersion ? 1 : 0, change.incidents, change.ended !== null, change.ended?.endActivityId ?? null, change.ended?.reason ?? null],
    );
  }
}
