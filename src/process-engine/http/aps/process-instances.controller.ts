import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ActivateProcessInstance } from '../../application/instances/activate-process-instance.use-case.js';
import { DeleteProcessInstance } from '../../application/instances/delete-process-instance.use-case.js';
import { GetInstanceStartForm } from '../../application/forms/get-instance-start-form.query.js';
import { GetAuditLog } from '../../application/instances/get-audit-log.query.js';
import { GetProcessInstance } from '../../application/instances/get-process-instance.query.js';
import { QueryProcessInstances } from '../../application/instances/query-process-instances.query.js';
import { StartProcessInstanceFromApi } from '../../application/instances/start-process-instance-from-api.use-case.js';
import { SuspendProcessInstance } from '../../application/instances/suspend-process-instance.use-case.js';
import { EngineAccess } from '../../application/access/engine-access.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsInstanceStartFormResponse } from './forms-response.dto.js';
import { type ApsInstanceStartForm, toApsInstanceStartForm } from './forms.mapper.js';
import { ApsProcessInstanceQueryDto, ApsStartProcessInstanceDto } from './process-instances.dto.js';
import { ApsAuditLogResponse, ApsProcessInstancePageResponse, ApsProcessInstanceResponse } from './process-instances-response.dto.js';
import { type ApsAuditLog, type ApsProcessInstance, toApsAuditLog, toApsProcessInstance } from './process-instances.mapper.js';

const VISIBLE =
  'Who may see an instance: its starter, users linked to it, assignees, owners and candidates (users or groups) of its tasks, and admins of the tenant. ' +
  'Unknown or another tenant\'s id: 404; known but not visible: 403; malformed id: 400. ';
const STARTER_OR_ADMIN = 'Only the starter or a tenant admin may do this (as Alfresco, which deletes only instances the caller started); other involved users get 403. ';

/** seed 004 "Start Process Instance", "Process Instance List", details, delete, suspend/activate, audit log, diagram. */
@ApiTags('process-engine: process instances')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/process-instances`)
export class ApsProcessInstancesController {
  constructor(
    private readonly startInstance: StartProcessInstanceFromApi,
    private readonly queryInstances: QueryProcessInstances,
    private readonly getInstance: GetProcessInstance,
    private readonly deleteInstance: DeleteProcessInstance,
    private readonly suspendInstance: SuspendProcessInstance,
    private readonly activateInstance: ActivateProcessInstance,
    private readonly auditLog: GetAuditLog,
    private readonly access: EngineAccess,
    private readonly instanceStartForm: GetInstanceStartForm,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start a process instance',
    description:
      'Exactly one of `processDefinitionId` and `processDefinitionKey` (the latest version of the key in the caller\'s tenant); both or neither: 400. ' +
      'Unknown id or key (or another tenant\'s): 404. A definition with candidate starters may be started by them and admins only (403). ' +
      '`variables` [{name, type, value}] are instance variables, each checked against its type (wrong type: 400, nothing started); `values` and ' +
      '`outcome` (start form) cannot be combined with a non-empty `variables` list (400). `values`/`outcome` are validated against the start form ' +
      '(unknown field ids, wrong types, required fields, options, an outcome not offered…: 400 FORMS.INVALID_VALUES naming every failing field, nothing ' +
      'started) and become typed instance variables, the outcome `form_{formKey}_outcome`; values for a definition without a start form: 400 ' +
      'ENGINE.NO_START_FORM_FOR_VALUES (Meridian\'s decision). Without values and outcome the start form is not submitted (no validation). ' +
      'The engine runs to the first wait states in the same transaction. Answers 200 (as Alfresco) with the process instance representation, variables included.',
  })
  @ApiOkResponse({ type: ApsProcessInstanceResponse })
  @ApiApsErrors(403, 404)
  async start(@CurrentPrincipal() actor: Principal, @Body() body: ApsStartProcessInstanceDto): Promise<ApsProcessInstance> {
    const view = await this.startInstance.execute({
      actor,
      processDefinitionId: body.processDefinitionId,
      processDefinitionKey: body.processDefinitionKey,
      name: body.name ?? null,
      businessKey: body.businessKey ?? null,
      variables: body.variables?.map((v) => ({ name: v.name, type: v.type, value: v.value, scope: v.scope })),
      values: body.values,
      outcome: body.outcome ?? undefined,
    });
    return toApsProcessInstance(view);
  }

  @Post('query')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Query process instances',
    description:
      'The caller\'s tenant; admins see every instance, others the instances they are involved in (they started it, are linked to it, or are ' +
      'assignee, owner or candidate — directly or through a group — of one of its tasks). Filters: processDefinitionId, appDefinitionId, and processInstanceId (sent by the Alfresco JS client). `state` running (default; `open` is the same; suspended instances included), completed (ended: completed or deleted) or all; `sort` created-desc (default), ' +
      'created-asc, ended-desc, ended-asc (running instances last). Paging: `start` (offset) or `page` (zero-based page number; wins, as the ' +
      'Alfresco JS client sends it) and `size` (default 25). Items carry `variables: []`; GET by id gives the variables.',
  })
  @ApiOkResponse({ type: ApsProcessInstancePageResponse })
  async query(@CurrentPrincipal() actor: Principal, @Body() body: ApsProcessInstanceQueryDto): Promise<ApsPage<ApsProcessInstance>> {
    const { offset, limit } = apsOffset(body);
    const page = await this.queryInstances.execute({
      actor,
      processInstanceId: body.processInstanceId,
      processDefinitionId: body.processDefinitionId,
      appDefinitionId: body.appDefinitionId === undefined ? undefined : String(body.appDefinitionId),
      state: body.state,
      sort: body.sort,
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsProcessInstance));
  }

  @Get(':processInstanceId')
  @ApiOperation({ summary: 'Get a process instance', description: VISIBLE + 'The representation includes the instance variables and `incidents` (open incidents).' })
  @ApiOkResponse({ type: ApsProcessInstanceResponse })
  @ApiApsErrors(403, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsProcessInstance> {
    return toApsProcessInstance(await this.getInstance.execute({ actor, instanceId }));
  }

  @Delete(':processInstanceId')
  @ApiOperation({
    summary: 'Delete (cancel) a process instance',
    description:
      VISIBLE +
      STARTER_OR_ADMIN +
      'A running or suspended instance ends with state deleted: its open tasks end (end reason "deleted"), its history and audit log stay ' +
      '(a processDeleted entry is added) and it is listed with state completed/all. An instance that already ended (completed or deleted): 409 — ' +
      'history is never hard-deleted here. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the instance is deleted.' })
  @ApiApsErrors(403, 404, 409)
  async remove(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<void> {
    await this.deleteInstance.execute({ actor, instanceId });
  }

  @Put(':processInstanceId/suspend')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Suspend a process instance',
    description:
      VISIBLE +
      STARTER_OR_ADMIN +
      'Its tasks cannot be completed until it is activated. Already suspended, or ended: 409. Answers the instance (suspended: true).',
  })
  @ApiOkResponse({ type: ApsProcessInstanceResponse })
  @ApiApsErrors(403, 404, 409)
  async suspend(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsProcessInstance> {
    await this.suspendInstance.execute({ actor, instanceId });
    return toApsProcessInstance(await this.getInstance.execute({ actor, instanceId }));
  }

  @Put(':processInstanceId/activate')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Activate a suspended process instance',
    description: VISIBLE + STARTER_OR_ADMIN + 'Not suspended (running), or ended: 409. Answers the instance (suspended: false).',
  })
  @ApiOkResponse({ type: ApsProcessInstanceResponse })
  @ApiApsErrors(403, 404, 409)
  async activate(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsProcessInstance> {
    await this.activateInstance.execute({ actor, instanceId });
    return toApsProcessInstance(await this.getInstance.execute({ actor, instanceId }));
  }

  @Get(':processInstanceId/start-form')
  @ApiOperation({
    summary: 'The completed start form of a process instance',
    description:
      VISIBLE +
      'seed 004: the start form the instance was started with, its fields filled with the submitted values, `readOnly: true`, with `processInstanceId`. ' +
      'An instance started without start-form values: 404 ENGINE.NO_START_FORM.',
  })
  @ApiOkResponse({ type: ApsInstanceStartFormResponse })
  @ApiApsErrors(403, 404)
  async startForm(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsInstanceStartForm> {
    const { form, instance } = await this.instanceStartForm.execute({ actor, instanceId });
    return toApsInstanceStartForm(instance, form);
  }

  @Get(':processInstanceId/audit-log')
  @ApiOperation({
    summary: 'The audit log of a process instance as JSON',
    description:
      VISIBLE +
      'The document\'s audit JSON: the instance (dates as Java\'s Date.toString() in UTC, as the document writes them; the version as a string; the ' +
      'initiator\'s full name) and its entries in time order, numbered from 1: activityExecuted (every activity entered), taskCreated and taskCompleted ' +
      '(tasks), startForm (a start with form values: formData and selectedOutcome), commentCreated (comments on the instance and its tasks; the text in `message`, a Meridian ' +
      'extension) and the other audit-trail events in camelCase (processDeleted, processSuspended, processActivated, taskClaimed, taskAssigned, …). ' +
      '`decisionInfo` is empty: decision tables are not part of the engine yet.',
  })
  @ApiOkResponse({ type: ApsAuditLogResponse })
  @ApiApsErrors(403, 404)
  async audit(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsAuditLog> {
    return toApsAuditLog(await this.auditLog.execute({ actor, instanceId }));
  }

  @Get(':processInstanceId/diagram')
  @ApiOperation({
    summary: 'Process instance diagram (not supported)',
    description:
      VISIBLE +
      'Meridian does not render process diagrams: for an instance the caller may see this answers 404 (code ENGINE.DIAGRAM_NOT_SUPPORTED) in the aps ' +
      'error shape, also when `graphicalNotationDefined` is true (the BPMN carries diagram interchange).',
  })
  @ApiOkResponse({ description: 'Empty body; never answered (see 404).' })
  @ApiApsErrors(403, 404)
  async diagram(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<void> {
    await this.access.requireInstance(actor, instanceId);
    throw EngineErrors.diagramNotSupported(instanceId);
  }
}
