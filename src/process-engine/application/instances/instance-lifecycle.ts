import type { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import type { Viewer } from '../access/engine-access.js';
import type { InstanceState } from './instance.view.js';

export interface LockedInstance {
  readonly id: string;
  readonly state: InstanceState;
  readonly startedBy: string | null;
  readonly definitionId: string;
  readonly definitionKey: string;
}

/** Locks the instance row (engine commands lock the instance first, conventions.md), or 404. */
export async function lockInstance(uow: UnitOfWork, tenantId: string, id: string): Promise<LockedInstance> {
  const rows = await uow.query<LockedInstance>(
    `SELECT p.id::text AS id, p.state, p.started_by::text AS "startedBy", p.definition_id AS "definitionId",
            (SELECT d.key FROM process_engine.process_definitions d WHERE d.id = p.definition_id) AS "definitionKey"
       FROM process_engine.process_instances p WHERE p.id = $1 AND p.tenant_id = $2 FOR UPDATE OF p`,
    [id, tenantId],
  );
  if (rows.length === 0) throw EngineErrors.instanceNotFound(id);
  return rows[0]!;
}

/**
 * Deleting, suspending and activating stop or restart everyone's work on an instance: as in Alfresco
 * (which deletes only instances the caller started), the starter may, and so may an administrator;
 * other involved users get 403.
 */
export function requireStarterOrAdmin(viewer: Viewer, actor: Principal, instance: LockedInstance, what: string): void {
  if (!viewer.admin && instance.startedBy !== actor.userId) throw EngineErrors.starterOrAdminOnly(what, instance.id);
}
