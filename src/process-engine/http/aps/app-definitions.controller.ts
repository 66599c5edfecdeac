import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiApsErrors, ApsErrorBody } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { GetAppDefinition } from '../../application/apps/app-definition.query.js';
import { PublishApp } from '../../application/apps/publish-app.use-case.js';
import { SaveAppDefinition } from '../../application/apps/save-app-definition.use-case.js';
import { ApsSaveAppDefinitionDto } from './app-definitions.dto.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsBpmnUploadDto, ApsPublishAppDto } from './models.dto.js';
import { ApsPublishAppResponse } from './models-response.dto.js';
import { toApsAppDefinitionResult } from './models.mapper.js';

const NOT_IMPLEMENTED = 'App zips (export and import) are not supported yet; create the models and the app model through the API instead';

/** 501 in the aps error shape: zips are a later issue. */
function notImplemented(res: Response): void {
  res.status(501).json({ message: NOT_IMPLEMENTED, messageKey: 'GENERAL.ERROR.NOT-IMPLEMENTED', code: 'ENGINE.APP_ZIP_NOT_IMPLEMENTED' });
}

const ZIP_NOT_IMPLEMENTED = applyDecorators(
  ApiResponse({ status: 501, type: ApsErrorBody, description: 'Always, at present: app zips are a later issue' }),
  ApiApsErrors(400),
);

/**
 * seed 004 "App Import And Export", "App Publish and Deploy" (publish). The app definition is the
 * app model (type 3); its JSON content lists the process models: `{"models":[{"id":…}],"theme","icon"}`.
 */
@ApiTags('process-engine: apps')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/app-definitions`)
export class ApsAppDefinitionsController {
  constructor(
    private readonly publishApp: PublishApp,
    private readonly getApp: GetAppDefinition,
    private readonly saveApp: SaveAppDefinition,
  ) {}

  @Get(':modelId')
  @ApiOperation({
    summary: 'An app model with its definition',
    description:
      'Not in the document; as Alfresco\'s app editor and JS client read it. Answers the shape of a publish result: `appDefinition` is the model ' +
      'representation plus `definition` {models (each listed process model with its current name, version and key; one deleted since is left ' +
      'out), theme, icon}. Any user of the tenant; a model that is not an app: 400; unknown: 404.',
  })
  @ApiOkResponse({ type: ApsPublishAppResponse })
  @ApiApsErrors(400, 404)
  async definition(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) modelId: string): Promise<Record<string, unknown>> {
    const result = await this.getApp.execute({ actor, modelId });
    return toApsAppDefinitionResult(result.model, result.definition);
  }

  @Put(':modelId')
  @ApiOperation({
    summary: 'Save an app model (and publish it)',
    description:
      'Not in the document; Alfresco\'s AppDefinitionSaveRepresentation `{appDefinition: {name, description, definition: {models: [{id}], theme, ' +
      'icon}}, publish, force}` as its app editor and JS client send it (read-only fields are ignored). Creator or administrator (else 403). A changed ' +
      'definition makes a new app version; its models must be process models of the tenant (else 400 naming `appDefinition.definition.models[i]`). ' +
      '`publish: true` then publishes as app-definitions/{modelId}/publish does, in the same transaction. Answers as GET.',
  })
  @ApiOkResponse({ type: ApsPublishAppResponse })
  @ApiApsErrors(400, 403, 404)
  async save(
    @CurrentPrincipal() actor: Principal,
    @Param('modelId', new ApsIdPipe('modelId')) modelId: string,
    @Body() body: ApsSaveAppDefinitionDto,
  ): Promise<Record<string, unknown>> {
    const a = body.appDefinition;
    const result = await this.saveApp.execute({
      actor,
      modelId,
      name: a.name,
      description: a.description,
      definition: a.definition ? { models: a.definition.models.map((m) => m.id), theme: a.definition.theme, icon: a.definition.icon } : undefined,
      publish: body.publish,
    });
    return toApsAppDefinitionResult(result.model, result.definition);
  }

  @Post(':modelId/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish an app model',
    description:
      'Creator of the app or an administrator (else 403). Checks every process model the app lists (each must be a process model of the tenant with ' +
      'valid BPMN, no two with the same process id: else 400 naming `definition.models[i]`), makes a new version of the app model (`comment` is its ' +
      'comment; the previous version goes to the history) and freezes the process models\' BPMN as they are now: runtime-app-definitions deploys that. ' +
      'A body is required by Alfresco (`{}` will do); `force` is accepted and ignored. Answers Alfresco\'s update result with the published app ' +
      '(`appDefinition`: the model representation plus `definition`). A model that is not an app: 400; unknown: 404.',
  })
  @ApiOkResponse({ type: ApsPublishAppResponse })
  @ApiApsErrors(400, 403, 404)
  async publish(
    @CurrentPrincipal() actor: Principal,
    @Param('modelId', new ApsIdPipe('modelId')) modelId: string,
    @Body() body: ApsPublishAppDto,
  ): Promise<Record<string, unknown>> {
    const result = await this.publishApp.execute({ actor, modelId, comment: body.comment, force: body.force });
    return toApsAppDefinitionResult(result.model, result.definition);
  }

  @Get(':modelId/export')
  @ApiOperation({ summary: 'Export an app as a zip (not implemented)', description: `Answers 501 in the aps error shape. ${NOT_IMPLEMENTED}.` })
  @ApiOkResponse({ description: 'The zip (not produced at present)', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ZIP_NOT_IMPLEMENTED
  export(@Param('modelId', new ApsIdPipe('modelId')) _modelId: string, @Res() res: Response): void {
    notImplemented(res);
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ApsBpmnUploadDto, description: 'The app zip in the `file` part' })
  @ApiOperation({ summary: 'Import an app zip as a new app (not implemented)', description: `Answers 501 in the aps error shape. ${NOT_IMPLEMENTED}.` })
  @ApiOkResponse({ description: 'Empty body (never sent at present)' })
  @ZIP_NOT_IMPLEMENTED
  importApp(@Res() res: Response): void {
    notImplemented(res);
  }

  @Post(':modelId/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ApsBpmnUploadDto, description: 'The app zip in the `file` part' })
  @ApiOperation({ summary: 'Import an app zip as a new version of an app (not implemented)', description: `Answers 501 in the aps error shape. ${NOT_IMPLEMENTED}.` })
  @ApiOkResponse({ description: 'Empty body (never sent at present)' })
  @ZIP_NOT_IMPLEMENTED
  importVersion(@Param('modelId', new ApsIdPipe('modelId')) _modelId: string, @Res() res: Response): void {
    notImplemented(res);
  }
}
