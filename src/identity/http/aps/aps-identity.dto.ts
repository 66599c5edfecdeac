import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { APS_USER_STATUSES, type ApsUserStatus } from './aps-identity.mapper.js';

/** Absent is fine; `null` is not (for fields that cannot be cleared). */
const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

/** Usernames of users created through aps are their e-mail, and usernames hold at most 100 characters. */
const EMAIL_MAX = 100;

export class ApsUserPickerQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the first name, last name or e-mail.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;

  @ApiPropertyOptional({ description: 'Exact e-mail address (case-insensitive).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional({ description: 'Exact external id (as set by directory sync).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalId?: string;

  @ApiPropertyOptional({ description: 'External id, compared ignoring case. When `externalId` is sent too, `externalId` is used.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalIdCaseInsensitive?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored until the process engine exists (no user is part of a task yet).', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  excludeTaskId?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored until the process engine exists.', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  excludeProcessId?: string;
}

export const APS_ADMIN_USER_SORTS = ['createdAsc', 'createdDesc', 'emailAsc', 'emailDesc', 'created-asc', 'created-desc', 'email-asc', 'email-desc'] as const;
export type ApsAdminUserSort = (typeof APS_ADMIN_USER_SORTS)[number];

export class ApsAdminUserQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the user name (e-mail), first or last name.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;

  @ApiPropertyOptional({ enum: APS_USER_STATUSES, description: '`active` also finds users on vacation (a ProcessMaker status).' })
  @IsOptional()
  @IsIn(APS_USER_STATUSES)
  status?: ApsUserStatus;

  @ApiPropertyOptional({ enum: APS_ADMIN_USER_SORTS, description: 'Default createdAsc; the dashed spellings are accepted too.' })
  @IsOptional()
  @IsIn(APS_ADMIN_USER_SORTS)
  sort?: ApsAdminUserSort;

  @ApiPropertyOptional({ description: 'Tenant to list (tenant managers only; default the caller\'s tenant).', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tenantId?: number;
}

export class ApsCreateUserDto {
  @ApiProperty({ description: 'Also the login name of the new user.', maxLength: EMAIL_MAX, example: 'jane@example.com' })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty({ maxLength: 255 })
  @IsString()
  @MaxLength(255)
  firstName!: string;

  @ApiProperty({ maxLength: 255 })
  @IsString()
  @MaxLength(255)
  lastName!: string;

  @ApiProperty({ description: '8 to 1024 characters.', maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ enum: APS_USER_STATUSES, default: 'active', description: 'Required by the document; defaults to active here.' })
  @IsOptional()
  @IsIn(APS_USER_STATUSES)
  status?: ApsUserStatus;

  @ApiPropertyOptional({ enum: ['enterprise', 'trial'], default: 'enterprise', description: 'Stored and shown back as `type`; changes nothing else.' })
  @IsOptional()
  @IsIn(['enterprise', 'trial'])
  type?: 'enterprise' | 'trial';

  @ApiPropertyOptional({ description: 'Default the caller\'s tenant; another tenant needs a tenant manager.', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  tenantId?: number;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  company?: string | null;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalId?: string | null;
}

export class ApsUpdateUserDto {
  @ApiPropertyOptional({ maxLength: EMAIL_MAX })
  @PresentNotNull()
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @PresentNotNull()
  @IsString()
  @MaxLength(255)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @PresentNotNull()
  @IsString()
  @MaxLength(255)
  lastName?: string;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  company?: string | null;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalId?: string | null;
}

export class ApsUpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @PresentNotNull()
  @IsString()
  @MaxLength(255)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @PresentNotNull()
  @IsString()
  @MaxLength(255)
  lastName?: string;

  @ApiPropertyOptional({ description: 'Unique among users (409 when taken); also the login name when the user signs in with their e-mail.', maxLength: EMAIL_MAX })
  @PresentNotNull()
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email?: string;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  company?: string | null;
}

export class ApsChangePasswordDto {
  @ApiProperty({ maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  oldPassword!: string;

  @ApiProperty({ description: '8 to 1024 characters.', maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class ApsBulkUpdateUsersDto {
  @ApiProperty({ type: [Number], description: 'User ids (1 to 1000).', example: [1098, 2045] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  users!: number[];

  @ApiPropertyOptional({ description: 'New password for every user (exactly one of password, status, tenantId).', maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ enum: APS_USER_STATUSES })
  @IsOptional()
  @IsIn(APS_USER_STATUSES)
  status?: ApsUserStatus;

  @ApiPropertyOptional({ description: 'Move the users to this tenant (tenant managers only).', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  tenantId?: number;
}

export class ApsCreateTenantDto {
  @ApiProperty({ maxLength: 255, description: 'Unique (case-insensitive).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  domain?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxUsers?: number | null;
}

export class ApsUpdateTenantDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @PresentNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Tenant managers only.' })
  @PresentNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 255, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  domain?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1_000_000, description: 'Tenant managers only.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxUsers?: number | null;
}

/** The form that Alfresco's JavaScript client posts to sign in (Spring Security's field names). */
export class ApsLoginFormDto {
  @ApiProperty({ description: 'Login name: e-mail or username.', maxLength: 255 })
  @IsString()
  @MaxLength(255)
  j_username!: string;

  @ApiProperty({ maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  j_password!: string;

  @ApiPropertyOptional({ description: 'Accepted; the cookie is set either way.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  _spring_security_remember_me?: string;

  @ApiPropertyOptional({ description: 'The form button\'s value; ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  submit?: string;
}
