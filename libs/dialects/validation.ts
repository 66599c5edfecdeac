import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, RequestValidationError } from './request-validation.error.js';
import { memoizeValidationMetadata } from './validation-metadata.js';

function flatten(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      out.push({ field, messages: Object.values(e.constraints), value: e.value });
    }
    if (e.children && e.children.length > 0) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * The global pipe: class-validator DTOs, unknown properties rejected by name so that a typo in a
 * field name is an error rather than a silently ignored value.
 */
export function dialectValidationPipe(
  options: { readonly validateCustomDecorators?: boolean; readonly stopAtFirstError?: boolean } = {},
): ValidationPipe {
  memoizeValidationMetadata();
  return new ValidationPipe({
    validateCustomDecorators: options.validateCustomDecorators ?? false,
    stopAtFirstError: options.stopAtFirstError ?? false,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
