import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { DeleteInstanceVariable } from '../../application/variables/delete-instance-variable.use-case.js';
import { GetInstanceVariable } from '../../application/variables/get-instance-variable.query.js';
import { ListInstanceVariables } from '../../application/variables/list-instance-variables.query.js';
import { SetInstanceVariables } from '../../application/variables/set-instance-variables.use-case.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsVariableDto, parseVariableBody, parseVariablesBody } from './variables.dto.js';
import { ApsVariableResponse } from './variables-response.dto.js';
import { type ApsVariable, toApsVariable } from './variables.mapper.js';

const ACCESS =
  'Admins see every process instance of their tenant, others the ones they are involved in (started it, linked to it, or assignee, owner or ' +
  'candidate of one of its tasks): a malformed id answers 400, an unknown one (or one of another tenant) 404, one the caller may not see 403. ';
const WRITE =
  'Writes need a running instance: suspended, completed or deleted answers 409 and changes nothing. Every change is recorded in the variable ' +
  'history and as a `variables-updated` audit entry. ';
const BODY =
  'The body is an array of {name, type, value} or a single such object (design.md §8). `type` is one of string, integer, long, double, boolean, ' +
  'date, json (absent: inferred from the JSON value); numeric types also take decimal text ("42"), booleans "true"/"false", dates ISO 8601 ' +
  '(no offset: UTC). A value that does not fit its type, or an unknown type, answers 400 naming the variable (`field`), and nothing of the ' +
  'request is stored: one bad item fails the whole batch. A name given twice: 400. ';
const VARIABLES_BODY = {
  schema: { oneOf: [{ $ref: getSchemaPath(ApsVariableDto) }, { type: 'array', items: { $ref: getSchemaPath(ApsVariableDto) } }] },
};

/** Seed 004 "Process instance variables". */
@ApiTags('process-engine: variables')
@ApiExtraModels(ApsVariableDto)
@ApsEngineAuth()
@ApiApsErrors(400, 403, 404)
@Controller(`${APS_ENTERPRISE}/process-instances/:processInstanceId/variables`)
export class VariablesInstanceController {
  constructor(
    private readonly listVariables: ListInstanceVariables,
    private readonly getVariable: GetInstanceVariable,
    private readonly setVariables: SetInstanceVariables,
    private readonly deleteVariable: DeleteInstanceVariable,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Process instance variables',
    description: ACCESS + 'A bare array of {name, type, value}, by name; dates in aps format (…T10:00:00.000+0000). Task-local variables are not included.',
  })
  @ApiOkResponse({ type: [ApsVariableResponse] })
  async list(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string): Promise<ApsVariable[]> {
    return (await this.listVariables.execute({ actor, instanceId })).map(toApsVariable);
  }

  @Post()
  @HttpCode(200)
  @ApiBody(VARIABLES_BODY)
  @ApiOperation({
    summary: 'Create process instance variables',
    description:
      ACCESS +
      WRITE +
      BODY +
      'Creating a variable that exists is a conflict (409 naming it, as Activiti: use PUT to update) and creates none of the batch. ' +
      'Answers 200 with the created variables, in the order given.',
  })
  @ApiOkResponse({ type: [ApsVariableResponse] })
  @ApiApsErrors(409)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Body() body: unknown,
  ): Promise<ApsVariable[]> {
    const variables = parseVariablesBody(body);
    return (await this.setVariables.execute({ actor, instanceId, variables, mode: 'create' })).map(toApsVariable);
  }

  @Put()
  @ApiBody(VARIABLES_BODY)
  @ApiOperation({
    summary: 'Create or update process instance variables',
    description: ACCESS + WRITE + BODY + 'Variables that exist are updated (their type may change), the others created. Answers the variables as stored, in the order given.',
  })
  @ApiOkResponse({ type: [ApsVariableResponse] })
  @ApiApsErrors(409)
  async upsert(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Body() body: unknown,
  ): Promise<ApsVariable[]> {
    const variables = parseVariablesBody(body);
    return (await this.setVariables.execute({ actor, instanceId, variables, mode: 'upsert' })).map(toApsVariable);
  }

  @Get(':variableName')
  @ApiOperation({ summary: 'One process instance variable', description: ACCESS + '{name, type, value}; no variable of that name: 404.' })
  @ApiOkResponse({ type: ApsVariableResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Param('variableName') name: string,
  ): Promise<ApsVariable> {
    return toApsVariable(await this.getVariable.execute({ actor, instanceId, name }));
  }

  @Put(':variableName')
  @ApiBody({ type: ApsVariableDto })
  @ApiOperation({
    summary: 'Update one process instance variable',
    description:
      ACCESS +
      WRITE +
      'Body {name, type, value}: `name` may be left out, and when given must be the one in the path (400 otherwise); typing as for the ' +
      'collection. The variable must exist (404 otherwise, as Activiti: create it with POST). Answers the variable as stored.',
  })
  @ApiOkResponse({ type: ApsVariableResponse })
  @ApiApsErrors(409)
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Param('variableName') name: string,
    @Body() body: unknown,
  ): Promise<ApsVariable> {
    const variable = parseVariableBody(body, name);
    if (variable.name !== name) throw EngineErrors.variableNameMismatch(name, variable.name);
    const [stored] = await this.setVariables.execute({ actor, instanceId, variables: [variable], mode: 'update' });
    return toApsVariable(stored!);
  }

  @Delete(':variableName')
  @ApiOperation({ summary: 'Delete a process instance variable', description: ACCESS + WRITE + 'No variable of that name: 404. 200 with an empty body.' })
  @ApiOkResponse({ description: 'Empty body; the variable is deleted.' })
  @ApiApsErrors(409)
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Param('variableName') name: string,
  ): Promise<void> {
    await this.deleteVariable.execute({ actor, instanceId, name });
  }
}
