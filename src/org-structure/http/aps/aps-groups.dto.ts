import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { APS_MAX_PAGE_SIZE } from '../../../../libs/dialects/aps-paging.js';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import type { ApsGroupStatus, ApsGroupType } from './aps-groups.mapper.js';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

/** Absent is fine; `null` is not. */
const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

/** Positive integer ids in a body, as Alfresco sends them (numbers); numeric strings are accepted too. */
const BodyId = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));

export class ApsGroupPickerQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the group name.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;

  @ApiPropertyOptional({ description: 'Exact external id (as set by directory sync).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalId?: string;

  @ApiPropertyOptional({ description: 'External id compared ignoring case. When `externalId` is sent too, `externalId` is used.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalIdCaseInsensitive?: string;
}

export class ApsGroupUsersPickerQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of first name, last name or user name.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;
}

export class ApsAdminGroupListQueryDto {
  @ApiPropertyOptional({ description: 'Tenant to list (tenant managers only; default the caller\'s tenant).', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  tenantId?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'true: functional groups only. false or absent: every group.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  functional?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Accepted (the Alfresco JS client sends it) and ignored: list items never load users, capabilities or sub-groups.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  summary?: boolean;
}

export class ApsAdminGroupQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Default true: `users` holds every direct member. false: `users` is null (see `userCount`); page through admin/groups/{groupId}/users.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeAllUsers?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: neither users, capabilities nor sub-groups are loaded (all null).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  summary?: boolean;
}

export class ApsAdminGroupUsersQueryDto {
  @ApiPropertyOptional({ description: 'Zero-based page number (default 0).', minimum: 0, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ description: `Users per page (default 25, at most ${APS_MAX_PAGE_SIZE}).`, minimum: 1, maximum: APS_MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(APS_MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of first name, last name or user name.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;
}

export class ApsCreateGroupDto {
  @ApiProperty({ description: 'Unique in the tenant, case-insensitively.', maxLength: 255, example: 'Engineering' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ enum: [0, 1], description: '0 system group (carries capabilities, cannot nest), 1 functional group (default).' })
  @IsOptional()
  @IsIn([0, 1])
  type?: ApsGroupType;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Parent functional group of the same tenant; functional groups only.', minimum: 1 })
  @IsOptional()
  @BodyId()
  @IsInt()
  @Min(1)
  parentGroupId?: number | null;

  @ApiPropertyOptional({ description: 'Default the caller\'s tenant; another one only for a tenant manager.', minimum: 1 })
  @IsOptional()
  @BodyId()
  @IsInt()
  @Min(1)
  tenantId?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Id in an external directory (as directory sync sets it).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalId?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'inactive'], description: 'Default active.' })
  @IsOptional()
  @IsIn(['active', 'inactive'])
  status?: ApsGroupStatus;
}

export class ApsUpdateGroupDto {
  @ApiPropertyOptional({ description: 'The new name; unique in the tenant, case-insensitively.', maxLength: 255, example: 'Engineering' })
  @PresentNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Meridian extension (the document allows only `name`): move a functional group under another one, or null to make it top-level.',
    minimum: 1,
  })
  @IsOptional()
  @BodyId()
  @IsInt()
  @Min(1)
  parentGroupId?: number | null;
}

export class ApsAddGroupCapabilitiesDto {
  @ApiProperty({ type: [String], description: 'Capability names from potential-capabilities.', example: ['access-reports'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  capabilities!: string[];
}
