import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

/** Saved, not yet submitted values of task forms (one draft per task). */
@Injectable()
export class FormDraftRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async save(d: { readonly tenantId: string; readonly taskId: string; readonly formDefinitionId: string; readonly values: Record<string, unknown>; readonly savedBy: string }): Promise<void> {
    await this.uow.query(
      `INSERT INTO forms.form_drafts (tenant_id, task_id, form_definition_id, values, saved_by) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (tenant_id, task_id) DO UPDATE
         SET form_definition_id = EXCLUDED.form_definition_id, values = EXCLUDED.values, saved_by = EXCLUDED.saved_by, saved_at = now()`,
      [d.tenantId, d.taskId, d.formDefinitionId, JSON.stringify(d.values), d.savedBy],
    );
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
  }
}
