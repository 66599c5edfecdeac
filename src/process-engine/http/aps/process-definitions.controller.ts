import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APS_MAX_PAGE_SIZE, apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddCandidateStarter } from '../../application/definitions/add-candidate-starter.use-case.js';
import type { CandidateStarterView, StarterFamily } from '../../application/definitions/definition.view.js';
import { GetCandidateStarter } from '../../application/definitions/get-candidate-starter.query.js';
import { GetStartForm } from '../../application/definitions/get-start-form.query.js';
import { ListCandidateStarters } from '../../application/definitions/list-candidate-starters.query.js';
import { ListProcessDefinitions } from '../../application/definitions/list-process-definitions.query.js';
import { RemoveCandidateStarter } from '../../application/definitions/remove-candidate-starter.use-case.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { DefinitionIdPipe, FamilyPipe } from './process-engine-http.support.js';
import { ApsAddCandidateStarterDto, ApsProcessDefinitionListQueryDto } from './process-definitions.dto.js';
import { ApsFormOptionResponse, ApsFormResponse } from './forms-response.dto.js';
import { type ApsForm, toApsFormOptions, toApsStartForm } from './forms.mapper.js';
import { ApsCandidateStarterResponse, ApsProcessDefinitionPageResponse } from './process-instances-response.dto.js';
import { type ApsCandidateStarter, type ApsProcessDefinition, toApsProcessDefinition } from './process-instances.mapper.js';

function toApsStarter(v: CandidateStarterView): ApsCandidateStarter {
  return { user: v.userId, group: v.groupId, type: 'candidate' };
}

const DEFINITION_ID =
  'The definition id is `key:version:deploymentId` (malformed: 400); a definition of another tenant or none: 404. ';

/** seed 004 "Process Definitions" and "Start Form". */
@ApiTags('process-engine: process definitions')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/process-definitions`)
export class ApsProcessDefinitionsController {
  constructor(
    private readonly listDefinitions: ListProcessDefinitions,
    private readonly getStarter: GetCandidateStarter,
    private readonly listStarters: ListCandidateStarters,
    private readonly addStarter: AddCandidateStarter,
    private readonly removeStarter: RemoveCandidateStarter,
    private readonly getStartForm: GetStartForm,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List process definitions',
    description:
      'The definitions of the caller\'s tenant, ordered by name, key and newest version first. `latest=true`: the latest version of each key only (within the app when `appDefinitionId` is given) ' +
      '(default: every version). `appDefinitionId`: the definitions deployed with that app. A definition with candidate starters is listed for admins ' +
      'and its candidate starters (users, or members of a candidate group) only. Items are exactly the document\'s ' +
      '{id, name, description, key, category, version, deploymentId, tenantId, hasStartForm}. The document gives no paging parameters and Alfresco ' +
      `answers every definition, so without \`size\` the page holds up to ${APS_MAX_PAGE_SIZE}; \`start\`/\`page\`/\`size\` page as elsewhere.`,
  })
  @ApiOkResponse({ type: ApsProcessDefinitionPageResponse })
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsProcessDefinitionListQueryDto): Promise<ApsPage<ApsProcessDefinition>> {
    const { offset, limit } = apsOffset({ ...q, size: q.size ?? APS_MAX_PAGE_SIZE });
    const page = await this.listDefinitions.execute({
      actor,
      latest: q.latest,
      appDefinitionId: q.appDefinitionId === undefined ? undefined : String(q.appDefinitionId),
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsProcessDefinition));
  }

  @Get(':processDefinitionId/identitylinks')
  @ApiOperation({
    summary: 'List the candidate starters of a process definition',
    description:
      DEFINITION_ID +
      'Not in the document; the Alfresco JS client calls it (getIdentityLinks). Any user of the tenant may read it. An array of ' +
      '{user, group, type: "candidate"}, users first; empty: anyone of the tenant may start the definition.',
  })
  @ApiOkResponse({ type: [ApsCandidateStarterResponse] })
  @ApiApsErrors(404)
  async listLinks(@CurrentPrincipal() actor: Principal, @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string): Promise<ApsCandidateStarter[]> {
    return (await this.listStarters.execute({ actor, definitionId })).map(toApsStarter);
  }

  @Get(':processDefinitionId/identitylinks/:family')
  @ApiOperation({
    summary: 'List the candidate starters of a process definition by family',
    description: DEFINITION_ID + 'Not in the document; the Alfresco JS client calls it (getIdentityLinksForFamily). `family` users or groups (else 400).',
  })
  @ApiOkResponse({ type: [ApsCandidateStarterResponse] })
  @ApiApsErrors(404)
  async listFamily(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Param('family', new FamilyPipe()) family: StarterFamily,
  ): Promise<ApsCandidateStarter[]> {
    return (await this.listStarters.execute({ actor, definitionId, family })).map(toApsStarter);
  }

  @Get(':processDefinitionId/identitylinks/:family/:identityId')
  @ApiOperation({
    summary: 'Get a candidate starter of a process definition',
    description:
      DEFINITION_ID +
      'Any user of the tenant may read it. `family` is users or groups (else 400), `identityId` a user or group id. ' +
      'Answers {user, group, type: "candidate"} (the document shows no response; these are the request\'s field names); 404 when it is not a candidate starter.',
  })
  @ApiOkResponse({ type: ApsCandidateStarterResponse })
  @ApiApsErrors(404)
  async getLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Param('family', new FamilyPipe()) family: StarterFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
  ): Promise<ApsCandidateStarter> {
    return toApsStarter(await this.getStarter.execute({ actor, definitionId, family, identityId }));
  }

  @Post(':processDefinitionId/identitylinks')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a candidate starter to a process definition',
    description:
      DEFINITION_ID +
      'Tenant admins only (others: 403). Body {"user": "1"} or {"group": "1001"}: exactly one (else 400); the user, or an active group, must exist in the ' +
      'tenant (else 400 naming `user` or `group`, as for the identity links of instances and tasks); unknown definition: 404; already a candidate starter: 409. Once a definition has candidate starters, only they (and admins) see and start it. ' +
      'Answers 200 with the link {user, group, type}.',
  })
  @ApiOkResponse({ type: ApsCandidateStarterResponse })
  @ApiApsErrors(403, 404, 409)
  async addLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Body() body: ApsAddCandidateStarterDto,
  ): Promise<ApsCandidateStarter> {
    if ((body.user === undefined) === (body.group === undefined)) {
      throw DomainError.validation('REQUEST.STARTER_IDENTITY', 'Send exactly one of user and group', { field: body.user === undefined ? 'user' : 'group' });
    }
    return toApsStarter(await this.addStarter.execute({ actor, definitionId, userId: body.user, groupId: body.group }));
  }

  @Delete(':processDefinitionId/identitylinks/:family/:identityId')
  @ApiOperation({
    summary: 'Remove a candidate starter from a process definition',
    description: DEFINITION_ID + 'Tenant admins only (others: 403). 404 when the user or group is not a candidate starter. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the candidate starter is removed.' })
  @ApiApsErrors(403, 404)
  async removeLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Param('family', new FamilyPipe()) family: StarterFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
  ): Promise<void> {
    await this.removeStarter.execute({ actor, definitionId, family, identityId });
  }

  @Get(':processDefinitionId/start-form')
  @ApiOperation({
    summary: 'The start form of a process definition',
    description:
      DEFINITION_ID +
      'Any user of the tenant. The form the start event\'s formKey names (a form deployed with the definition, else a form model of the tenant), ' +
      'rendered empty in the document\'s shape {id, key, name, processDefinitionId, processDefinitionName, processDefinitionKey, fields, outcomes}. ' +
      'No start form (no formKey, or it names no form): 404 ENGINE.NO_START_FORM.',
  })
  @ApiOkResponse({ type: ApsFormResponse })
  @ApiApsErrors(404)
  async startForm(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
  ): Promise<ApsForm> {
    const { definition, form } = await this.getStartForm.execute({ actor, definitionId });
    return toApsStartForm(definition, form);
  }

  @Get(':processDefinitionId/start-form-values/:field')
  @ApiOperation({
    summary: 'Options of a field of the start form',
    description:
      DEFINITION_ID +
      'Any user of the tenant. The options of a dropdown, radio-buttons or typeahead field of the start form as `[{id, name}]` (static options, or the rows ' +
      'of the data table its restUrl names). No start form, or a field it does not have: 404.',
  })
  @ApiOkResponse({ type: [ApsFormOptionResponse] })
  @ApiApsErrors(404)
  async startFormValues(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Param('field') field: string,
  ): Promise<Array<{ id: string; name: string }>> {
    if (field.length === 0 || field.length > 255) throw DomainError.validation('REQUEST.VALIDATION', 'field must be 1 to 255 characters', { field: 'field' });
    return toApsFormOptions(await this.getStartForm.fieldOptions({ actor, definitionId, fieldId: field }));
  }

  @Get(':processDefinitionId/start-form-values/:field/:column')
  @ApiOperation({
    summary: 'Options of a dynamic-table column of the start form',
    description:
      DEFINITION_ID +
      'Any user of the tenant. The options of column `column` of the dynamic-table field `field` of the start form as `[{id, name}]`: the column ' +
      'definition\'s static `options`, else the rows of the data table its restUrl names (as for fields), else `[]`. No start form or no such field: 404; ' +
      'a field that is not a dynamic table or has no such column: 404 FORMS.COLUMN_NOT_FOUND (Meridian\'s decision, the document is silent).',
  })
  @ApiOkResponse({ type: [ApsFormOptionResponse] })
  @ApiApsErrors(404)
  async startFormColumnValues(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId', new DefinitionIdPipe()) definitionId: string,
    @Param('field') field: string,
    @Param('column') column: string,
  ): Promise<Array<{ id: string; name: string }>> {
    for (const [name, v] of [['field', field], ['column', column]] as const)
      if (v.length === 0 || v.length > 255) throw DomainError.validation('REQUEST.VALIDATION', `${name} must be 1 to 255 characters`, { field: name });
    return toApsFormOptions(await this.getStartForm.fieldOptions({ actor, definitionId, fieldId: field, columnId: column }));
  }
}
