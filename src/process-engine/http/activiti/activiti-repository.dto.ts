import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

/** Activiti REST paging: `start` offset (default 0), `size` (default 10), `order` asc|desc. */
export class ActivitiPagingQueryDto {
  @ApiPropertyOptional({ description: 'Zero-based offset of the first item (default 0).', minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  start?: number;

  @ApiPropertyOptional({ description: 'Items per page (Activiti default 10, at most 1000).', minimum: 1, maximum: 1000, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  size?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ description: 'The tenant: its number or its key (default the caller\'s; another tenant: tenant managers only).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  tenantId?: string;
}

export class ActivitiDeploymentListQueryDto extends ActivitiPagingQueryDto {
  @ApiPropertyOptional({ maxLength: 255, description: 'Exact name.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'SQL LIKE pattern on the name (`%` wildcard).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  nameLike?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  category?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  categoryNotEquals?: string;

  @ApiPropertyOptional({ enum: ['id', 'name', 'deployTime', 'tenantId'], default: 'id' })
  @IsOptional()
  @IsIn(['id', 'name', 'deployTime', 'tenantId'])
  sort?: 'id' | 'name' | 'deployTime' | 'tenantId';
}

export class ActivitiTenantQueryDto {
  @ApiPropertyOptional({ description: 'The tenant: its number or its key (default the caller\'s).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  tenantId?: string;
}

export class ActivitiDeleteDeploymentQueryDto extends ActivitiTenantQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Also delete the process instances of its definitions (default false).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  cascade?: boolean;
}

export class ActivitiDefinitionListQueryDto extends ActivitiPagingQueryDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  key?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'SQL LIKE pattern on the key.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  keyLike?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'SQL LIKE pattern on the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  nameLike?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'Only the latest version of each key.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  latest?: boolean;

  @ApiPropertyOptional({ description: 'Numeric deployment id.' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'deploymentId must be a numeric id' })
  deploymentId?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  category?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'SQL LIKE pattern on the category.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  categoryLike?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  suspended?: boolean;

  @ApiPropertyOptional({ enum: ['name', 'id', 'key', 'category', 'deploymentId', 'version', 'tenantId'], default: 'name' })
  @IsOptional()
  @IsIn(['name', 'id', 'key', 'category', 'deploymentId', 'version', 'tenantId'])
  sort?: 'name' | 'id' | 'key' | 'category' | 'deploymentId' | 'version' | 'tenantId';
}

/** The text fields of the multipart body of `POST repository/deployments` (validated). */
export class ActivitiDeploymentFieldsDto {
  @ApiPropertyOptional({ maxLength: 255, description: 'Deployment name (default: the first file\'s name).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  deploymentName?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  category?: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'The tenant: number or key (default the caller\'s; another one: tenant managers only).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  tenantId?: string;
}

/** The whole multipart body, for the OpenAPI document: the files and the fields. */
export class ActivitiDeploymentUploadDto extends ActivitiDeploymentFieldsDto {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more `.bpmn` / `.bpmn20.xml` files (further files are stored as resources).' })
  file!: unknown;
}

export class ActivitiDeploymentResponse {
  @ApiProperty({ example: '10' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000+0000' }) deploymentTime!: string;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ example: 'http://localhost:8080/activiti-app/api/repository/deployments/10' }) url!: string;
  @ApiProperty({ example: '1', description: 'The tenant\'s number, as a string (Activiti\'s tenant ids are strings).' }) tenantId!: string;
}

/** Activiti REST paging around `data`: `size` is the number of items in this page. */
abstract class ActivitiListResponse {
  @ApiProperty() total!: number;
  @ApiProperty() start!: number;
  @ApiProperty() sort!: string;
  @ApiProperty() order!: string;
  @ApiProperty() size!: number;
}

export class ActivitiDeploymentListResponse extends ActivitiListResponse {
  @ApiProperty({ type: [ActivitiDeploymentResponse] }) data!: ActivitiDeploymentResponse[];
}

export class ActivitiProcessDefinitionResponse {
  @ApiProperty({ example: 'invoice:1:10' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() deploymentId!: string;
  @ApiProperty() deploymentUrl!: string;
  @ApiProperty({ description: 'URL of the BPMN resource in its deployment.' }) resource!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Always null: diagrams are not rendered.' }) diagramResource!: string | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty() graphicalNotationDefined!: boolean;
  @ApiProperty() suspended!: boolean;
  @ApiProperty() startFormDefined!: boolean;
  @ApiProperty({ example: '1' }) tenantId!: string;
}

export class ActivitiProcessDefinitionListResponse extends ActivitiListResponse {
  @ApiProperty({ type: [ActivitiProcessDefinitionResponse] }) data!: ActivitiProcessDefinitionResponse[];
}

export class ActivitiResourceResponse {
  @ApiProperty({ example: 'invoice.bpmn20.xml', description: 'The file name as uploaded.' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ description: 'Where the bytes are: `repository/deployments/{id}/resourcedata/{resourceId}`.' }) contentUrl!: string;
  @ApiProperty({ example: 'text/xml' }) mediaType!: string;
  @ApiProperty({ enum: ['processDefinition', 'processImage', 'resource'] }) type!: string;
}
