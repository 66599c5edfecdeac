import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ResolvedForm, SubmissionTarget, ValidatedSubmission } from '../forms.api.types.js';
import { FormDraftRepository } from '../infrastructure/form-draft.repository.js';
import { FormSubmissionRepository } from '../infrastructure/form-submission.repository.js';

/**
 * Records a validated submission (start-form history and audit), drops the task's draft and
 * publishes `forms.form.submitted`, all in the caller's transaction: for a task form the engine's
 * in-transaction handler stores the variables and completes the task in that same transaction.
 */
@Injectable()
export class RecordSubmission {
  constructor(
    private readonly submissions: FormSubmissionRepository,
    private readonly drafts: FormDraftRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(form: ResolvedForm, target: SubmissionTarget, submission: ValidatedSubmission): Promise<void> {
    await this.submissions.insert({
      tenantId: target.tenantId,
      formDefinitionId: form.id,
      processInstanceId: target.processInstanceId,
      taskId: target.taskId,
      values: Object.fromEntries(submission.formData.map((d) => [d.fieldId, d.value])),
      outcome: submission.outcome,
      submittedBy: target.userId,
      // The task's draft goes in the same statement.
      dropDraft: target.taskId !== null && /^\d{1,18}$/.test(target.taskId),
    });
    if (target.taskId !== null) this.drafts.noteDropped(target.tenantId, target.taskId);
    await this.bus.publish(
      'forms.form.submitted',
      {
        formDefinitionId: form.id,
        formKey: form.key,
        processInstanceId: target.processInstanceId,
        taskId: target.taskId,
        submittedBy: target.userId,
        outcome: submission.outcome,
        variables: submission.variables.map((v) => ({ name: v.name, type: v.type, value: v.value })),
        contentIds: [...submission.contentIds],
      },
      target.tenantId,
    );
  }
}
