import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery } from '@nestjs/swagger';

export interface DocumentedParam {
  readonly name: string;
  readonly required?: boolean;
  readonly description: string;
}

/**
 * Swagger for a Questetra operation: the same parameters arrive in the query string (documented
 * on GET) or in a form-encoded or JSON body (documented on POST).
 */
export function QuestetraGetParams(params: readonly DocumentedParam[]): MethodDecorator {
  return applyDecorators(
    ...params.map((p) => ApiQuery({ name: p.name, required: p.required ?? false, type: String, description: p.description })),
  );
}

export function QuestetraPostParams(dto: Type<unknown>): MethodDecorator {
  return applyDecorators(ApiConsumes('application/x-www-form-urlencoded', 'application/json'), ApiBody({ type: dto }));
}
