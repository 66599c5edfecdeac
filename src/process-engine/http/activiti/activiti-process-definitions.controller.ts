import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { GetRepositoryDefinition } from '../../application/deployments/get-repository-definition.query.js';
import { ListRepositoryDefinitions } from '../../application/deployments/list-repository-definitions.query.js';
import { APS_ENGINE_API, ApsEngineAuth } from '../aps/aps-engine.support.js';
import {
  ActivitiDefinitionListQueryDto,
  ActivitiProcessDefinitionListResponse,
  ActivitiProcessDefinitionResponse,
  ActivitiTenantQueryDto,
} from './activiti-repository.dto.js';
import { activitiList, activitiPaging, engineApiBase, inlineDisposition, toActivitiDefinition } from './activiti-repository.mapper.js';

/** `key:version:deploymentId`: anything else cannot name a definition (400, not a lookup). */
function definitionId(raw: string): string {
  if (raw.length > 600 || !/^[^:]+:\d+:\d+$/.test(raw)) {
    throw DomainError.validation('ENGINE.MALFORMED_DEFINITION_ID', `'${raw.slice(0, 80)}' is not a process definition id (key:version:deploymentId)`, {
      field: 'processDefinitionId',
      value: raw.slice(0, 80),
    });
  }
  return raw;
}

/** Activiti engine subset: process definitions (list, get, BPMN resource data). Any user of the tenant. */
@ApiTags('process-engine: repository (Activiti REST)')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENGINE_API}/repository/process-definitions`)
export class ActivitiProcessDefinitionsController {
  constructor(
    private readonly list: ListRepositoryDefinitions,
    private readonly get: GetRepositoryDefinition,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List process definitions',
    description:
      'Any user of the tenant. Filters `key`, `keyLike`, `name`, `nameLike`, `category`, `categoryLike` (LIKE patterns with `%`), `version`, ' +
      '`latest=true` (the latest version of each key), `deploymentId`, `suspended`, `tenantId` (number or key; another tenant: tenant managers ' +
      'only). `sort` name (default), id, key, category, deploymentId, version, tenantId; `order`; `start`/`size` (default 10). Activiti REST ' +
      'paging `{data, total, start, sort, order, size}`. `diagramResource` is always null (no diagram images are rendered).',
  })
  @ApiOkResponse({ type: ActivitiProcessDefinitionListResponse })
  @ApiApsErrors(403)
  async listDefinitions(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Query() q: ActivitiDefinitionListQueryDto,
  ): Promise<ActivitiProcessDefinitionListResponse> {
    const paging = activitiPaging(q, 'name');
    const page = await this.list.execute({
      actor,
      tenantId: q.tenantId,
      key: q.key,
      keyLike: q.keyLike,
      name: q.name,
      nameLike: q.nameLike,
      version: q.version,
      latest: q.latest,
      deploymentId: q.deploymentId,
      category: q.category,
      categoryLike: q.categoryLike,
      suspended: q.suspended,
      ...paging,
    });
    const base = engineApiBase(req);
    return activitiList(paging, page, (d) => toActivitiDefinition(d, base));
  }

  @Get(':processDefinitionId')
  @ApiOperation({
    summary: 'Get a process definition',
    description: 'Any user of the tenant. The id is `key:version:deploymentId` (malformed: 400); unknown or other-tenant: 404.',
  })
  @ApiOkResponse({ type: ActivitiProcessDefinitionResponse })
  @ApiApsErrors(403, 404)
  async getDefinition(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Param('processDefinitionId') id: string,
    @Query() q: ActivitiTenantQueryDto,
  ): Promise<ActivitiProcessDefinitionResponse> {
    return toActivitiDefinition(await this.get.execute({ actor, definitionId: definitionId(id), tenantId: q.tenantId }), engineApiBase(req));
  }

  @Get(':processDefinitionId/resourcedata')
  @ApiOperation({
    summary: 'The BPMN XML of a process definition',
    description: 'Any user of the tenant. The bytes of the resource the definition was deployed from, exactly as uploaded, as `text/xml`.',
  })
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'The BPMN document', content: { 'text/xml': { schema: { type: 'string', format: 'binary' } } } })
  @ApiApsErrors(403, 404)
  async resourceData(
    @CurrentPrincipal() actor: Principal,
    @Param('processDefinitionId') id: string,
    @Query() q: ActivitiTenantQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const resource = await this.get.resource({ actor, definitionId: definitionId(id), tenantId: q.tenantId });
    res.status(200).type(resource.mediaType).setHeader('Content-Disposition', inlineDisposition(resource.name));
    res.send(resource.bytes);
  }
}
