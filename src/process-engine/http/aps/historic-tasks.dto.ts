import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { NoNul } from './tasks.dto.js';

/** Activiti's historic task sort names (the document lists none); the default is taskInstanceId. */
export const HISTORIC_TASK_SORTS = [
  'taskInstanceId',
  'processDefinitionId',
  'processInstanceId',
  'executionId',
  'taskDefinitionKey',
  'name',
  'description',
  'assignee',
  'owner',
  'startTime',
  'endTime',
  'duration',
  'dueDate',
  'priority',
  'deleteReason',
  'tenantId',
] as const;
export type HistoricTaskSort = (typeof HISTORIC_TASK_SORTS)[number];

const ID = { type: String, example: '2511' } as const;
const ISO = { strict: true, strictSeparator: true } as const;

/** seed 004 "Get historic task instances": every parameter of the table, plus the js-api's extras. */
export class ApsHistoricTaskQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ ...ID, description: 'The task id' })
  @Allow()
  taskId?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'The process instance id' })
  @Allow()
  processInstanceId?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'User id of the assignee' })
  @Allow()
  taskAssignee?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'User id of the owner' })
  @Allow()
  taskOwner?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'User id of an involved user (assignee, owner or any user link of the task)' })
  @Allow()
  taskInvolvedUser?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'The parent task (checklist items of that task)' })
  @Allow()
  parentTaskId?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'Id of a candidate group' })
  @Allow()
  taskCandidateGroup?: unknown;

  @ApiPropertyOptional({ ...ID, description: 'Tenant id (the caller’s tenant; another one matches nothing)' })
  @Allow()
  tenantId?: unknown;

  @ApiPropertyOptional({ description: 'The process definition key', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processDefinitionKey?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the process definition key (`%` wildcards as sent)', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processDefinitionKeyLike?: string;

  @ApiPropertyOptional({ description: 'The process definition id', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processDefinitionId?: string;

  @ApiPropertyOptional({ description: 'The process definition name', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processDefinitionName?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the process definition name', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processDefinitionNameLike?: string;

  @ApiPropertyOptional({ description: 'The business key of the process instance', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processBusinessKey?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the business key', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  processBusinessKeyLike?: string;

  @ApiPropertyOptional({ description: 'The execution id', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  executionId?: string;

  @ApiPropertyOptional({ description: 'The task definition key (element id)', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDefinitionKey?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the task definition key', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDefinitionKeyLike?: string;

  @ApiPropertyOptional({ description: 'The task name, exactly', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskName?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the task name', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskNameLike?: string;

  @ApiPropertyOptional({ description: 'The task description, exactly', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDescription?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the task description', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDescriptionLike?: string;

  @ApiPropertyOptional({ description: 'Why the task ended, exactly (as the engine writes it)', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDeleteReason?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on why the task ended', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskDeleteReasonLike?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the assignee’s user id', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskAssigneeLike?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the owner’s user id', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  taskOwnerLike?: string;

  @ApiPropertyOptional({ description: 'LIKE pattern on the tenant id', example: 'x' })
  @IsOptional()
  @IsString() @NoNul()
  @MaxLength(4000)
  tenantIdLike?: string;

  @ApiPropertyOptional({ description: 'Priority, exactly', example: 50 })
  @IsOptional()
  @IsInt()
  @Min(-2147483648)
  @Max(2147483647)
  taskPriority?: number;

  @ApiPropertyOptional({ description: 'Priority at least', example: 50 })
  @IsOptional()
  @IsInt()
  @Min(-2147483648)
  @Max(2147483647)
  taskMinPriority?: number;

  @ApiPropertyOptional({ description: 'Priority at most', example: 50 })
  @IsOptional()
  @IsInt()
  @Min(-2147483648)
  @Max(2147483647)
  taskMaxPriority?: number;

  @ApiPropertyOptional({ description: 'true: completed tasks; false: open tasks', example: true })
  @IsOptional()
  @IsBoolean()
  finished?: boolean;

  @ApiPropertyOptional({ description: 'true: tasks of ended instances; false: of running instances', example: true })
  @IsOptional()
  @IsBoolean()
  processFinished?: boolean;

  @ApiPropertyOptional({ description: 'true: tasks without a due date (false is ignored)', example: true })
  @IsOptional()
  @IsBoolean()
  withoutDueDate?: boolean;

  @ApiPropertyOptional({ description: 'Add task-local variables to `variables`', example: true })
  @IsOptional()
  @IsBoolean()
  includeTaskLocalVariables?: boolean;

  @ApiPropertyOptional({ description: 'Add process variables to `variables`', example: true })
  @IsOptional()
  @IsBoolean()
  includeProcessVariables?: boolean;

  @ApiPropertyOptional({ description: 'true: tasks without a tenant (there are none); false is ignored', example: true })
  @IsOptional()
  @IsBoolean()
  withoutTenantId?: boolean;

  @ApiPropertyOptional({ description: 'Due exactly at this instant (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  dueDate?: string;

  @ApiPropertyOptional({ description: 'Due after (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  dueDateAfter?: string;

  @ApiPropertyOptional({ description: 'Due before (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  dueDateBefore?: string;

  @ApiPropertyOptional({ description: 'Completed on this day (the 24 hours from the given instant) (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCompletedOn?: string;

  @ApiPropertyOptional({ description: 'Completed after (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCompletedAfter?: string;

  @ApiPropertyOptional({ description: 'Completed before (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCompletedBefore?: string;

  @ApiPropertyOptional({ description: 'Created on this day (the 24 hours from the given instant) (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCreatedOn?: string;

  @ApiPropertyOptional({ description: 'Created after (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCreatedAfter?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO 8601: a date or a date-time)', example: '2016-06-16' })
  @IsOptional()
  @IsISO8601(ISO)
  taskCreatedBefore?: string;

  @ApiPropertyOptional({ description: 'Not supported: a non-empty list is a 400', type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  processVariables?: unknown[];

  @ApiPropertyOptional({ description: 'Not supported: a non-empty list is a 400', type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  taskVariables?: unknown[];

  @ApiPropertyOptional({ enum: HISTORIC_TASK_SORTS, description: 'Default taskInstanceId', example: 'startTime' })
  @IsOptional()
  @IsIn(HISTORIC_TASK_SORTS)
  sort?: HistoricTaskSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default asc', example: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
