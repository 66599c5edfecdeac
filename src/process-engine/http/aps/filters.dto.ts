import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/** A real calendar date with a `T` (as the task query): `2026-02-30` or a space separator is a 400, not a stored filter that matches nothing. */
const ISO_DATE = { strict: true, strictSeparator: true } as const;

/** Positive integer ids in a body, as Alfresco sends them (numbers); numeric strings are accepted too. */
const BodyId = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));
const QueryId = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));
/** Absent is fine; `null` is not. */
const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

export const TASK_FILTER_SORTS = ['created-desc', 'created-asc', 'due-desc', 'due-asc'] as const;
export const TASK_FILTER_STATES = ['open', 'active', 'completed', 'all'] as const;
export const PROCESS_FILTER_SORTS = ['created-desc', 'created-asc', 'ended-desc', 'ended-asc'] as const;
export const PROCESS_FILTER_STATES = ['running', 'completed', 'all'] as const;
const ASSIGNMENT = /^(involved|assignee|candidate|group_\d{1,19})$/;

export class ApsFilterListQueryDto {
  @ApiPropertyOptional({ description: 'Only the filters of this app.', minimum: 1 })
  @IsOptional()
  @QueryId()
  @IsInt()
  @Min(1)
  appId?: number;
}

class FilterCriteriaBase {
  @ApiPropertyOptional({ description: 'Text the task or process instance name must contain.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  processDefinitionId?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  processDefinitionKey?: string;

  @ApiPropertyOptional({ description: 'Accepted as the Alfresco JS client sends it (the sort value already says the direction).' })
  @IsOptional()
  @IsBoolean()
  asc?: boolean;
}

export class ApsTaskFilterCriteriaDto extends FilterCriteriaBase {
  @ApiPropertyOptional({ enum: TASK_FILTER_SORTS })
  @IsOptional()
  @IsIn(TASK_FILTER_SORTS)
  sort?: (typeof TASK_FILTER_SORTS)[number];

  @ApiPropertyOptional({ enum: TASK_FILTER_STATES, description: 'open (also `active`, the task query\'s word), completed, or all' })
  @IsOptional()
  @IsIn(TASK_FILTER_STATES)
  state?: (typeof TASK_FILTER_STATES)[number];

  @ApiPropertyOptional({ description: 'involved, assignee, candidate, or group_{groupId} (as the task query)', pattern: ASSIGNMENT.source, example: 'involved' })
  @IsOptional()
  @IsString()
  @Matches(ASSIGNMENT, { message: 'assignment must be involved, assignee, candidate or group_{groupId}' })
  assignment?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date', example: '2026-11-22T00:00:00.000+0000' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date', example: '2026-12-22T00:00:00.000+0000' })
  @IsOptional()
  @IsISO8601(ISO_DATE)
  dueBefore?: string;
}

export class ApsProcessFilterCriteriaDto extends FilterCriteriaBase {
  @ApiPropertyOptional({ enum: PROCESS_FILTER_SORTS, description: 'The document lists created-desc and created-asc; the ended-* sorts of the process instance query are accepted too.' })
  @IsOptional()
  @IsIn(PROCESS_FILTER_SORTS)
  sort?: (typeof PROCESS_FILTER_SORTS)[number];

  @ApiPropertyOptional({ enum: PROCESS_FILTER_STATES })
  @IsOptional()
  @IsIn(PROCESS_FILTER_STATES)
  state?: (typeof PROCESS_FILTER_STATES)[number];
}

class FilterBodyBase {
  @ApiPropertyOptional({ description: 'Name of the filter (required when creating).', maxLength: 255, example: 'My open tasks' })
  @PresentNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'App where the filter is used (an app model id of the tenant, else 400); null: no app.', example: 1 })
  @IsOptional()
  @BodyId()
  @IsInt()
  @Min(1)
  appId?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Path or name of the icon image.', maxLength: 255, example: 'glyphicon-inbox' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  icon?: string | null;

  @ApiPropertyOptional({ description: 'Kept as sent (Alfresco marks its default filter with it).', example: false })
  @PresentNotNull()
  @IsBoolean()
  recent?: boolean;

  // The Alfresco JS client sends whole representations back: the read-only fields are accepted and ignored.
  @ApiPropertyOptional({ description: 'Ignored (read-only)' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'Ignored (read-only; reorder with PUT filters/tasks)' }) @Allow() index?: unknown;
}

export class ApsTaskFilterBodyDto extends FilterBodyBase {
  @ApiPropertyOptional({ type: ApsTaskFilterCriteriaDto, description: 'The saved task query; when sent on update it replaces the stored one.' })
  @PresentNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ApsTaskFilterCriteriaDto)
  filter?: ApsTaskFilterCriteriaDto;
}

export class ApsProcessFilterBodyDto extends FilterBodyBase {
  @ApiPropertyOptional({ type: ApsProcessFilterCriteriaDto, description: 'The saved process instance query; when sent on update it replaces the stored one.' })
  @PresentNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ApsProcessFilterCriteriaDto)
  filter?: ApsProcessFilterCriteriaDto;
}

export class ApsFilterOrderDto {
  @ApiProperty({ type: [Number], description: 'Filter ids in the wanted order', example: [3, 1, 2] })
  @IsArray()
  @ArrayMaxSize(1000)
  @BodyIds()
  @IsInt({ each: true })
  @Min(1, { each: true })
  order!: number[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The app whose filters are ordered; absent or null: the filters without an app.', example: 1 })
  @IsOptional()
  @BodyId()
  @IsInt()
  @Min(1)
  appId?: number | null;
}

/** PUT filters/processes: the document creates a filter with it, the Alfresco JS client reorders with `{order, appId}`. */
export class ApsProcessFilterPutDto extends ApsProcessFilterBodyDto {
  @ApiPropertyOptional({ type: [Number], description: 'When sent: reorder the filters of `appId` (and nothing else may be sent but appId).', example: [3, 1, 2] })
  @PresentNotNull()
  @IsArray()
  @ArrayMaxSize(1000)
  @BodyIds()
  @IsInt({ each: true })
  @Min(1, { each: true })
  order?: number[];
}

function BodyIds(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v)) : value,
  );
}

export class ApsFilterResponse {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'My open tasks' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) appId!: number | null;
  @ApiProperty({ example: false }) recent!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'glyphicon-inbox' }) icon!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The saved criteria exactly as sent: sort, name, state, assignment (tasks), dueAfter, dueBefore, processDefinitionId, processDefinitionKey, asc',
    example: { sort: 'created-desc', state: 'open', assignment: 'assignee' },
  })
  filter!: Record<string, unknown>;
  @ApiProperty({ description: 'Place in the user\'s order, 0 first', example: 0 }) index!: number;
}

export class ApsFilterPageResponse extends ApsPageFields {
  @ApiProperty({ type: [ApsFilterResponse] }) data!: ApsFilterResponse[];
}
