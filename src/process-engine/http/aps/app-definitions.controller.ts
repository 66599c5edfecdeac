import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiApsErrors, ApsErrorBody } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { PublishApp } from '../../application/apps/publish-app.use-case.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsBpmnUploadDto, ApsPublishAppDto } from './models.dto.js';
import { ApsPublishAppResponse } from './models-response.dto.js';
import { toApsPublishedApp } from './models.mapper.js';

const NOT_IMPLEMENTED = 'App zips (export and import) are not supported yet; create the models and the app model through the API instead';

/** 501 in the aps error shape: zips are a later issue. */
function notImplemented(res: Response): void {
  res.status(501).json({ message: NOT_IMPLEMENTED, messageKey: 'GENERAL.ERROR.NOT-IMPLEMENTED', code: 'ENGINE.APP_ZIP_NOT_IMPLEMENTED' });
}

const ZIP_NOT_IMPLEMENTED = ApiResponse({ status: 501, type: ApsErrorBody, description: 'Always, at present: app zips are a later issue' });

/**
 * seed 004 "App Import And Export", "App Publish and Deploy" (publish). The app definition is the
 * app model (type 3); its JSON content lists the process models: `{"models":[{"id":…}],"theme","icon"}`.
 */
@ApiTags('process-engine: apps')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/app-definitions`)
export class ApsAppDefinitionsController {
  constructor(private readonly publishApp: PublishApp) {}

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
    return toApsPublishedApp(result.model, result.definition);
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
