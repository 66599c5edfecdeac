import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type FieldProblem, RequestValidationError } from '../../../../libs/dialects/request-validation.error.js';
import type { VariableInput } from '../../application/variables/variable-input.js';
import { VARIABLE_TYPES } from '../../domain/variables/typed-value.js';

export const VARIABLE_SCOPES = ['local', 'global'] as const;

/** Any JSON value: what `value` may hold, depending on `type`. */
export const ANY_VALUE = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }],
};

/** One variable of a create or update body (design.md §8): bodies are an array of these, or one. */
export class ApsVariableDto {
  @ApiProperty({ description: 'Name of the variable (1 to 255 characters)', example: 'myVariable', maxLength: 255 })
  name!: string;

  @ApiPropertyOptional({
    enum: VARIABLE_TYPES,
    description: 'Type of the value. Absent: inferred from the JSON value (string, boolean, integer when whole and 32-bit, long, double, json).',
    example: 'string',
  })
  type?: string;

  @ApiPropertyOptional({ ...ANY_VALUE, description: 'The value, of the given type; dates as ISO 8601 text', example: 'myValue' })
  value?: unknown;

  @ApiPropertyOptional({
    enum: VARIABLE_SCOPES,
    description: 'Task variables: local (default, the task\'s own) or global (a variable of the task\'s process instance). Ignored on process instances.',
  })
  scope?: string;
}

export class ApsVariableScopeQueryDto {
  @ApiPropertyOptional({ enum: VARIABLE_SCOPES, description: 'local: the task\'s own variables; global: its process instance\'s' })
  @IsOptional()
  @IsIn(VARIABLE_SCOPES)
  scope?: 'local' | 'global';
}

const FIELDS = new Set(['name', 'type', 'value', 'scope']);

function problem(field: string, message: string, value?: unknown): RequestValidationError {
  const p: FieldProblem = { field, messages: [message], value };
  return new RequestValidationError([p]);
}

function item(raw: unknown, at: string): VariableInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw problem(at || 'body', 'a variable must be an object {name, type, value}');
  const o = raw as Record<string, unknown>;
  const prefix = at ? `${at}.` : '';
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) throw problem(`${prefix}${key}`, `property ${key} should not exist`);
  if (typeof o.name !== 'string' || o.name.trim() === '') throw problem(`${prefix}name`, 'name must be a non-empty string', o.name);
  if (o.type !== undefined && o.type !== null && typeof o.type !== 'string') throw problem(o.name, `Variable '${o.name}': type must be a string`, o.type);
  if (o.scope !== undefined && o.scope !== null && !(VARIABLE_SCOPES as readonly unknown[]).includes(o.scope)) {
    throw problem(`${prefix}scope`, `Variable '${o.name}': scope must be one of local, global`, o.scope);
  }
  return {
    name: o.name,
    type: (o.type as string | null | undefined) ?? undefined,
    value: o.value,
    scope: (o.scope as 'local' | 'global' | null | undefined) ?? undefined,
  };
}

/**
 * The body of a variables create or update: an array of {name, type, value[, scope]} or a single
 * such object (design.md §8). Unknown properties are refused as everywhere else; the values are
 * typed by the use case, so that one bad item fails the whole request.
 */
export function parseVariablesBody(body: unknown): VariableInput[] {
  if (Array.isArray(body)) {
    if (body.length === 0) throw problem('body', 'the body must hold at least one variable');
    return body.map((raw, i) => item(raw, `[${i}]`));
  }
  return [item(body, '')];
}

/** The body of an update of one variable: one object whose `name`, when given, is the path's. */
export function parseVariableBody(body: unknown, pathName: string): VariableInput {
  const items = Array.isArray(body) && body.length === 1 ? [item(body[0], '[0]')] : Array.isArray(body) ? null : [item(withName(body, pathName), '')];
  if (!items) throw problem('body', 'the body must be one variable');
  return items[0]!;
}

function withName(body: unknown, pathName: string): unknown {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && (body as Record<string, unknown>).name === undefined) return { ...body, name: pathName };
  return body;
}
