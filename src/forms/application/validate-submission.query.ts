import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../identity/index.js';
import type { ResolvedForm, ValidatedSubmission } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { validateSubmission, type SubmissionInput } from '../domain/validate-submission.js';
import { LoadForm } from './load-form.query.js';

/**
 * Checks submitted values against the form (see domain/validate-submission.ts for the rules) and,
 * once they pass, that the users named by people fields exist in the form's tenant (through
 * IdentityApi). Functional-group ids are not checked here: groups belong to org-structure, which
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
    if (!result.ok) throw FormsErrors.invalidValues(result.problems);
    if (result.userIds.length > 0) {
      const existing = new Set(await this.identity.existingUserIds(form.tenantId, [...new Set(result.userIds)]));
      const problems = result.submission.variables
        .filter((v) => result.userIds.includes(String(v.value)) && !existing.has(String(v.value)))
        .map((v) => ({ field: v.name, message: `user ${String(v.value)} does not exist` }));
      if (problems.length > 0) throw FormsErrors.invalidValues(problems);
    }
    return result.submission;
  }
}
