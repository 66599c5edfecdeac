import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const BodyId = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));
/** Absent is fine; `null` is not. */
const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

export class ApsAppDefinitionModelRefDto {
  @ApiProperty({ description: 'A process model of the tenant', example: 2002 })
  @BodyId()
  @IsInt()
  @Min(1)
  id!: number;

  // Alfresco's app editor sends whole model summaries; only `id` counts.
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() name?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() version?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() key?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() modelType?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() description?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() stencilSetId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() createdBy?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() createdByFullName?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() lastUpdatedBy?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() lastUpdated?: unknown;
}

export class ApsAppDefinitionContentDto {
  @ApiProperty({ type: [ApsAppDefinitionModelRefDto], description: 'The process models the app bundles' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ApsAppDefinitionModelRefDto)
  models!: ApsAppDefinitionModelRefDto[];

  @ApiPropertyOptional({ maxLength: 255, default: 'theme-1', example: 'theme-2' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  theme?: string;

  @ApiPropertyOptional({ maxLength: 255, default: 'glyphicon-asterisk', example: 'glyphicon-briefcase' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  icon?: string;

  @ApiPropertyOptional({ description: 'Ignored (per-app permissions are a later issue)' }) @Allow() publishIdentityInfo?: unknown;
}

export class ApsAppDefinitionBodyDto {
  @ApiPropertyOptional({ maxLength: 255, example: 'HR processes' })
  @PresentNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: ApsAppDefinitionContentDto, description: 'When sent, replaces the app\'s definition (a new app version when it differs).' })
  @PresentNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ApsAppDefinitionContentDto)
  definition?: ApsAppDefinitionContentDto;

  // Clients send the representation they read back: its read-only fields are accepted and ignored.
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() key?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() version?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() modelType?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() comment?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() stencilSet?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() referenceId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() createdBy?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() createdByFullName?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() lastUpdatedBy?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() lastUpdatedByFullName?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() lastUpdated?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() latestVersion?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() favorite?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() permission?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() tenantId?: unknown;
}

/** Alfresco's AppDefinitionSaveRepresentation. */
export class ApsSaveAppDefinitionDto {
  @ApiProperty({ type: ApsAppDefinitionBodyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApsAppDefinitionBodyDto)
  appDefinition!: ApsAppDefinitionBodyDto;

  @ApiPropertyOptional({ description: 'Publish right after saving', example: false })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;

  @ApiPropertyOptional({ description: 'Accepted and ignored', example: false })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
