import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsDefined, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIntegerParam } from '../../../../libs/dialects/questetra-params.decorator.js';
import { displayName } from '../../domain/display-name.js';
import type { UserView } from '../../application/users/user.view.js';

/** Quser/list pages at most this many users per call; Questetra documents no maximum. */
export const QUSER_LIST_MAX_LIMIT = 1000;

export class ListQusersParams {
  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the user name or the e-mail address.',
    maxLength: 255,
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  query?: string;

  @ApiPropertyOptional({ description: 'Zero-based offset of the first user. Default 0.', type: String, example: '0' })
  @IsOptional()
  @IsIntegerParam(0, Number.MAX_SAFE_INTEGER)
  start?: string | number;

  @ApiPropertyOptional({
    description: `Maximum number of users to answer: 0 to ${QUSER_LIST_MAX_LIMIT}. Default 1, as Questetra documents.`,
    type: String,
    example: '50',
  })
  @IsOptional()
  @IsIntegerParam(0, QUSER_LIST_MAX_LIMIT)
  limit?: string | number;

  @ApiPropertyOptional({
    description: 'Organization id: only users who are direct members of it. Malformed → InvalidQgroupId; unknown → QgroupDoesNotExist.',
    type: String,
    example: '1001',
  })
  @Allow()
  qgroupId?: unknown;
}

export class FindQuserParams {
  @ApiPropertyOptional({ description: 'User id. When both id and email are given, only id is used.', type: String, example: '1' })
  @Allow()
  id?: unknown;

  @ApiPropertyOptional({ description: 'E-mail address (case-insensitive).', example: 'admin@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string;
}

export class AddQuserParams {
  @ApiProperty({
    description: 'Display name, stored as the first name (last name empty) and shown back unchanged.',
    maxLength: 255,
    example: 'Ann Smith',
  })
  // Listed last-checked first: class-validator runs a property's rules bottom-up, and the
  // pipe reports only the first broken one.
  @MaxLength(255)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsString()
  @IsDefined({ message: 'name is required' })
  name: string;

  @ApiProperty({
    description: 'E-mail address; it is also the login name, hence at most 100 characters. Unique (case-insensitive).',
    maxLength: 100,
    example: 'ann.smith@example.com',
  })
  @IsEmail()
  @MaxLength(100)
  @IsString()
  @IsNotEmpty({ message: 'email is required' })
  email: string;

  @ApiProperty({ description: '8 to 1024 characters.', minLength: 8, maxLength: 1024, format: 'password' })
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  password: string;
}

export class QuserEntryDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({
    description: 'First and last name joined by a space; the login name when a user has neither.',
    example: 'Administrator',
  })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'null for users created without an address in another dialect.' })
  email: string | null;
}

export class QuserResponseDto {
  @ApiProperty({ type: QuserEntryDto })
  quser: QuserEntryDto;
}

export class QuserListResponseDto {
  @ApiProperty({ description: 'How many users match (before start and limit apply). Not in the seed document.', example: 1 })
  count: number;

  @ApiProperty({ type: [QuserEntryDto], description: 'Sorted by id ascending.' })
  qusers: QuserEntryDto[];
}

export function toQuserEntry(user: UserView): QuserEntryDto {
  return { id: Number(user.id), name: displayName(user.firstName, user.lastName, user.username), email: user.email };
}
