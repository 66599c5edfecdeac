import { ApiProperty } from '@nestjs/swagger';
import type { ApsPage } from '../../../../libs/dialects/aps-paging.js';
import type {
  ApsAuditEntry,
  ApsAuditLog,
  ApsCandidateStarter,
  ApsLightUser,
  ApsProcessDefinition,
  ApsProcessInstance,
  ApsVariable,
} from './process-instances.mapper.js';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/*
 * Response schemas of the aps process-definition, process-instance and historic endpoints. Each
 * class implements the mapper's interface, so a field the mappers add or retype breaks the build
 * until it is documented here too.
 */

const DATE = 'ISO 8601 in UTC, Alfresco style';
const JAVA_DATE = 'Java Date.toString() in UTC, as the document\'s audit log writes dates';
const ANY_VALUE = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
};

export class ApsEngineLightUserResponse implements ApsLightUser {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ type: String, nullable: true, example: null }) firstName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Administrator' }) lastName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'admin@app.activiti.com' }) email!: string | null;
}

export class ApsInstanceVariableResponse implements ApsVariable {
  @ApiProperty({ example: 'amount' }) name!: string;
  @ApiProperty({ enum: ['string', 'integer', 'long', 'double', 'boolean', 'date', 'json', 'null'], example: 'integer' }) type!: string;
  @ApiProperty({ ...ANY_VALUE, description: 'The typed value; dates in the aps date format', example: 42 }) value!: unknown;
}

export class ApsProcessInstanceResponse implements ApsProcessInstance {
  @ApiProperty({ example: '2511' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Test step - January 8th 2015' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) businessKey!: string | null;
  @ApiProperty({ example: 'teststep:3:29' }) processDefinitionId!: string;
  @ApiProperty({ description: 'The tenant\'s number (design.md §8)', example: 1 }) tenantId!: number;
  @ApiProperty({ description: DATE, example: '2015-01-08T10:58:37.193+0000' }) started!: string;
  @ApiProperty({ type: String, nullable: true, description: `${DATE}; null while running`, example: null }) ended!: string | null;
  @ApiProperty({ type: ApsEngineLightUserResponse, nullable: true, description: 'The starter as a light user (null when unknown or deleted)' })
  startedBy!: ApsEngineLightUserResponse | null;
  @ApiProperty({ type: String, nullable: true, example: 'Test step' }) processDefinitionName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) processDefinitionDescription!: string | null;
  @ApiProperty({ example: 'teststep' }) processDefinitionKey!: string;
  @ApiProperty({ type: String, nullable: true, example: 'http://www.activiti.org/test' }) processDefinitionCategory!: string | null;
  @ApiProperty({ example: 3 }) processDefinitionVersion!: number;
  @ApiProperty({ example: '26' }) processDefinitionDeploymentId!: string;
  @ApiProperty({ description: 'The BPMN carries diagram interchange (bpmndi). Meridian does not render diagrams even then: GET …/diagram answers 404', example: false })
  graphicalNotationDefined!: boolean;
  @ApiProperty({ description: 'The definition has a start form', example: false }) startFormDefined!: boolean;
  @ApiProperty({ example: false }) suspended!: boolean;
  @ApiProperty({
    type: [ApsInstanceVariableResponse],
    description: 'Instance variables: filled by start, GET by id and historic queries with includeProcessVariables; [] in lists',
  })
  variables!: ApsInstanceVariableResponse[];
  @ApiProperty({ description: 'Open incidents of the instance (design.md §8; list them at GET /api/platform/incidents)', example: 0 }) incidents!: number;
}

export class ApsProcessInstancePageResponse extends ApsPageFields implements ApsPage<ApsProcessInstance> {
  @ApiProperty({ type: [ApsProcessInstanceResponse] }) data!: ApsProcessInstanceResponse[];
}

export class ApsProcessDefinitionResponse implements ApsProcessDefinition {
  @ApiProperty({ description: '`key:version:deploymentId`', example: 'demoprocess:1:7504' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Demo process' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) description!: string | null;
  @ApiProperty({ example: 'demoprocess' }) key!: string;
  @ApiProperty({ type: String, nullable: true, example: 'http://www.activiti.org/test' }) category!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: '7501' }) deploymentId!: string;
  @ApiProperty({ description: 'The tenant\'s number (design.md §8)', example: 1 }) tenantId!: number;
  @ApiProperty({ example: true }) hasStartForm!: boolean;
}

export class ApsProcessDefinitionPageResponse extends ApsPageFields implements ApsPage<ApsProcessDefinition> {
  @ApiProperty({ type: [ApsProcessDefinitionResponse] }) data!: ApsProcessDefinitionResponse[];
}

export class ApsCandidateStarterResponse implements ApsCandidateStarter {
  @ApiProperty({ type: String, nullable: true, description: 'The user id, for a user link', example: '1' }) user!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The group id, for a group link', example: null }) group!: string | null;
  @ApiProperty({ enum: ['candidate'], example: 'candidate' }) type!: 'candidate';
}

export class ApsAuditFormDataResponse {
  @ApiProperty({ example: 'Text1' }) fieldName!: string;
  @ApiProperty({ example: 'text1' }) fieldId!: string;
  @ApiProperty({ ...ANY_VALUE, example: 'TEST' }) value!: unknown;
}

export class ApsAuditEntryResponse implements ApsAuditEntry {
  @ApiProperty({ description: '1-based position in time order', example: 1 }) index!: number;
  @ApiProperty({
    description:
      'startForm (start with form values), activityExecuted (activity history), taskCreated, taskCompleted (tasks), commentCreated (comments), ' +
      'or the audit trail\'s type in camelCase: processDeleted, processSuspended, processActivated, taskClaimed, taskAssigned, taskDelegated, ' +
      'taskResolved, taskInvolved, variablesUpdated, formSubmitted, processEnded…',
    example: 'activityExecuted',
  })
  type!: string;
  @ApiProperty({ description: JAVA_DATE, example: 'Wed Jan 20 16:18:46 UTC 2016' }) timestamp!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) selectedOutcome!: string | null;
  @ApiProperty({ type: [ApsAuditFormDataResponse] }) formData!: ApsAuditFormDataResponse[];
  @ApiProperty({ type: String, nullable: true, example: null }) taskName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the task\'s assignee (or of who acted)', example: 'Mr Activiti' }) taskAssignee!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'startEvent1' }) activityId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '' }) activityName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'startEvent' }) activityType!: string | null;
  @ApiProperty({ type: String, nullable: true, description: JAVA_DATE, example: 'Thu Feb 16 16:32:05 UTC 2017' }) startTime!: string | null;
  @ApiProperty({ type: String, nullable: true, description: `${JAVA_DATE}; null while open`, example: 'Thu Feb 16 16:32:09 UTC 2017' }) endTime!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 24054 }) durationInMillis!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Meridian extension: the comment of a commentCreated entry, the reason of a processDeleted one', example: null })
  message!: string | null;
}

export class ApsDecisionValueResponse {
  @ApiProperty({ example: 'outputVariable1' }) name!: string;
  @ApiProperty({ example: '1.0' }) value!: string;
}

export class ApsDecisionInfoResponse {
  @ApiProperty({ type: [ApsDecisionValueResponse], description: 'Always empty: decision tables are not part of this engine yet' }) calculatedValues!: ApsDecisionValueResponse[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Always empty', example: [] }) appliedRules!: unknown[];
}

export class ApsAuditLogResponse implements ApsAuditLog {
  @ApiProperty({ example: '5' }) processInstanceId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'myProcessInstance' }) processInstanceName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'TEST decision process' }) processDefinitionName!: string | null;
  @ApiProperty({ description: 'The version, as a string (as in the document)', example: '1' }) processDefinitionVersion!: string;
  @ApiProperty({ description: JAVA_DATE, example: 'Wed Jan 20 16:18:46 UTC 2016' }) processInstanceStartTime!: string;
  @ApiProperty({ type: String, nullable: true, description: JAVA_DATE, example: null }) processInstanceEndTime!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Full name of the starter', example: 'Mr Activiti' }) processInstanceInitiator!: string | null;
  @ApiProperty({ type: [ApsAuditEntryResponse] }) entries!: ApsAuditEntryResponse[];
  @ApiProperty({ type: ApsDecisionInfoResponse }) decisionInfo!: ApsDecisionInfoResponse;
}
