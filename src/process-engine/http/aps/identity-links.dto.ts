import type { PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { RequestValidationError } from '../../../../libs/dialects/request-validation.error.js';
import type { LinkFamily } from '../../infrastructure/identity-link.repository.js';

export const LINK_TYPE_MAX = 32;
const LINK_TYPE = /^[A-Za-z][\w.-]*$/;

/** The body of seed 004's "create identity link": a user or a group, and the link's type. */
export class ApsIdentityLinkDto {
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'integer' }], description: 'Id of the user to link (exactly one of user and group)', example: '1' })
  @IsOptional()
  @IsNotEmpty()
  user?: string | number;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'integer' }], description: 'Id of the group to link (exactly one of user and group)', example: '1001' })
  @IsOptional()
  @IsNotEmpty()
  group?: string | number;

  @ApiPropertyOptional({
    description: 'The link\'s type: participant (default), candidate, or a custom type (letters, digits, `_`, `-`, `.`; at most 32 characters)',
    example: 'participant',
    maxLength: LINK_TYPE_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(LINK_TYPE_MAX)
  @Matches(LINK_TYPE, { message: 'type must start with a letter and hold only letters, digits, _, - and .' })
  type?: string;
}

/** An identity link as the aps API shows it. */
export class ApsIdentityLinkResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Id of the linked user (null for a group link)', example: '1' })
  user!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Id of the linked group (null for a user link)', example: null })
  group!: string | null;

  @ApiProperty({ example: 'participant' })
  type!: string;
}

function invalid(field: string, message: string, value: unknown): RequestValidationError {
  return new RequestValidationError([{ field, messages: [message], value }]);
}

/** Exactly one of user and group, as a numeric id; the family it belongs to. */
export function linkIdentity(body: ApsIdentityLinkDto): { family: LinkFamily; identityId: string } {
  if ((body.user === undefined) === (body.group === undefined)) throw invalid('user', 'give exactly one of user and group', body.user ?? body.group);
  return body.user !== undefined ? { family: 'users', identityId: parseNumericId(body.user, 'user') } : { family: 'groups', identityId: parseNumericId(body.group, 'group') };
}

/** `{family}` in a path: users or groups. */
export class LinkFamilyPipe implements PipeTransform<string, LinkFamily> {
  transform(value: string): LinkFamily {
    if (value !== 'users' && value !== 'groups') throw invalid('family', 'family must be users or groups', value);
    return value;
  }
}

/** `{type}` in a path: the same rule as in bodies. */
export class LinkTypePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length > LINK_TYPE_MAX || !LINK_TYPE.test(value)) throw invalid('type', 'not an identity link type', value);
    return value;
  }
}
