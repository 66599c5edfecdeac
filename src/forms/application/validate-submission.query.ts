import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../identity/index.js';
import type { FormOption, FormProblem, ResolvedForm, ValidatedSubmission } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { allFields, OPTION_TYPES, type FormDefinition } from '../domain/form-definition.js';
import { columnKey, validateSubmission, visibleFields, type SubmissionInput } from '../domain/validate-submission.js';
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
    const { restOptions, sourceProblems } = await this.listedOptions(form, definition, input);
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

  /**
   * Dropdown / radio / typeahead fields, and Dropdown columns of dynamic tables, with a restUrl and
   * no written options, that were given a value: when the option source knows the restUrl (it
   * names a data table) the value must be one of its option ids. Any other restUrl is never fetched
   * (no SSRF), so its value is accepted as sent. Fields hidden by their visibility condition are
   * not looked at: their values are dropped unchecked.
   * Answers the options by field id (columns: columnKey) and the problems of restUrls naming a
   * table that does not exist.
   */
  private async listedOptions(
    form: ResolvedForm,
    definition: FormDefinition,
    input: SubmissionInput,
  ): Promise<{ restOptions: Map<string, readonly FormOption[]>; sourceProblems: FormProblem[] }> {
    const restOptions = new Map<string, readonly FormOption[]>();
    const sourceProblems: FormProblem[] = [];
    const values = input.values !== null && typeof input.values === 'object' ? input.values : {};
    const current = input.current !== null && typeof input.current === 'object' ? input.current : {};
    const text = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
    const lookUp = async (key: string, problemField: string, ref: { restUrl: string; raw: Record<string, unknown> }): Promise<void> => {
      try {
        const options = await this.source.knownOptions(form, {
          id: key,
          restUrl: ref.restUrl,
          restIdProperty: text(ref.raw['restIdProperty']),
          restLabelProperty: text(ref.raw['restLabelProperty']),
        });
        if (options !== null) restOptions.set(key, options);
      } catch (e) {
        // The named table (or column) does not exist: no value can be one of its options.
        if (!(e instanceof DomainError)) throw e;
        sourceProblems.push({ field: problemField, message: `its options cannot be read (${e.message})` });
      }
    };
    let visible: Set<string> | null = null;
    for (const field of allFields(definition.fields)) {
      const v: unknown = Object.prototype.hasOwnProperty.call(values, field.id) ? values[field.id] : undefined;
      if (v === undefined || v === null || v === '') continue;
      // Columns looked up: those some row gives a value.
      const given = (columnId: string): boolean =>
        Array.isArray(v) &&
        v.some((row: unknown) => {
          if (row === null || typeof row !== 'object' || !Object.prototype.hasOwnProperty.call(row, columnId)) return false;
          const cell = (row as Record<string, unknown>)[columnId];
          return cell !== undefined && cell !== null && cell !== '';
        });
      const listedColumns = field.type === 'dynamic-table'
        ? (field.columnDefinitions ?? []).filter((c) => c.type === 'Dropdown' && (c.options === null || c.options.length === 0) && text(c.raw['restUrl']) !== null && given(c.id))
        : [];
      const listedField = OPTION_TYPES.has(field.type) && !!field.restUrl && (field.options === null || field.options.length === 0);
      if (!listedField && listedColumns.length === 0) continue;
      visible ??= visibleFields(definition, values, current);
      if (!visible.has(field.id)) continue;
      if (listedField) await lookUp(field.id, field.id, { restUrl: field.restUrl!, raw: field.raw });
      for (const column of listedColumns) {
        await lookUp(columnKey(field.id, column.id), `${field.id}.${column.id}`, { restUrl: text(column.raw['restUrl'])!, raw: column.raw });
      }
    }
    return { restOptions, sourceProblems };
  }
}
