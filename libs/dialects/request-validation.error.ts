import { DomainError } from '../kernel/domain-error.js';

export interface FieldProblem {
  readonly field: string;
  readonly messages: readonly string[];
  readonly value?: unknown;
}

/** Raised at the edge when a request body, query or path does not validate. */
export class RequestValidationError extends DomainError {
  constructor(readonly problems: readonly FieldProblem[]) {
    const first = problems[0];
    super(
      'validation',
      'REQUEST.INVALID',
      problems.map((p) => p.messages.join('; ')).join('; ') || 'Invalid request',
      first ? { field: first.field, value: first.value } : {},
    );
  }
}
