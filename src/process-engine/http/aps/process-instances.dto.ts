import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { VARIABLE_TYPES } from '../../domain/variables/typed-value.js';
import { BodyIdString, ID_PATTERN } from './process-definitions.dto.js';

export class ApsStartVariableDto {
  @ApiProperty({ maxLength: 255, example: 'amount' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ enum: VARIABLE_TYPES, description: 'Omitted: inferred from the JSON value (design.md §8 "Variables").', example: 'integer' })
  @IsOptional()
  @IsIn(VARIABLE_TYPES)
  type?: string;

  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
    description: 'Checked against `type`: a value of another type is a 400 and no instance is started.',
    example: 42,
  })
  @Allow()
  value!: unknown;

  @ApiPropertyOptional({ enum: ['global', 'local'], description: 'Accepted; on start every variable is an instance (global) variable.' })
  @IsOptional()
  @IsIn(['global', 'local'])
  scope?: 'global' | 'local';
}

export class ApsStartProcessInstanceDto {
  @ApiPropertyOptional({ description: 'The definition to start. Exactly one of processDefinitionId and processDefinitionKey.', example: 'demoprocess:1:7504', maxLength: 400 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(400)
  processDefinitionId?: string;

  @ApiPropertyOptional({ description: 'Starts the latest version of the key in the caller\'s tenant.', example: 'demoprocess', maxLength: 255 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  processDefinitionKey?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'My request' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Meridian accepts Activiti\'s business key too.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  businessKey?: string | null;

  @ApiPropertyOptional({ type: [ApsStartVariableDto], description: 'Cannot be combined with values or outcome.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ApsStartVariableDto)
  variables?: ApsStartVariableDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Start-form field id → value (ids from the start form\'s fields), validated against the start form; they become typed instance variables.',
    example: { text1: 'TEST' },
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The name of one of the start form\'s outcomes (another: 400).', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  outcome?: string | null;
}

export const INSTANCE_STATES = ['running', 'open', 'completed', 'all'] as const;
export const INSTANCE_SORTS = ['created-desc', 'created-asc', 'ended-desc', 'ended-asc'] as const;

export class ApsProcessInstanceQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Only this instance (the Alfresco JS client\'s query field).', example: '2511' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'processInstanceId must be a positive integer id' })
  processInstanceId?: string;

  @ApiPropertyOptional({ example: 'demoprocess:1:7504', maxLength: 400 })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  processDefinitionId?: string;

  @ApiPropertyOptional({ description: 'Instances of definitions deployed with this app.', minimum: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  appDefinitionId?: number;

  @ApiPropertyOptional({
    enum: INSTANCE_STATES,
    description:
      'Default running. running (or `open`, which the Alfresco JS client also sends): not ended, suspended ones included; completed: ended (completed or deleted); all.',
  })
  @IsOptional()
  @IsIn(INSTANCE_STATES)
  state?: (typeof INSTANCE_STATES)[number];

  @ApiPropertyOptional({ enum: INSTANCE_SORTS, description: 'Default created-desc. ended-*: running instances last.' })
  @IsOptional()
  @IsIn(INSTANCE_SORTS)
  sort?: (typeof INSTANCE_SORTS)[number];
}
