import type { DomainErrorKind } from '../kernel/domain-error.js';
import type { Dialect } from './dialect.js';
import { questetraErrorType } from './questetra-error-types.js';
import type { FieldProblem } from './request-validation.error.js';

/** A dialect-independent description of a failed request; each dialect renders it its own way. */
export interface Failure {
  readonly kind: DomainErrorKind | 'internal' | 'not_found_route' | 'method_not_allowed';
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly value?: unknown;
  readonly problems?: readonly FieldProblem[];
  readonly requestId?: string;
}

export interface Rendered {
  readonly status: number;
  readonly body: unknown;
}

const APS_KEYS: Record<string, string> = {
  400: 'GENERAL.ERROR.BAD-REQUEST',
  401: 'GENERAL.ERROR.UNAUTHORIZED',
  403: 'GENERAL.ERROR.FORBIDDEN',
  404: 'GENERAL.ERROR.NOT-FOUND',
  409: 'GENERAL.ERROR.CONFLICT',
  413: 'GENERAL.ERROR.PAYLOAD-TOO-LARGE',
  429: 'GENERAL.ERROR.TOO-MANY-REQUESTS',
  500: 'GENERAL.ERROR.INTERNAL-SERVER-ERROR',
};

function baseStatus(kind: Failure['kind']): number {
  switch (kind) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'not_found_route':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'too_many_requests':
      return 429;
    case 'internal':
      return 500;
  }
}

const PM3_PREFIX: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function render(dialect: Dialect, failure: Failure): Rendered {
  const status = baseStatus(failure.kind);
  const message = failure.kind === 'internal' ? `Internal server error (request id ${failure.requestId ?? 'unknown'})` : failure.message;
  switch (dialect) {
    case 'aps':
    case 'platform': {
      const body: Record<string, unknown> = { message, messageKey: APS_KEYS[status] ?? failure.code };
      if (failure.field) body.field = failure.field;
      if (failure.kind !== 'internal' && failure.code) body.code = failure.code;
      return { status, body };
    }
    case 'pm3': {
      // ProcessMaker 3 answers 400 for business-rule failures, including "does not exist" and duplicates.
      const pmStatus = failure.kind === 'not_found' || failure.kind === 'conflict' ? 400 : status;
      const prefix = PM3_PREFIX[pmStatus] ?? 'Error';
      return { status: pmStatus, body: { error: { code: pmStatus, message: `${prefix}: ${message}` } } };
    }
    case 'pm4': {
      if (failure.kind === 'validation' || failure.kind === 'conflict') {
        const errors: Record<string, string[]> = {};
        for (const p of failure.problems ?? []) errors[p.field] = laravelMessages(p);
        if (Object.keys(errors).length === 0) errors[failure.field ?? 'request'] = [message];
        return { status: 422, body: { message: Object.values(errors)[0]?.[0] ?? message, errors } };
      }
      if (failure.kind === 'unauthenticated') return { status, body: { message: 'Unauthenticated.' } };
      return { status, body: { message } };
    }
    case 'questetra': {
      if (status === 401 || status === 403 || status === 500 || status === 413 || status === 429) {
        return { status, body: { errors: [{ type: questetraErrorType(failure.code), name: failure.field ?? null, value: null, message }] } };
      }
      const entries = (failure.problems && failure.problems.length > 0
        ? failure.problems.map((p) => ({ type: 'Validation', name: p.field, value: stringOrNull(p.value), message: p.messages.join('; ') }))
        : [{ type: questetraErrorType(failure.code, failure.field), name: failure.field ?? null, value: stringOrNull(failure.value), message }]);
      return { status: 400, body: { errors: entries } };
    }
  }
}

/**
 * Laravel reports a missing field by its `required` rule alone and never repeats a message; a DTO
 * whose other rules also fail on an absent value would otherwise list them all.
 */
function laravelMessages(p: FieldProblem): string[] {
  const messages = [...new Set(p.messages)];
  const missing = p.value === undefined || p.value === null || p.value === '';
  const required = missing ? messages.find((m) => /field is required/.test(m)) : undefined;
  return required ? [required] : messages;
}

function stringOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
