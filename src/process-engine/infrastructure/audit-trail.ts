import type { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

/** One row of process_engine.audit_entries (type values: see the writers; details hold what the aps audit JSON needs). */
export interface AuditEntry {
  readonly tenantId: string;
  readonly instanceId: string | null;
  readonly taskId?: string | null;
  readonly type: string;
  readonly userId: string | null;
  readonly details?: Record<string, unknown>;
}

/**
 * Writes one audit entry: the one place that inserts a single row into the audit trail. (The engine
 * run's batch, engine-writes.ts, and task completion, which ties its entry to the versioned update
 * in one statement, insert theirs inside their own statements.)
 */
export async function writeAuditEntry(uow: UnitOfWork, e: AuditEntry): Promise<void> {
  await uow.query(
    `INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
     VALUES ($1, $2::bigint, $3::bigint, $4, $5::bigint, $6::jsonb)`,
    [e.tenantId, e.instanceId, e.taskId ?? null, e.type, e.userId, JSON.stringify(e.details ?? {})],
  );
}
