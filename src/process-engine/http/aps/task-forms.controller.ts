import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AttachTaskForm } from '../../application/forms/attach-task-form.use-case.js';
import { CompleteTaskForm } from '../../application/forms/complete-task-form.use-case.js';
import { GetTaskForm } from '../../application/forms/get-task-form.query.js';
import { RemoveTaskForm } from '../../application/forms/remove-task-form.use-case.js';
import { SaveTaskForm } from '../../application/forms/save-task-form.use-case.js';
import { TaskFormFieldValues } from '../../application/forms/task-form-field-values.query.js';
import { TaskFormVariables } from '../../application/forms/task-form-variables.query.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsAttachFormDto, ApsCompleteTaskFormDto, ApsSaveTaskFormDto } from './forms.dto.js';
import { ApsFormOptionResponse, ApsFormVariableResponse, ApsTaskFormResponse } from './forms-response.dto.js';
import { type ApsFormVariable, type ApsTaskForm, toApsFormOptions, toApsTaskForm } from './forms.mapper.js';
import { bodyId } from './tasks.dto.js';

const TASK_ID = new ApsIdPipe('taskId');

const SEES_TASK = 'Anyone who sees the task (assignee, owner, candidates, involved users, admins): unknown or another tenant\'s task 404, not involved 403, malformed id 400. ';
const NO_FORM =
  'A task without a form (no formKey naming a form of its deployment or a form model, and no attached form): 404 ENGINE.NO_TASK_FORM — Meridian\'s ' +
  'decision, the document is silent; complete such a task with `tasks/{taskId}/action/complete`. ';

/** A form field (or dynamic-table column) id in the path: 1 to 255 characters. */
function fieldParam(field: string, name = 'field'): string {
  if (field.length === 0 || field.length > 255) throw DomainError.validation('REQUEST.VALIDATION', `${name} must be 1 to 255 characters`, { field: name });
  return field;
}

/** seed 004 "Task Form": get, complete, save, REST-populated values and variables of a task's form. */
@ApiTags('process-engine: task forms')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/task-forms`)
export class ApsTaskFormsController {
  constructor(
    private readonly getTaskForm: GetTaskForm,
    private readonly completeTaskForm: CompleteTaskForm,
    private readonly saveTaskForm: SaveTaskForm,
    private readonly fieldValues: TaskFormFieldValues,
    private readonly formVariables: TaskFormVariables,
  ) {}

  @Get(':taskId')
  @ApiOperation({
    summary: 'The form of a task',
    description:
      SEES_TASK +
      NO_FORM +
      'The start form\'s structure (seed 004) with `taskId`, `taskName` and `readOnly`. An open task\'s fields carry the instance variables (task-local ' +
      'variables over them) and, over both, the values last saved with save-form. An ended task answers the values it was completed with, `readOnly: true`.',
  })
  @ApiOkResponse({ type: ApsTaskFormResponse })
  @ApiApsErrors(403, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<ApsTaskForm> {
    return toApsTaskForm(await this.getTaskForm.execute({ actor, taskId }));
  }

  @Post(':taskId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete a task form',
    description:
      SEES_TASK +
      NO_FORM +
      'Body `{values, outcome}`. Who may: as `action/complete` (assignee, owner, a candidate of an unassigned task, admins; else 403; a pending delegation ' +
      'or a suspended instance: 409). The values are validated against the form (unknown field ids, wrong types, required fields unless hidden, options, ' +
      'lengths, ranges, patterns, dates, values for read-only fields that differ from the variables, dynamic-table rows, an outcome the form does not offer): ' +
      'any problem is a 400 naming every failing field (code FORMS.INVALID_VALUES) and nothing changes. Valid values become typed instance variables, the ' +
      'outcome `form_{formKey}_outcome`; the task completes and the instance moves on in the same transaction (the answer already shows the next tasks). ' +
      'A completed task: 409 (of two concurrent submissions one succeeds, the other gets 409). 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the task is completed.' })
  @ApiApsErrors(403, 404, 409)
  async complete(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsCompleteTaskFormDto): Promise<void> {
    await this.completeTaskForm.execute({ actor, taskId, values: body.values ?? {}, outcome: body.outcome ?? null });
  }

  @Post(':taskId/save-form')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Save a task form without completing it',
    description:
      SEES_TASK +
      NO_FORM +
      'Body `{values}`: kept as the task\'s draft (checked for field ids and types only, not for required fields) until the task completes; ' +
      '`GET task-forms/{taskId}` shows it over the variables. No variable is written. Who may: whoever may complete the task (else 403); an ended task or a ' +
      'suspended instance: 409. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the draft is saved.' })
  @ApiApsErrors(403, 404, 409)
  async save(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsSaveTaskFormDto): Promise<void> {
    await this.saveTaskForm.execute({ actor, taskId, values: body.values });
  }

  @Get(':taskId/form-values/:field')
  @ApiOperation({
    summary: 'Options of a field of a task form',
    description:
      SEES_TASK +
      NO_FORM +
      'The options of a dropdown, radio-buttons or typeahead field as `[{id, name}]`: its static options, or the rows of the data table its restUrl names. ' +
      'A field the form does not have: 404.',
  })
  @ApiOkResponse({ type: [ApsFormOptionResponse] })
  @ApiApsErrors(403, 404)
  async values(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Param('field') field: string): Promise<Array<{ id: string; name: string }>> {
    return toApsFormOptions(await this.fieldValues.execute({ actor, taskId, fieldId: fieldParam(field) }));
  }

  @Get(':taskId/form-values/:field/:column')
  @ApiOperation({
    summary: 'Options of a dynamic-table column of a task form',
    description:
      SEES_TASK +
      NO_FORM +
      'The options of column `column` of the dynamic-table field `field` as `[{id, name}]`: the column definition\'s static `options`, else the rows of ' +
      'the data table its restUrl names (as for fields), else `[]`. A field the form does not have: 404 FORMS.FIELD_NOT_FOUND; a field that is not a ' +
      'dynamic table or has no such column: 404 FORMS.COLUMN_NOT_FOUND (Meridian\'s decision, the document is silent).',
  })
  @ApiOkResponse({ type: [ApsFormOptionResponse] })
  @ApiApsErrors(403, 404)
  async columnValues(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', TASK_ID) taskId: string,
    @Param('field') field: string,
    @Param('column') column: string,
  ): Promise<Array<{ id: string; name: string }>> {
    return toApsFormOptions(await this.fieldValues.execute({ actor, taskId, fieldId: fieldParam(field), columnId: fieldParam(column, 'column') }));
  }

  @Get(':taskId/variables')
  @ApiOperation({
    summary: 'Variables of a task form',
    description:
      SEES_TASK +
      'seed 004\'s `[{id, type, value}]`: the variables the task\'s form sees — its instance\'s variables with the task-local ones over them (a standalone ' +
      'task: its local variables), sorted by name. The task need not have a form.',
  })
  @ApiOkResponse({ type: [ApsFormVariableResponse] })
  @ApiApsErrors(403, 404)
  async variables(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<ApsFormVariable[]> {
    return this.formVariables.execute({ actor, taskId });
  }
}

/** seed 004 "Task Actions": attach-form and remove-form. */
@ApiTags('process-engine: task forms')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/tasks`)
export class ApsTaskFormActionsController {
  constructor(
    private readonly attachForm: AttachTaskForm,
    private readonly removeForm: RemoveTaskForm,
  ) {}

  @Put(':taskId/action/attach-form')
  @ApiOperation({
    summary: 'Attach a form to a task',
    description:
      SEES_TASK +
      'Body `{formId}`: the id of a form model (modelType 2) of the tenant; unknown (or not a form model): 404 ENGINE.FORM_NOT_FOUND, nothing changes. ' +
      'The form becomes the task\'s form (it wins over the BPMN formKey) and the task\'s `formKey` shows its id, as in Alfresco. An ended task or a ' +
      'suspended instance: 409. 200 with an empty body.',
  })
  @ApiBody({ type: ApsAttachFormDto })
  @ApiOkResponse({ description: 'Empty body; the form is attached.' })
  @ApiApsErrors(400, 403, 404, 409)
  async attach(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsAttachFormDto): Promise<void> {
    const formId = bodyId(body.formId, 'formId');
    if (formId === undefined) throw DomainError.validation('REQUEST.VALIDATION', 'formId is required', { field: 'formId' });
    await this.attachForm.execute({ actor, taskId, formId });
  }

  @Delete(':taskId/action/remove-form')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Remove the form of a task',
    description:
      SEES_TASK +
      'The task has no form afterwards: its `formKey` (from the BPMN or attach-form) is cleared; complete it with `action/complete`. A task without a form: ' +
      'nothing changes. An ended task or a suspended instance: 409. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the task has no form.' })
  @ApiApsErrors(400, 403, 404, 409)
  async remove(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<void> {
    await this.removeForm.execute({ actor, taskId });
  }
}
