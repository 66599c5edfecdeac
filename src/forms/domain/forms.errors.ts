import { DomainError } from '../../../libs/kernel/domain-error.js';
import type { FormProblem } from '../forms.api.types.js';

/** The forms context's error codes. */
export type FormsErrorCode = 'FORMS.INVALID_FORM' | 'FORMS.INVALID_VALUES' | 'FORMS.FORM_NOT_FOUND' | 'FORMS.FIELD_NOT_FOUND' | 'FORMS.COLUMN_NOT_FOUND';

/** `"amount: must be a number; name: is required"`: every problem, in order. */
export function describeProblems(problems: readonly FormProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}

export const FormsErrors = {
  /** A form definition (deployment file or model JSON) is not a usable form. */
  invalidForm(problems: readonly FormProblem[]): DomainError {
    return DomainError.validation('FORMS.INVALID_FORM', `Invalid form definition: ${describeProblems(problems)}`, {
      field: problems[0]?.field,
      problems: [...problems],
    });
  },
  /** Submitted (or drafted) values do not fit the form. */
  invalidValues(problems: readonly FormProblem[]): DomainError {
    return DomainError.validation('FORMS.INVALID_VALUES', describeProblems(problems), {
      field: problems[0]?.field,
      problems: [...problems],
    });
  },
  formNotFound(id: string): DomainError {
    return DomainError.notFound('FORMS.FORM_NOT_FOUND', `Form ${id} does not exist`, { field: 'formId', value: id });
  },
  fieldNotFound(fieldId: string): DomainError {
    return DomainError.notFound('FORMS.FIELD_NOT_FOUND', `The form has no field ${fieldId}`, { field: 'field', value: fieldId });
  },
  columnNotFound(fieldId: string, columnId: string): DomainError {
    return DomainError.notFound('FORMS.COLUMN_NOT_FOUND', `Field ${fieldId} of the form is not a dynamic table with a column ${columnId}`, { field: 'column', value: columnId });
  },
};
