import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

const DROPPED = Symbol('forms.drafts.dropped');

/**
 * Saved, not yet submitted values of task forms (one draft per task). A transaction remembers the
 * drafts it dropped (and has not saved again since): a task form submission drops the draft, and
 * the completion it causes in the same transaction need not drop it a second time.
 */
@Injectable()
export class FormDraftRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private dropped(): Set<string> | null {
    return this.uow.transactionLocal(DROPPED, () => new Set<string>());
  }

  async save(d: { readonly tenantId: string; readonly taskId: string; readonly formDefinitionId: string; readonly values: Record<string, unknown>; readonly savedBy: string }): Promise<void> {
    await this.uow.query(
      `INSERT INTO forms.form_drafts (tenant_id, task_id, form_definition_id, values, saved_by) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (tenant_id, task_id) DO UPDATE
         SET form_definition_id = EXCLUDED.form_definition_id, values = EXCLUDED.values, saved_by = EXCLUDED.saved_by, saved_at = now()`,
      [d.tenantId, d.taskId, d.formDefinitionId, JSON.stringify(d.values), d.savedBy],
    );
    this.dropped()?.delete(`${d.tenantId}:${d.taskId}`);
  }

  async valuesOf(tenantId: string, taskId: string): Promise<Record<string, unknown> | null> {
    if (!/^\d{1,18}$/.test(taskId)) return null;
    const [row] = await this.uow.query<{ values: Record<string, unknown> }>(
      `SELECT values FROM forms.form_drafts WHERE tenant_id = $1 AND task_id = $2`,
      [tenantId, taskId],
    );
    return row?.values ?? null;
  }

  async delete(tenantId: string, taskId: string): Promise<void> {
    if (!/^\d{1,18}$/.test(taskId)) return;
    await this.uow.query(`DELETE FROM forms.form_drafts WHERE tenant_id = $1 AND task_id = $2`, [tenantId, taskId]);
    this.dropped()?.add(`${tenantId}:${taskId}`);
  }

  /** The draft of a task was dropped by another statement of this transaction (a submission's). */
  noteDropped(tenantId: string, taskId: string): void {
    this.dropped()?.add(`${tenantId}:${taskId}`);
  }

  /** `delete`, unless this transaction already dropped that draft (and saved none since). */
  async deleteOnce(tenantId: string, taskId: string): Promise<void> {
    if (this.dropped()?.has(`${tenantId}:${taskId}`)) return;
    await this.delete(tenantId, taskId);
  }
}
