import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ResolvedForm, SubmissionTarget } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { checkDraftValues } from '../domain/validate-submission.js';
import { FormDraftRepository } from '../infrastructure/form-draft.repository.js';
import { LoadForm } from './load-form.query.js';

/**
 * save-form: keeps a task's draft values until the task is completed. A draft may be incomplete:
 * only field ids and the values' basic types are checked (no required, lengths, ranges, patterns,
 * visibility or outcome). Values are kept as sent; a new save replaces the whole draft.
 */
@Injectable()
export class SaveDraft {
  constructor(
    private readonly load: LoadForm,
    private readonly drafts: FormDraftRepository,
  ) {}

  @Transactional()
  async execute(form: ResolvedForm, target: SubmissionTarget & { readonly taskId: string }, values: Readonly<Record<string, unknown>>): Promise<void> {
    const { form: definition } = await this.load.execute(form);
    const problems = checkDraftValues(definition, values);
    if (problems.length > 0) throw FormsErrors.invalidValues(problems);
    await this.drafts.save({ tenantId: target.tenantId, taskId: target.taskId, formDefinitionId: form.id, values: { ...values }, savedBy: target.userId });
  }
}
