import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../identity/index.js';
import type { FormOption, FormProblem, ResolvedForm, ValidatedSubmission } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { allFields, OPTION_TYPES } from '../domain/form-definition.js';
import { validateSubmission, type SubmissionInput } from '../domain/validate-submission.js';
import { FieldOptionSource } from './field-option-source.js';
import { LoadForm } from './load-form.query.js';

/**
 * Checks submitted values against the form (see domain/validate-submission.ts for the rules) and
 * that the users named by people fields exist in the form's tenant (through IdentityApi); those
 * problems follow the others. Functional-group ids are not checked here: groups belong to org-structure, which
 * forms may not use; the submission names them in `groupFields` and the engine checks them. Stores nothing.
 */
@Injectable()
export class ValidateSubmission {
  constructor(
    private readonly load: LoadForm,
    private readonly identity: IdentityApi,
    private readonly source: FieldOptionSource,
  ) {}

  async execute(form: ResolvedForm, input: SubmissionInput): Promise<ValidatedSubmission> {
    const { form: definition } = await this.load.execute(form);
    // Dropdown / radio / typeahead fields with a restUrl and no written options, that were given a
    // value: when the option source knows the restUrl (it names a data table) the value must be one
    // of its option ids. Any other restUrl is never fetched (no SSRF), so its value is accepted as sent.
    const restOptions = new Map<string, readonly FormOption[]>();
    const sourceProblems: FormProblem[] = [];
    const values = input.values !== null && typeof input.values === 'object' ? input.values : {};
    for (const field of allFields(definition.fields)) {
      if (!OPTION_TYPES.has(field.type) || !field.restUrl || (field.options !== null && field.options.length > 0)) continue;
      const v: unknown = Object.prototype.hasOwnProperty.call(values, field.id) ? values[field.id] : undefined;
      if (v === undefined || v === null || v === '') continue;
      const text = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
      try {
        const options = await this.source.knownOptions(form, {
          id: field.id,
          restUrl: field.restUrl,
          restIdProperty: text(field.raw['restIdProperty']),
          restLabelProperty: text(field.raw['restLabelProperty']),
        });
        if (options !== null) restOptions.set(field.id, options);
      } catch (e) {
        // The named table (or column) does not exist: no value can be one of its options.
        if (!(e instanceof DomainError)) throw e;
        sourceProblems.push({ field: field.id, message: `its options cannot be read (${e.message})` });
      }
    }
    const result = validateSubmission(definition, input, restOptions);
    const problems: FormProblem[] = result.ok ? [] : [...result.problems];
    for (const p of sourceProblems) if (!problems.some((x) => x.field === p.field)) problems.push(p);
    if (result.users.length > 0) {
      const existing = new Set(await this.identity.existingUserIds(form.tenantId, [...new Set(result.users.map((u) => u.userId))]));
      for (const u of result.users) if (!existing.has(u.userId)) problems.push({ field: u.field, message: `user ${u.userId} does not exist` });
    }
    if (!result.ok || problems.length > 0) throw FormsErrors.invalidValues(problems);
    return result.submission;
  }
}
