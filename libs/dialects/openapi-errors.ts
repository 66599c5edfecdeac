import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI schemas of the error bodies that error-body.ts renders, one per dialect, and decorators
 * that attach them to operations. Keep them in step with `render()`.
 */

/** aps and platform: `{message, messageKey}`, plus the offending field and the domain code when known. */
export class ApsErrorBody {
  @ApiProperty({ example: 'User 42 does not exist' })
  message!: string;

  @ApiProperty({ description: 'GENERAL.ERROR.<STATUS> (BAD-REQUEST, UNAUTHORIZED, FORBIDDEN, NOT-FOUND, CONFLICT, …)', example: 'GENERAL.ERROR.NOT-FOUND' })
  messageKey!: string;

  @ApiPropertyOptional({ description: 'The request field or parameter at fault', example: 'userId' })
  field?: string;

  @ApiPropertyOptional({ description: 'Meridian\'s error code', example: 'IDENTITY.USER_NOT_FOUND' })
  code?: string;
}

export class Pm3ErrorDetail {
  @ApiProperty({ description: 'The HTTP status again', example: 400 })
  code!: number;

  @ApiProperty({ description: 'The status phrase, then the message', example: 'Bad Request: The user with usr_uid: 00000000000000000000000000000042 does not exist.' })
  message!: string;
}

/** ProcessMaker 3: `{error:{code,message}}`. */
export class Pm3ErrorBody {
  @ApiProperty({ type: Pm3ErrorDetail })
  error!: Pm3ErrorDetail;
}

/** Questetra's ErrorEntry (design.md §8). */
export class QuestetraErrorEntry {
  @ApiProperty({ description: 'The documented error: Validation, InvalidId, InvalidEmail, QuserDoesNotExist, QuserAlreadyExists, Unauthorized, Forbidden, …', example: 'QuserDoesNotExist' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The offending parameter', example: 'id' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Its value as sent', example: '42' })
  value!: string | null;

  @ApiProperty({ example: 'User 42 does not exist' })
  message!: string;
}

/** Questetra: `{errors:[ErrorEntry]}`. */
export class QuestetraErrorBody {
  @ApiProperty({ type: [QuestetraErrorEntry] })
  errors!: QuestetraErrorEntry[];
}

const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'server_error',
] as const;

/** The OAuth2 endpoints answer RFC 6749 §5.2 errors, not a dialect's body. */
export class OAuthErrorBody {
  @ApiProperty({ enum: OAUTH_ERROR_CODES, example: 'invalid_grant' })
  error!: string;

  @ApiProperty({ example: 'Invalid grant: user credentials are invalid' })
  error_description!: string;
}

type Descriptions = Readonly<Record<number, string>>;

const COMMON: Descriptions = {
  400: 'Invalid request: a field failed validation or an id is malformed',
  401: 'No credentials, or wrong ones (Basic or Bearer)',
  403: 'The caller lacks the permission',
  404: 'No such resource',
  409: 'Conflicts with existing data',
  429: 'Too many failed sign-ins; Retry-After says when to try again',
};

const PM3: Descriptions = {
  ...COMMON,
  400: 'Invalid request; ProcessMaker 3 also answers 400 for unknown uids, duplicates and refused business rules',
};

const QUESTETRA: Descriptions = {
  ...COMMON,
  400: 'Every refused request that is not about credentials: errors[].type names the problem (Validation, InvalidId, QuserDoesNotExist, …), name and value the parameter',
};

function errorResponses(type: Type<unknown>, descriptions: Descriptions, statuses: readonly number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, type, description: descriptions[status] ?? `Error ${status}` })));
}

/** aps (and platform) error responses, `{message, messageKey}`. */
export const ApiApsErrors = (...statuses: number[]): MethodDecorator & ClassDecorator => errorResponses(ApsErrorBody, COMMON, statuses);

/** ProcessMaker 3 error responses, `{error:{code,message}}`. */
export const ApiPm3Errors = (...statuses: number[]): MethodDecorator & ClassDecorator => errorResponses(Pm3ErrorBody, PM3, statuses);

/** Questetra error responses, `{errors:[ErrorEntry]}`. */
export const ApiQuestetraErrors = (...statuses: number[]): MethodDecorator & ClassDecorator => errorResponses(QuestetraErrorBody, QUESTETRA, statuses);

/** RFC 6749 §5.2 error responses of the token, introspection and revocation endpoints. */
export const ApiOAuthErrors = (descriptions: Descriptions): MethodDecorator =>
  errorResponses(OAuthErrorBody, descriptions, Object.keys(descriptions).map(Number));

/** ProcessMaker 4 (Laravel): `{message}`, and for 422 the failing fields with their messages. */
export class Pm4ErrorBody {
  @ApiProperty({ example: 'The name has already been taken.' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Only on 422: each failing field with its messages',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { name: ['The name has already been taken.'] },
  })
  errors?: Record<string, string[]>;
}

const PM4: Descriptions = {
  ...COMMON,
  401: 'No credentials, or wrong ones: `{"message": "Unauthenticated."}`',
  404: 'No such resource (also a malformed id in the path): `{"message": "No query results for model [...] <id>"}`',
  422: 'Validation failed or a rule refused the change; nothing was changed. `errors` names each field',
};

/** ProcessMaker 4 error responses, `{message, errors}`. */
export const ApiPm4Errors = (...statuses: number[]): MethodDecorator & ClassDecorator => errorResponses(Pm4ErrorBody, PM4, statuses);
