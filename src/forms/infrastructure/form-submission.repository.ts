import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface FormSubmissionRow {
  readonly id: string;
  readonly formDefinitionId: string;
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
  /** Field id → value as validated. */
  readonly values: Record<string, unknown>;
  readonly outcome: string | null;
  readonly submittedBy: string;
  readonly submittedAt: Date;
}

const COLUMNS = `s.id::text AS "id", s.form_definition_id::text AS "formDefinitionId", s.process_instance_id::text AS "processInstanceId",
  s.task_id::text AS "taskId", s.values AS "values", s.outcome AS "outcome", s.submitted_by::text AS "submittedBy", s.submitted_at AS "submittedAt"`;

/** Submission history of start and task forms. */
@Injectable()
export class FormSubmissionRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(s: {
    readonly tenantId: string;
    readonly formDefinitionId: string;
    readonly processInstanceId: string | null;
    readonly taskId: string | null;
    readonly values: Record<string, unknown>;
    readonly outcome: string | null;
    readonly submittedBy: string;
    /** Drop the task's draft in the same statement (see FormDraftRepository.noteDropped). */
    readonly dropDraft?: boolean;
  }): Promise<FormSubmissionRow> {
    const [row] = await this.uow.query<FormSubmissionRow>(
      `WITH dropped AS (DELETE FROM forms.form_drafts WHERE $8::boolean AND tenant_id = $1 AND task_id = $4::bigint)
       INSERT INTO forms.form_submissions AS s (tenant_id, form_definition_id, process_instance_id, task_id, values, outcome, submitted_by)
       VALUES ($1, $2, $3::bigint, $4::bigint, $5::jsonb, $6, $7::bigint) RETURNING ${COLUMNS}`,
      [s.tenantId, s.formDefinitionId, s.processInstanceId, s.taskId, JSON.stringify(s.values), s.outcome, s.submittedBy, s.dropDraft === true && s.taskId !== null],
    );
    return row!;
  }

  /** The newest submission of a task's form, or of an instance's start form (taskId null). */
  async latest(tenantId: string, target: { readonly processInstanceId: string; readonly taskId: string | null }): Promise<FormSubmissionRow | null> {
    const ok = (v: string | null): boolean => v === null || /^\d{1,18}$/.test(v);
    if (!ok(target.processInstanceId) || !ok(target.taskId)) return null;
    const [row] =
      target.taskId === null
        ? await this.uow.query<FormSubmissionRow>(
            `SELECT ${COLUMNS} FROM forms.form_submissions s WHERE s.tenant_id = $1 AND s.process_instance_id = $2 AND s.task_id IS NULL
              ORDER BY s.id DESC LIMIT 1`,
            [tenantId, target.processInstanceId],
          )
        : await this.uow.query<FormSubmissionRow>(
            `SELECT ${COLUMNS} FROM forms.form_submissions s WHERE s.tenant_id = $1 AND s.task_id = $2 ORDER BY s.id DESC LIMIT 1`,
            [tenantId, target.taskId],
          );
    return row ?? null;
  }
}
