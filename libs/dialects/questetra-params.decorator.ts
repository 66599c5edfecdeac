import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import type { Request } from 'express';
import { isIntegerParam, mergeParams } from './questetra-params.js';
import { dialectValidationPipe } from './validation.js';

const merged = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return mergeParams(request.query, request.body);
});

// The global pipe skips custom decorators; this one validates the merged bag against the DTO.
// One ErrorEntry per parameter carries one message: the first rule it breaks.
const pipe = dialectValidationPipe({ validateCustomDecorators: true, stopAtFirstError: true });

/**
 * The request's parameters from the query string and the body together, validated against the
 * parameter's DTO class (unknown names rejected), for `GET|POST /API/…` handlers.
 */
export function QuestetraParams(): ParameterDecorator {
  return merged(pipe);
}

/** A parameter holding an integer in [min, max], sent as a digit string or a JSON number. */
export function IsIntegerParam(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerParam',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => isIntegerParam(value, min, max),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an integer from ${min} to ${max}`,
      },
    },
    options,
  );
}
