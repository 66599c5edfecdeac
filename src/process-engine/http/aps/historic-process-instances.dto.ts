import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { VARIABLE_OPERATIONS } from '../../application/history/query-historic-process-instances.query.js';
import { BodyIdString, ID_PATTERN } from './process-definitions.dto.js';

/** `2016-06-16`, `2016-06-16T10:00:00`, with optional milliseconds and zone (none: UTC). */
export const HISTORIC_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DateParam = (what: string) =>
  ApiPropertyOptional({ description: `${what} \`yyyy-MM-dd\` or \`yyyy-MM-ddTHH:mm:ss\` (optionally with milliseconds and zone; none means UTC).`, example: '2016-06-16' });

export const HISTORIC_SORTS = ['processInstanceId', 'processDefinitionId', 'businessKey', 'startTime', 'endTime', 'duration', 'tenantId'] as const;

export class ApsQueryVariableDto {
  @ApiProperty({ maxLength: 255, example: 'amount' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: VARIABLE_OPERATIONS, example: 'greaterThan' })
  @IsIn(VARIABLE_OPERATIONS)
  operation!: (typeof VARIABLE_OPERATIONS)[number];

  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], description: 'equals/notEquals: any JSON value; comparisons: a number or a string; like and *IgnoreCase: a string.', example: 100 })
  @Allow()
  value!: unknown;

  @ApiPropertyOptional({ description: 'Accepted (Activiti sends it) and not needed: the value\'s JSON type is compared.', example: 'integer' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;
}

export class ApsHistoricProcessInstanceQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ type: String, example: '2511' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'processInstanceId must be a positive integer id' })
  processInstanceId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Several instance ids (Activiti\'s processInstanceIds).', example: ['2511'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? String(v) : v)) : value))
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: 'processInstanceIds must hold positive integer ids' })
  processInstanceIds?: string[];

  @ApiPropertyOptional({ maxLength: 255, example: 'demoprocess' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  processDefinitionKey?: string;

  @ApiPropertyOptional({ maxLength: 400, example: 'demoprocess:1:7504' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  processDefinitionId?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  businessKey?: string;

  @ApiPropertyOptional({ description: 'The same as businessKey (the Alfresco JS client\'s name); businessKey wins when both are sent.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  processBusinessKey?: string;

  @ApiPropertyOptional({ type: [ApsQueryVariableDto], description: 'Activiti\'s QueryVariable list: instance variables that must all match.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApsQueryVariableDto)
  variables?: ApsQueryVariableDto[];

  @ApiPropertyOptional({ type: String, description: 'A user id: instances the user started, is linked to, or works a task of.', example: '1' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'involvedUser must be a positive integer id' })
  involvedUser?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: ended instances (completed or deleted); false: instances not ended (Activiti\'s unfinished).' })
  @IsOptional()
  @IsBoolean()
  finished?: boolean;

  @ApiPropertyOptional({ type: String, description: 'Call activities are not supported yet, so no instance has a parent: any value matches nothing.' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'superProcessInstanceId must be a positive integer id' })
  superProcessInstanceId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Accepted; every instance is a top-level instance, so it changes nothing.' })
  @IsOptional()
  @IsBoolean()
  excludeSubprocesses?: boolean;

  @DateParam('Ended after:')
  @IsOptional()
  @IsString()
  @Matches(HISTORIC_DATE, { message: 'finishedAfter must be a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)' })
  finishedAfter?: string;

  @DateParam('Ended before:')
  @IsOptional()
  @IsString()
  @Matches(HISTORIC_DATE, { message: 'finishedBefore must be a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)' })
  finishedBefore?: string;

  @DateParam('Started after:')
  @IsOptional()
  @IsString()
  @Matches(HISTORIC_DATE, { message: 'startedAfter must be a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)' })
  startedAfter?: string;

  @DateParam('Started before:')
  @IsOptional()
  @IsString()
  @Matches(HISTORIC_DATE, { message: 'startedBefore must be a date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)' })
  startedBefore?: string;

  @ApiPropertyOptional({ type: String, description: 'The starter\'s user id.', example: '1' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'startedBy must be a positive integer id' })
  startedBy?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: each item carries its instance variables in `variables`.' })
  @IsOptional()
  @IsBoolean()
  includeProcessVariables?: boolean;

  @ApiPropertyOptional({ type: String, description: 'The caller\'s tenant is always the scope; another tenant id matches nothing.', example: '1' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @MaxLength(255)
  tenantId?: string;

  @ApiPropertyOptional({ description: 'SQL LIKE pattern (`%`, `_`) on the tenant id.', example: '%1', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  tenantIdLike?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only instances without a tenant — every instance has one, so nothing; false: ignored.' })
  @IsOptional()
  @IsBoolean()
  withoutTenantId?: boolean;

  @ApiPropertyOptional({ enum: HISTORIC_SORTS, description: 'Activiti\'s sort fields; default processInstanceId.' })
  @IsOptional()
  @IsIn(HISTORIC_SORTS)
  sort?: (typeof HISTORIC_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default asc.' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

/** A HISTORIC_DATE string as a Date; without a zone it is UTC. */
export function historicDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) && value.includes('T');
  const date = new Date(zoned ? value : value.includes('T') ? `${value}Z` : `${value}T00:00:00Z`);
  // 2016-02-30 matches the pattern but is no date; JavaScript would roll it over to March, with or without a zone.
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value.slice(0, 10)) {
    throw DomainError.validation('REQUEST.INVALID_DATE', `${field} is not a valid date: ${value}`, { field, value });
  }
  return date;
}
