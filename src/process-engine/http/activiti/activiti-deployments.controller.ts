import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { DeleteDeployment } from '../../application/deployments/delete-deployment.use-case.js';
import { DeployProcess } from '../../application/deployments/deploy-process.use-case.js';
import { EngineTenant } from '../../application/deployments/engine-tenant.js';
import { GetDeployment } from '../../application/deployments/get-deployment.query.js';
import { GetDeploymentResources } from '../../application/deployments/get-deployment-resources.query.js';
import { ListDeployments } from '../../application/deployments/list-deployments.query.js';
import { APS_ENGINE_API, ApsEngineAuth, ApsIdPipe } from '../aps/aps-engine.support.js';
import {
  ActivitiDeleteDeploymentQueryDto,
  ActivitiDeploymentFieldsDto,
  ActivitiDeploymentListQueryDto,
  ActivitiDeploymentListResponse,
  ActivitiDeploymentResponse,
  ActivitiDeploymentUploadDto,
  ActivitiResourceResponse,
  ActivitiTenantQueryDto,
} from './activiti-repository.dto.js';
import { activitiList, activitiPaging, engineApiBase, inlineDisposition, toActivitiDeployment, toActivitiResource } from './activiti-repository.mapper.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

/** At most this many files in one deployment request. */
const MAX_FILES = 50;

/** Activiti engine subset (seed 004 "Process Engine ReST API"): deployments, as the Activiti 5/6 REST API names them. */
@ApiTags('process-engine: repository (Activiti REST)')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENGINE_API}/repository/deployments`)
export class ActivitiDeploymentsController {
  constructor(
    private readonly deploy: DeployProcess,
    private readonly tenants: EngineTenant,
    private readonly list: ListDeployments,
    private readonly get: GetDeployment,
    private readonly remove: DeleteDeployment,
    private readonly resources: GetDeploymentResources,
  ) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(FilesInterceptor('file', MAX_FILES))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ActivitiDeploymentUploadDto })
  @ApiOperation({
    summary: 'Deploy BPMN files',
    description:
      'Multipart, one or more parts named `file`: each `.bpmn` or `.bpmn20.xml` file is parsed and compiled (XML without DTDs or entity ' +
      'declarations); any problem in any file rejects the whole deployment with 400 ENGINE.INVALID_BPMN listing every problem (element id and ' +
      'message) and nothing is stored. `.form` and `.json` files are form definitions (design.md §8 "Forms"), checked by forms: a problem in any ' +
      'rejects the deployment (400 FORMS.INVALID_FORM). A `.zip` or `.bar` part is unpacked and its entries deployed as if sent one by one (at most ' +
      '500 entries; their inflated size counts against MAX_UPLOAD_BYTES, beyond it 413; entry names leaving the archive — `..`, a leading `/`, a ' +
      'drive letter, a backslash — or an unreadable archive: 400). Other files are stored as resources of the deployment. Each process becomes a new definition version ' +
      '(`key:version:deploymentId`). Optional fields `deploymentName` (default: the first file name), `category`, `tenantId` (number or key; ' +
      'another tenant than the caller\'s: tenant managers only). Admins only (tenant-admin or system-admin; 403 otherwise) — Alfresco reserves the ' +
      'engine API to a capability, Meridian to administrators. Files larger than MAX_UPLOAD_BYTES: 413. `tenantId` in the answer is the tenant number as a string.',
  })
  @ApiCreatedResponse({ type: ActivitiDeploymentResponse })
  @ApiApsErrors(403, 404, 413)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @UploadedFiles() files: Array<{ originalname: string; buffer: Buffer }> | undefined,
    @Body() body: ActivitiDeploymentFieldsDto,
  ): Promise<ActivitiDeploymentResponse> {
    if (!files || files.length === 0) {
      throw DomainError.validation('ENGINE.NO_FILE', 'Send the BPMN file(s) as multipart parts named `file`', { field: 'file' });
    }
    const tenantId = await this.tenants.resolve(actor, body.tenantId);
    const result = await this.deploy.execute({
      actor,
      tenantId,
      name: body.deploymentName,
      category: body.category ?? null,
      resources: files.map((f) => ({ name: Buffer.from(f.originalname, 'latin1').toString('utf8'), bytes: f.buffer })),
    });
    const row = await this.get.execute({ actor, deploymentId: result.deploymentId, tenantId });
    return toActivitiDeployment(row, engineApiBase(req));
  }

  @Get()
  @ApiOperation({
    summary: 'List deployments',
    description:
      'Any user of the tenant. Filters `name`, `nameLike` (SQL LIKE, `%`), `category`, `categoryNotEquals`, `tenantId` (number or key; another ' +
      'tenant: tenant managers only). `sort` id (default), name, deployTime, tenantId; `order` asc (default) or desc; `start` (offset, default 0) ' +
      'and `size` (default 10, Activiti\'s). Answer: Activiti REST paging `{data, total, start, sort, order, size}` (`size` = items in this page).',
  })
  @ApiOkResponse({ type: ActivitiDeploymentListResponse })
  @ApiApsErrors(403)
  async listDeployments(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Query() q: ActivitiDeploymentListQueryDto,
  ): Promise<ActivitiDeploymentListResponse> {
    const paging = activitiPaging(q, 'id');
    const page = await this.list.execute({
      actor,
      tenantId: q.tenantId,
      name: q.name,
      nameLike: q.nameLike,
      category: q.category,
      categoryNotEquals: q.categoryNotEquals,
      ...paging,
    });
    const base = engineApiBase(req);
    return activitiList(paging, page, (d) => toActivitiDeployment(d, base));
  }

  @Get(':deploymentId')
  @ApiOperation({ summary: 'Get a deployment', description: 'Any user of the tenant. Unknown or other-tenant id: 404; malformed id: 400.' })
  @ApiOkResponse({ type: ActivitiDeploymentResponse })
  @ApiApsErrors(403, 404)
  async getDeployment(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Param('deploymentId', new ApsIdPipe('deploymentId')) deploymentId: string,
    @Query() q: ActivitiTenantQueryDto,
  ): Promise<ActivitiDeploymentResponse> {
    return toActivitiDeployment(await this.get.execute({ actor, deploymentId, tenantId: q.tenantId }), engineApiBase(req));
  }

  @Delete(':deploymentId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a deployment',
    description:
      'Admins only. Deletes the deployment, its resources and definitions. Without `cascade=true`, a deployment whose definitions have ' +
      'instances that have not ended answers 409 and nothing changes; with it, those instances are deleted too. Instances that already ' +
      'ended are deleted with their definition either way (their history cannot outlive the definition here; Activiti keeps it).',
  })
  @ApiNoContentResponse({ description: 'Empty body; the deployment is deleted.' })
  @ApiApsErrors(403, 404, 409)
  async deleteDeployment(
    @CurrentPrincipal() actor: Principal,
    @Param('deploymentId', new ApsIdPipe('deploymentId')) deploymentId: string,
    @Query() q: ActivitiDeleteDeploymentQueryDto,
  ): Promise<void> {
    await this.remove.execute({ actor, deploymentId, tenantId: q.tenantId, cascade: q.cascade ?? false });
  }

  @Get(':deploymentId/resources')
  @ApiOperation({
    summary: 'List the resources of a deployment',
    description: 'Any user of the tenant. Every file of the deployment by name: `{id, url, contentUrl, mediaType, type}` (type processDefinition, processImage or resource).',
  })
  @ApiOkResponse({ type: [ActivitiResourceResponse] })
  @ApiApsErrors(403, 404)
  async listResources(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Param('deploymentId', new ApsIdPipe('deploymentId')) deploymentId: string,
    @Query() q: ActivitiTenantQueryDto,
  ): Promise<ActivitiResourceResponse[]> {
    const base = engineApiBase(req);
    return (await this.resources.list({ actor, deploymentId, tenantId: q.tenantId })).map((r) => toActivitiResource(deploymentId, r, base));
  }

  @Get(':deploymentId/resources/:resourceId')
  @ApiOperation({
    summary: 'Get a resource of a deployment',
    description: 'Any user of the tenant. `resourceId` is the file name (URL-encoded); unknown: 404.',
  })
  @ApiOkResponse({ type: ActivitiResourceResponse })
  @ApiApsErrors(403, 404)
  async getResource(
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
    @Param('deploymentId', new ApsIdPipe('deploymentId')) deploymentId: string,
    @Param('resourceId') resourceId: string,
    @Query() q: ActivitiTenantQueryDto,
  ): Promise<ActivitiResourceResponse> {
    const found = await this.resources.one({ actor, deploymentId, resourceId, tenantId: q.tenantId });
    return toActivitiResource(deploymentId, found, engineApiBase(req));
  }

  @Get(':deploymentId/resourcedata/:resourceId')
  @ApiOperation({
    summary: 'The bytes of a resource of a deployment',
    description: 'Any user of the tenant. Exactly the bytes uploaded, with the media type recorded at deploy (BPMN: text/xml).',
  })
  @ApiProduces('text/xml', 'application/octet-stream')
  @ApiOkResponse({ description: 'The resource', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiApsErrors(403, 404)
  async resourceData(
    @CurrentPrincipal() actor: Principal,
    @Param('deploymentId', new ApsIdPipe('deploymentId')) deploymentId: string,
    @Param('resourceId') resourceId: string,
    @Query() q: ActivitiTenantQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.resources.one({ actor, deploymentId, resourceId, tenantId: q.tenantId });
    res.status(200).type(found.mediaType).setHeader('Content-Disposition', inlineDisposition(found.name));
    res.send(found.bytes);
  }
}
