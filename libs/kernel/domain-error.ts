/**
 * The one error type that crosses layers. A code names the rule that was broken
 * (`IDENTITY.USERNAME_TAKEN`); each dialect's exception filter maps the kind to a status
 * code and its own error body. `field` names the offending input when there is one.
 */
export type DomainErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too_many_requests'
  | 'payload_too_large';

export interface DomainErrorDetails {
  readonly field?: string;
  readonly value?: unknown;
  readonly retryAfterSeconds?: number;
  readonly [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(code: string, message: string, details?: DomainErrorDetails): DomainError {
    return new DomainError('validation', code, message, details);
  }
  static notFound(code: string, message: string, details?: DomainErrorDetails): DomainError {
    return new DomainError('not_found', code, message, details);
  }
  static conflict(code: string, message: string, details?: DomainErrorDetails): DomainError {
    return new DomainError('conflict', code, message, details);
  }
  static forbidden(code: string, message: string, details?: DomainErrorDetails): DomainError {
    return new DomainError('forbidden', code, message, details);
  }
  static unauthenticated(code: string, message: string): DomainError {
    return new DomainError('unauthenticated', code, message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
