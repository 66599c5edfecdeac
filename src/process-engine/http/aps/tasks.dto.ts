import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { TASK_PRIORITY_MAX, TASK_PRIORITY_MIN } from '../../domain/task/task-actions.js';

const ID = { type: String, example: '2511' } as const;

/** A numeric id sent in a body as a string or a number; malformed is a 400 naming the field. */
export function bodyId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return parseNumericId(value, field);
}

/** An ISO 8601 date from a body (validated by @IsISO8601 already). */
export function bodyDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw DomainError.validation('REQUEST.VALIDATION', `${field} must be an ISO 8601 date`, { field, value });
  return date;
}

const ISO = { strict: true, strictSeparator: true } as const;

/** PostgreSQL text cannot hold NUL: refuse it at the edge (400) rather than fail in the database. */
export const NoNul = (): PropertyDecorator => Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });

/** seed 004 "Task List" body (plus the fields Alfresco's js-api TaskQueryRepresentation sends). */
export class ApsTaskQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Tasks of processes deployed by this app', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  appDefinitionId?: number;

  @ApiPropertyOptional({ ...ID, description: 'Tasks of this process instance' })
  @Allow()
  processInstanceId?: unknown;

  @ApiPropertyOptional({ description: 'Tasks of this process definition (`key:version:deploymentId`)', example: 'teststep:3:29' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  processDefinitionId?: string;

  @ApiPropertyOptional({ ...ID, description: 'Only this task (js-api)' })
  @Allow()
  taskId?: unknown;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the task name (`%text%`, wildcards match literally)', example: 'review' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  text?: string;

  @ApiPropertyOptional({
    description: '`assignee`, `candidate`, `group_{groupId}` or `involved`; absent = involved',
    example: 'candidate',
  })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(64)
  assignment?: string;

  @ApiPropertyOptional({ enum: ['open', 'active', 'completed', 'all'], description: 'Default open (`active` is the same)', example: 'open' })
  @IsOptional()
  @IsIn(['open', 'active', 'completed', 'all'])
  state?: 'open' | 'active' | 'completed' | 'all';

  @ApiPropertyOptional({ description: 'Add the process variables to `variables`', example: false })
  @IsOptional()
  @IsBoolean()
  includeProcessVariables?: boolean;

  @ApiPropertyOptional({ description: 'Add the task-local variables to `variables`', example: false })
  @IsOptional()
  @IsBoolean()
  includeTaskLocalVariables?: boolean;

  @ApiPropertyOptional({ description: 'Accepted for the js-api; the task JSON always names its instance', example: false })
  @IsOptional()
  @IsBoolean()
  includeProcessInstance?: boolean;

  @ApiPropertyOptional({ description: 'Due strictly after this date (ISO 8601)', example: '2026-11-22T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601(ISO)
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'Due strictly before this date (ISO 8601)', example: '2026-12-22T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601(ISO)
  dueBefore?: string;

  @ApiPropertyOptional({ enum: ['created-desc', 'created-asc', 'due-desc', 'due-asc'], description: 'Default created-desc; tasks without a due date come last', example: 'created-desc' })
  @IsOptional()
  @IsIn(['created-desc', 'created-asc', 'due-desc', 'due-asc'])
  sort?: 'created-desc' | 'created-asc' | 'due-desc' | 'due-asc';
}

/** seed 004 "Task Actions" update body; the js-api's `…Set` flags are accepted (a field sent is a field set). */
export class ApsTaskUpdateDto {
  @ApiPropertyOptional({ example: 'IchangedTaskName', maxLength: 255 })
  @IsOptional()
  @IsString() @NoNul()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'description-updated', maxLength: 4000 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 8601; null clears it', example: '2015-01-11T22:59:59.000Z' })
  @ValidateIf((o: ApsTaskUpdateDto) => o.dueDate !== undefined && o.dueDate !== null)
  @IsISO8601(ISO)
  dueDate?: string | null;

  @ApiPropertyOptional({ minimum: TASK_PRIORITY_MIN, maximum: TASK_PRIORITY_MAX, example: 10 })
  @IsOptional()
  @IsInt()
  @Min(TASK_PRIORITY_MIN)
  @Max(TASK_PRIORITY_MAX)
  priority?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '100', maxLength: 255 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  formKey?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, maxLength: 255 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  category?: string | null;

  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() nameSet?: boolean;
  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() descriptionSet?: boolean;
  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() dueDateSet?: boolean;
  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() prioritySet?: boolean;
  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() formKeySet?: boolean;
  @ApiPropertyOptional({ description: 'js-api flag, ignored' }) @IsOptional() @IsBoolean() categorySet?: boolean;
}

/** seed 004 "Create a Standalone Task": name and description (priority, due date, form key and category optional). */
export class ApsCreateTaskDto {
  @ApiProperty({ example: 'Call the customer', maxLength: 255 })
  @IsString() @NoNul()
  @MinLength(1)
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'About the invoice', maxLength: 4000 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 8601', example: '2026-12-01T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601(ISO)
  dueDate?: string;

  @ApiPropertyOptional({ minimum: TASK_PRIORITY_MIN, maximum: TASK_PRIORITY_MAX, default: 50, example: 50 })
  @IsOptional()
  @IsInt()
  @Min(TASK_PRIORITY_MIN)
  @Max(TASK_PRIORITY_MAX)
  priority?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, maxLength: 255 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  formKey?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: null, maxLength: 255 })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  category?: string;
}

/** `assign`: `assignee` is a user id (the js-api may send `email` instead). */
export class ApsAssignTaskDto {
  @ApiPropertyOptional({ ...ID, description: 'User id of the new assignee' })
  @Allow()
  assignee?: unknown;

  @ApiPropertyOptional({ description: 'E-mail of the new assignee, when no id is sent', example: 'john@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;
}

/** `delegate`, `involve`, `remove-involved`: `userId` (involve and remove-involved also accept `email`). */
export class ApsTaskUserDto {
  @ApiPropertyOptional({ ...ID, description: 'User id' })
  @Allow()
  userId?: unknown;

  @ApiPropertyOptional({ description: 'E-mail of the user, when no id is sent (involve, remove-involved)', example: 'john@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(255)
  email?: string;
}

/** A light user as clients send it back; only `id` is read. */
export class ApsUserRefDto {
  @ApiProperty({ ...ID, description: 'User id' })
  @Allow()
  id!: unknown;

  @ApiPropertyOptional({ description: 'Ignored', example: 'John' }) @IsOptional() @IsString() @NoNul() @MaxLength(255) firstName?: string;
  @ApiPropertyOptional({ description: 'Ignored', example: 'Doe' }) @IsOptional() @IsString() @NoNul() @MaxLength(255) lastName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Ignored', example: 'john@example.com' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(255)
  email?: string | null;
}

/** seed 004 "Checklists" create body. */
export class ApsChecklistItemDto {
  @ApiProperty({ example: 'mySubtask', maxLength: 255 })
  @IsString() @NoNul()
  @MinLength(1)
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, example: null })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: ApsUserRefDto, description: 'Assignee of the item ({id})' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApsUserRefDto)
  assignee?: ApsUserRefDto | null;

  @ApiPropertyOptional({ ...ID, description: 'The task of the URL again (optional; another id is a 400)' })
  @Allow()
  parentTaskId?: unknown;
}

/** seed 004 "Checklists" re-order body. */
export class ApsChecklistOrderDto {
  @ApiProperty({ type: [String], description: 'Every checklist item id, once, in the new order', example: ['20087', '20088'] })
  @IsArray()
  @ArrayMaxSize(1000)
  order!: unknown[];
}
