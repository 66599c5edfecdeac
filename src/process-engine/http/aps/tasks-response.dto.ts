import { ApiProperty } from '@nestjs/swagger';
import { ApsTaskVariableResponse } from './variables-response.dto.js';
import type { ApsPage } from '../../../../libs/dialects/aps-paging.js';
import type { TaskAudit } from '../../application/tasks/get-task-audit.query.js';
import type { ApsTask, ApsTaskLightGroup, ApsTaskLightUser, ApsTaskVariable } from './tasks.mapper.js';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/*
 * Response schemas of the aps task endpoints. Each class implements the mapper's interface, so a
 * field the mapper adds or retypes breaks the build until it is documented here too.
 */

const DATE = 'Alfresco style ISO 8601 in UTC (2015-01-08T10:58:37.193+0000)';

export class ApsTaskLightUserResponse implements ApsTaskLightUser {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'John' }) firstName!: string;
  @ApiProperty({ example: 'Doe' }) lastName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'john@example.com' }) email!: string | null;
}

export class ApsTaskLightGroupResponse implements ApsTaskLightGroup {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ type: String, nullable: true, description: 'null for a group deleted since', example: 'Sales' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) externalId!: string | null;
  @ApiProperty({ type: String, enum: ['active', 'inactive'], nullable: true, example: 'active' }) status!: 'active' | 'inactive' | null;
}

export class ApsTaskResponse implements ApsTask {
  @ApiProperty({ example: '2524' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Task' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) category!: string | null;
  @ApiProperty({ type: ApsTaskLightUserResponse, nullable: true }) assignee!: ApsTaskLightUserResponse | null;
  @ApiProperty({ description: DATE, example: '2015-01-08T10:58:37.193+0000' }) created!: string;
  @ApiProperty({ type: String, nullable: true, description: DATE, example: null }) dueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: DATE, example: null }) endDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Milliseconds from creation to completion', example: null }) duration!: number | null;
  @ApiProperty({ example: 50 }) priority!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The task whose checklist this task is on', example: null }) parentTaskId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) parentTaskName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2511' }) processInstanceId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) processInstanceName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'teststep:3:29' }) processDefinitionId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Test step' }) processDefinitionName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) processDefinitionDescription!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'teststep' }) processDefinitionKey!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'http://www.activiti.org/test' }) processDefinitionCategory!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) processDefinitionVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '26' }) processDefinitionDeploymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '5' }) formKey!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1' }) processInstanceStartUserId!: string | null;
  @ApiProperty({ description: 'Always false (no task form carries the option yet)', example: false }) initiatorCanCompleteTask!: boolean;
  @ApiProperty({ description: 'True for standalone tasks', example: false }) adhocTaskCanBeReassigned!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'approve' }) taskDefinitionKey!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) executionId!: string | null;
  @ApiProperty({ type: [ApsTaskLightUserResponse], description: 'Users involved with the task (involve action)' }) involvedPeople!: ApsTaskLightUserResponse[];
  @ApiProperty({ type: [ApsTaskLightGroupResponse], description: 'Candidate groups of the task' }) involvedGroups!: ApsTaskLightGroupResponse[];
  @ApiProperty({ description: 'The caller manages a candidate group', example: false }) managerOfCandidateGroup!: boolean;
  @ApiProperty({ description: 'The caller is in a candidate group (nested groups count)', example: false }) memberOfCandidateGroup!: boolean;
  @ApiProperty({ description: 'The caller is a candidate user', example: false }) memberOfCandidateUsers!: boolean;
  @ApiProperty({ type: [ApsTaskVariableResponse], description: 'Filled when the query asked for variables, else empty' }) variables!: ApsTaskVariable[];
}

export class ApsTaskPageResponse extends ApsPageFields implements ApsPage<ApsTask> {
  @ApiProperty({ type: [ApsTaskResponse] }) data!: ApsTaskResponse[];
}

export class ApsTaskAuditCommentResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the author', example: 'John Doe' }) author!: string | null;
  @ApiProperty({ example: 'Looks good' }) message!: string;
}

export class ApsTaskAuditResponse implements TaskAudit {
  @ApiProperty({ example: '18' }) taskId!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) taskName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '5' }) processInstanceId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'TEST decision process' }) processDefinitionName!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) processDefinitionVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the assignee', example: 'Mr Activiti' }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Java Date#toString in UTC', example: 'Wed Jan 20 22:03:05 UTC 2016' })
  startTime!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Java Date#toString in UTC', example: 'Wed Jan 20 22:03:09 UTC 2016' })
  endTime!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Form fields submitted with the task ({fieldId, fieldName, value})', example: [] })
  formData!: unknown[];
  @ApiProperty({ type: String, nullable: true, example: null }) selectedOutcome!: string | null;
  @ApiProperty({ type: [ApsTaskAuditCommentResponse] }) comments!: Array<{ author: string | null; message: string }>;
}
