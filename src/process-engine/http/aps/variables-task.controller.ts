import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { DeleteTaskVariables } from '../../application/variables/delete-task-variables.use-case.js';
import { GetTaskVariable } from '../../application/variables/get-task-variable.query.js';
import { ListTaskVariables } from '../../application/variables/list-task-variables.query.js';
import { SetTaskVariables } from '../../application/variables/set-task-variables.use-case.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsVariableDto, ApsVariableScopeQueryDto, parseVariableBody, parseVariablesBody } from './variables.dto.js';
import { ApsTaskVariableResponse } from './variables-response.dto.js';
import { type ApsTaskVariable, toApsTaskVariable } from './variables.mapper.js';

const ACCESS =
  'Admins see every task of their tenant, others the tasks they are involved in (assignee, owner, candidate, linked, or involved in its ' +
  'process instance): a malformed id answers 400, an unknown one (or one of another tenant) 404, one the caller may not see 403. ';
const WRITE =
  'Writes need an open task of a running instance: a completed task, or a suspended or ended instance, answers 409 and changes nothing. ' +
  'Every change is recorded in the variable history and as a `variables-updated` audit entry of the task. ';
const SCOPE =
  '`scope` local (default) is the task\'s own variable; global is a variable of the task\'s process instance, the same one ' +
  'process-instances/{id}/variables shows (a standalone task has none: writing one answers 400). ';
const BODY =
  'The body is an array of {name, scope, type, value} or a single such object (design.md §8). Types and their checks as for process ' +
  'instance variables: a value that does not fit its type, or an unknown type, answers 400 naming the variable, and nothing of the ' +
  'request is stored. A name may appear once per scope. ';

/** Seed 004 "Task Variables". */
@ApiTags('process-engine: variables')
@ApiExtraModels(ApsVariableDto)
@ApsEngineAuth()
@ApiApsErrors(400, 403, 404)
@Controller(`${APS_ENTERPRISE}/tasks/:taskId/variables`)
export class VariablesTaskController {
  constructor(
    private readonly listVariables: ListTaskVariables,
    private readonly getVariable: GetTaskVariable,
    private readonly setVariables: SetTaskVariables,
    private readonly deleteVariables: DeleteTaskVariables,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Task variables',
    description:
      ACCESS +
      'A bare array of {name, scope, type, value} by name. Without `scope`: the task\'s local variables and its process instance\'s ' +
      'global ones, a local variable hiding a global one of the same name (what the task sees, as Activiti). `scope=local` or `global`: only those.',
  })
  @ApiOkResponse({ type: [ApsTaskVariableResponse] })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) taskId: string,
    @Query() q: ApsVariableScopeQueryDto,
  ): Promise<ApsTaskVariable[]> {
    return (await this.listVariables.execute({ actor, taskId, scope: q.scope })).map(toApsTaskVariable);
  }

  @Post()
  @HttpCode(200)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(ApsVariableDto) }, { type: 'array', items: { $ref: getSchemaPath(ApsVariableDto) } }] } })
  @ApiOperation({
    summary: 'Create task variables',
    description:
      ACCESS +
      WRITE +
      SCOPE +
      BODY +
      'A variable that exists in its scope is a conflict (409 naming it; update it with PUT) and creates none of the batch. Answers 200 with ' +
      'the created variables, in the order given.',
  })
  @ApiOkResponse({ type: [ApsTaskVariableResponse] })
  @ApiApsErrors(409)
  async create(@CurrentPrincipal() actor: Principal, @Param('taskId', new ApsIdPipe('taskId')) taskId: string, @Body() body: unknown): Promise<ApsTaskVariable[]> {
    const variables = parseVariablesBody(body);
    return (await this.setVariables.execute({ actor, taskId, variables, mode: 'create' })).map(toApsTaskVariable);
  }

  @Delete()
  @ApiOperation({
    summary: 'Delete all local task variables',
    description: ACCESS + WRITE + 'Deletes every local variable of the task (none is fine); its process instance\'s variables stay. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the task has no local variables.' })
  @ApiApsErrors(409)
  async removeAll(@CurrentPrincipal() actor: Principal, @Param('taskId', new ApsIdPipe('taskId')) taskId: string): Promise<void> {
    await this.deleteVariables.execute({ actor, taskId });
  }

  @Get(':variableName')
  @ApiOperation({
    summary: 'One task variable',
    description:
      ACCESS + '{name, scope, type, value}. Without `scope`: the local variable, else the global one of that name. No such variable in the scope: 404.',
  })
  @ApiOkResponse({ type: ApsTaskVariableResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) taskId: string,
    @Param('variableName') name: string,
    @Query() q: ApsVariableScopeQueryDto,
  ): Promise<ApsTaskVariable> {
    return toApsTaskVariable(await this.getVariable.execute({ actor, taskId, name, scope: q.scope }));
  }

  @Put(':variableName')
  @ApiBody({ type: ApsVariableDto })
  @ApiOperation({
    summary: 'Update one task variable',
    description:
      ACCESS +
      WRITE +
      SCOPE +
      'Body {name, scope, type, value}: `name` may be left out, and when given must be the one in the path (400 otherwise). The variable ' +
      'must exist in the scope (404 otherwise, as Activiti: create it with POST); with scope global the process instance\'s variable is ' +
      'updated. Answers the variable as stored.',
  })
  @ApiOkResponse({ type: ApsTaskVariableResponse })
  @ApiApsErrors(409)
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) taskId: string,
    @Param('variableName') name: string,
    @Body() body: unknown,
  ): Promise<ApsTaskVariable> {
    const variable = parseVariableBody(body, name);
    if (variable.name !== name) throw EngineErrors.variableNameMismatch(name, variable.name);
    const [stored] = await this.setVariables.execute({ actor, taskId, variables: [variable], mode: 'update' });
    return toApsTaskVariable(stored!);
  }

  @Delete(':variableName')
  @ApiOperation({
    summary: 'Delete a task variable',
    description: ACCESS + WRITE + '`scope` local (default) or global (the process instance\'s variable). No such variable in the scope: 404. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the variable is deleted.' })
  @ApiApsErrors(409)
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) taskId: string,
    @Param('variableName') name: string,
    @Query() q: ApsVariableScopeQueryDto,
  ): Promise<void> {
    await this.deleteVariables.execute({ actor, taskId, name, scope: q.scope });
  }
}
