import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, Min, ValidateNested } from 'class-validator';
import { apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { DeployApps } from '../../application/apps/deploy-apps.use-case.js';
import { GetRuntimeApp, ListRuntimeApps } from '../../application/apps/list-runtime-apps.query.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsRuntimeAppPageResponse, ApsRuntimeAppResponse } from './models-response.dto.js';
import { type ApsRuntimeApp, toApsRuntimeApp } from './models.mapper.js';

const BodyId = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));

export class ApsRuntimeAppRefDto {
  @ApiProperty({ description: 'The app definition id (= the app model id)', example: 1 })
  @BodyId()
  @IsInt()
  @Min(1)
  id!: number;

  // The Alfresco JS client sends whole AppDefinitionRepresentation objects: their other fields are accepted and ignored.
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() name?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() description?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() modelId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() deploymentId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() theme?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() icon?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() tenantId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() defaultAppId?: unknown;
}

export class ApsDeployAppsDto {
  @ApiProperty({ type: [ApsRuntimeAppRefDto], description: 'The published apps to deploy', example: [{ id: 1 }, { id: 2 }] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ApsRuntimeAppRefDto)
  appDefinitions!: ApsRuntimeAppRefDto[];
}

/** seed 004 "Runtime Apps" / "App Definitions List" and "App Publish and Deploy" (deploy). */
@ApiTags('process-engine: apps')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/runtime-app-definitions`)
export class ApsRuntimeAppDefinitionsController {
  constructor(
    private readonly list: ListRuntimeApps,
    private readonly get: GetRuntimeApp,
    private readonly deploy: DeployApps,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Apps on the landing page',
    description:
      'Every app deployed to the runtime in the caller\'s tenant (apps are shared with the whole tenant; per-app permissions are a later issue), ' +
      'ordered by id, each with its newest deployment. `id` is the app definition id that process definitions carry as `appDefinitionId`; here it ' +
      'equals `modelId` (one runtime app per app model; Alfresco numbers them separately). Alfresco\'s built-in default apps (Task app…) are not ' +
      'listed: the document does not list them. Not paged.',
  })
  @ApiOkResponse({ type: ApsRuntimeAppPageResponse })
  async apps(@CurrentPrincipal() actor: Principal): Promise<ApsPage<ApsRuntimeApp>> {
    const items = (await this.list.execute({ actor })).map(toApsRuntimeApp);
    return apsPage(0, items.length, items);
  }

  @Get(':appDefinitionId')
  @ApiOperation({ summary: 'One app of the landing page', description: 'An app that is not deployed (or unknown, or of another tenant): 404.' })
  @ApiOkResponse({ type: ApsRuntimeAppResponse })
  @ApiApsErrors(400, 404)
  async app(@CurrentPrincipal() actor: Principal, @Param('appDefinitionId', new ApsIdPipe('appDefinitionId')) id: string): Promise<ApsRuntimeApp> {
    return toApsRuntimeApp(await this.get.execute({ actor, id }));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deploy published apps to the landing page',
    description:
      'Admins, or the creator of each app (else 403). Deploys each app\'s newest publication: one deployment holding the BPMN of its process ' +
      'models as published (`<key>.bpmn20.xml`), whose process definitions carry `appDefinitionId` = the app id; deploying again makes a new ' +
      'deployment (new definition versions). Unknown app: 404 naming `appDefinitions[i].id`; not an app model: 400; never published: 409. ' +
      'All apps of a request deploy together or not at all. Alfresco answers an empty body; Meridian answers the deployed apps as the list does.',
  })
  @ApiOkResponse({ type: ApsRuntimeAppPageResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async deployApps(@CurrentPrincipal() actor: Principal, @Body() body: ApsDeployAppsDto): Promise<ApsPage<ApsRuntimeApp>> {
    const items = (await this.deploy.execute({ actor, ids: body.appDefinitions.map((a) => String(a.id)) })).map(toApsRuntimeApp);
    return apsPage(0, items.length, items);
  }
}
