import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../identity/index.js';
import type { FormProblem, ResolvedForm, ValidatedSubmission } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { validateSubmission, type SubmissionInput } from '../domain/validate-submission.js';
import { LoadForm } from './load-form.query.js';

/**
 * Checks submitted values against the form (see domain/validate-submission.ts for the rules) and
 * that the users named by people fields exist in the form's tenant (through IdentityApi); those
 * problems follow the others. Functional-group ids are not checked here: groups belong to org-structure, which
 * forms may not use; the engine resolves them when it uses them. Stores nothing.
 */
@Injectable()
export class ValidateSubmission {
  constructor(
    private readonly load: LoadForm,
    private readonly identity: IdentityApi,
  ) {}

  async execute(form: ResolvedForm, input: SubmissionInput): Promise<ValidatedSubmission> {
    const { form: definition } = await this.load.execute(form);
    const result = validateSubmission(definition, input);
    const problems: FormProblem[] = result.ok ? [] : [...result.problems];
    if (result.users.length > 0) {
      const existing = new Set(await this.identity.existingUserIds(form.tenantId, [...new Set(result.users.map((u) => u.userId))]));
      for (const u of result.users) if (!existing.has(u.userId)) problems.push({ field: u.field, message: `user ${u.userId} does not exist` });
    }
    if (!result.ok || problems.length > 0) throw FormsErrors.invalidValues(problems);
    return result.submission;
  }
}
