import { Injectable } from '@nestjs/common';
import type { ResolvedForm } from '../forms.api.types.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormSubmissionRepository } from '../infrastructure/form-submission.repository.js';
import { toResolvedForm } from './resolved-form.js';

/** The newest submission of an instance's start form (taskId null) or of a task's form. */
@Injectable()
export class SubmittedValues {
  constructor(
    private readonly submissions: FormSubmissionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  async execute(tenantId: string, target: { readonly processInstanceId: string; readonly taskId: string | null }): Promise<{ form: ResolvedForm; values: Record<string, unknown> } | null> {
    const row = await this.submissions.latest(tenantId, target);
    if (!row) return null;
    const loaded = await this.cache.load(row.formDefinitionId);
    // The form went with its deployment or model: the values alone cannot be shown as a form.
    if (!loaded || loaded.row.tenantId !== tenantId) return null;
    return { form: toResolvedForm(loaded), values: row.values };
  }
}
