import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { CloneModel } from '../../application/models/clone-model.use-case.js';
import { CreateModel } from '../../application/models/create-model.use-case.js';
import { DeleteModel } from '../../application/models/delete-model.use-case.js';
import { ExportModelBpmn } from '../../application/models/export-model-bpmn.query.js';
import { GetModel } from '../../application/models/get-model.query.js';
import { ListModels } from '../../application/models/list-models.query.js';
import { GetModelHistory, ListModelHistory } from '../../application/models/model-history.query.js';
import { UpdateModel } from '../../application/models/update-model.use-case.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelViews } from '../../application/models/model.view.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import {
  ApsBpmnUploadDto,
  ApsCloneModelDto,
  ApsCreateModelDto,
  ApsModelDeleteQueryDto,
  ApsModelGetQueryDto,
  ApsModelHistoryQueryDto,
  ApsModelListQueryDto,
  ApsUpdateModelDto,
} from './models.dto.js';
import { ApsModelPageResponse, ApsModelResponse } from './models-response.dto.js';
import { type ApsModel, toApsModel } from './models.mapper.js';
import { attachment, BpmnFileInterceptor, requireFile, type UploadedBpmnFile } from './models.support.js';

const XML_RESPONSE = { content: { 'application/xml': { schema: { type: 'string', description: 'The BPMN 2.0 XML exactly as stored' } } } };

/**
 * The aps modeler's models (seed 004 "Process Definition Models List", "Model Details and History",
 * "BPMN 2.0 Import and Export"). Every model of a tenant is visible to all its users; changes are
 * for the creator or an administrator (tenant-admin / system-admin); ids of other tenants are 404.
 */
@ApiTags('process-engine: models')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/models`)
export class ApsModelsController {
  constructor(
    private readonly listModels: ListModels,
    private readonly getModel: GetModel,
    private readonly createModel: CreateModel,
    private readonly updateModel: UpdateModel,
    private readonly deleteModel: DeleteModel,
    private readonly cloneModel: CloneModel,
    private readonly listHistory: ListModelHistory,
    private readonly getHistory: GetModelHistory,
    private readonly exportBpmn: ExportModelBpmn,
    private readonly views: ModelViews,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List models',
    description:
      'Models of the caller\'s tenant of one `modelType` (default 0, process models, as Alfresco; unknown type: 400). `filter`: myprocesses (created by the caller), ' +
      'sharedWithMe (created by others: every model is shared with the whole tenant), sharedWithOthers (the caller\'s own, all visible to the tenant), ' +
      'favorite (the caller\'s favorites); absent: all. `sort` modifiedDesc (default), modifiedAsc, nameAsc, nameDesc; unknown values: 400. ' +
      'Paged as every aps list: `start` or `page` (wins), `size` default 25.',
  })
  @ApiOkResponse({ type: ApsModelPageResponse })
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsModelListQueryDto): Promise<ApsPage<ApsModel>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.listModels.execute({
      actor,
      filter: q.filter,
      modelType: q.modelType ?? 0,
      referenceId: q.referenceId !== undefined ? String(q.referenceId) : undefined,
      sort: q.sort ?? 'modifiedDesc',
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsModel));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a model',
    description:
      'Documented as POST models/ (the trailing slash is optional). Any user of the tenant may create models; the creator may change them. ' +
      'A process model (0) starts at version 1 with a minimal valid BPMN: a process whose id is `key` (default: the name in camelCase) and whose ' +
      'name is the model name, with a none start event flowing to a none end event. An app model (3) starts with `{"models":[],"theme":"theme-1",' +
      '"icon":"glyphicon-asterisk"}`. `content` (a Meridian extension) sets the initial content instead; invalid content is a 400 and creates nothing.',
  })
  @ApiOkResponse({ type: ApsModelResponse })
  async create(@CurrentPrincipal() actor: Principal, @Body() body: ApsCreateModelDto): Promise<ApsModel> {
    return toApsModel(
      await this.createModel.execute({
        actor,
        name: body.name,
        modelType: body.modelType,
        description: body.description,
        key: body.key,
        stencilSet: body.stencilSet === undefined || body.stencilSet === null ? null : String(body.stencilSet),
        content: body.content,
      }),
    );
  }

  @Get(':modelId')
  @ApiOperation({ summary: 'Model details', description: 'The current version of a model of any type. `permission` is write for the creator and administrators, read for other users.' })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(404)
  async get(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) id: string, @Query() _q: ApsModelGetQueryDto): Promise<ApsModel> {
    return toApsModel(await this.getModel.execute({ actor, id }));
  }

  @Put(':modelId')
  @ApiOperation({
    summary: 'Update a model, or favorite it',
    description:
      '`{name, description}` change the current version in place (creator or administrator, else 403). `{favorite}` sets the caller\'s own favorite ' +
      'flag (any user of the tenant; favorites are per user). `content` (Meridian extension; BPMN XML or the app definition JSON) makes a new version ' +
      'when it differs, keeping the previous one in the history (`comment` is the new version\'s comment); process models take the key from the new ' +
      'BPMN. Invalid content is a 400 and changes nothing.',
  })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(403, 404)
  async update(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) id: string, @Body() body: ApsUpdateModelDto): Promise<ApsModel> {
    return toApsModel(
      await this.updateModel.execute({ actor, id, name: body.name, description: body.description, favorite: body.favorite, content: body.content, comment: body.comment }),
    );
  }

  @Delete(':modelId')
  @ApiOperation({
    summary: 'Delete a model',
    description:
      'Creator or administrator (else 403). History and favorites go with it. A process model that an app model lists is refused with 409 ' +
      '(ENGINE.MODEL_IN_USE, as Alfresco): remove it from the app first. An app model also leaves the landing page, while the process ' +
      'definitions it deployed stay for their instances. `cascade` and `deleteRuntimeApp` are accepted and ignored.',
  })
  @ApiOkResponse({ description: 'Empty body; the model is deleted.' })
  @ApiApsErrors(403, 404, 409)
  async delete(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) id: string, @Query() _q: ApsModelDeleteQueryDto): Promise<void> {
    await this.deleteModel.execute({ actor, id });
  }

  @Post(':modelId/clone')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Duplicate a model',
    description:
      'A new model (version 1) owned by the caller with the current content of the original; any user of the tenant may clone. A cloned process ' +
      'model keeps the original\'s BPMN, so its process id (key), until changed. `modelType` must be the original\'s: converting a step process into ' +
      'BPMN 2.0 is not supported (400).',
  })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(404)
  async clone(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) id: string, @Body() body: ApsCloneModelDto): Promise<ApsModel> {
    return toApsModel(await this.cloneModel.execute({ actor, id, name: body.name, description: body.description, modelType: body.modelType }));
  }

  @Get(':modelId/history')
  @ApiOperation({
    summary: 'Model version history',
    description:
      'The older versions of a model, newest first, each with its own history `id`, `latestVersion` false and `favorite`/`permission` null (as the ' +
      'document\'s example). `includeLatestVersion=true` puts the current version first. Not paged: `size` = `total`.',
  })
  @ApiOkResponse({ type: ApsModelPageResponse })
  @ApiApsErrors(404)
  async history(
    @CurrentPrincipal() actor: Principal,
    @Param('modelId', new ApsIdPipe('modelId')) id: string,
    @Query() q: ApsModelHistoryQueryDto,
  ): Promise<ApsPage<ApsModel>> {
    const items = (await this.listHistory.execute({ actor, id, includeLatestVersion: q.includeLatestVersion })).map(toApsModel);
    return apsPage(0, items.length, items);
  }

  @Get(':modelId/history/:modelHistoryId')
  @ApiOperation({ summary: 'One older version of a model', description: 'By the history entry\'s id; an id of another model\'s history is 404.' })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(404)
  async historyEntry(
    @CurrentPrincipal() actor: Principal,
    @Param('modelId', new ApsIdPipe('modelId')) id: string,
    @Param('modelHistoryId', new ApsIdPipe('modelHistoryId')) historyId: string,
  ): Promise<ApsModel> {
    return toApsModel(await this.getHistory.execute({ actor, id, historyId }));
  }

  @Get(':processModelId/bpmn20')
  @ApiOperation({
    summary: 'Export a process model as BPMN 2.0 XML',
    description:
      'The XML exactly as stored (as imported, or as last saved), `application/xml`, as an attachment named `<model name>.bpmn20.xml` (as Alfresco). ' +
      'A model that is not a process model: 400.',
  })
  @ApiOkResponse(XML_RESPONSE)
  @ApiApsErrors(404)
  async bpmn(@CurrentPrincipal() actor: Principal, @Param('processModelId', new ApsIdPipe('processModelId')) id: string, @Res() res: Response): Promise<void> {
    const file = await this.exportBpmn.execute({ actor, id });
    sendXml(res, file.fileName, file.xml);
  }

  @Get(':processModelId/history/:processModelHistoryId/bpmn20')
  @ApiOperation({ summary: 'Export an older version of a process model as BPMN 2.0 XML', description: 'As models/{processModelId}/bpmn20, for a history entry.' })
  @ApiOkResponse(XML_RESPONSE)
  @ApiApsErrors(404)
  async historyBpmn(
    @CurrentPrincipal() actor: Principal,
    @Param('processModelId', new ApsIdPipe('processModelId')) id: string,
    @Param('processModelHistoryId', new ApsIdPipe('processModelHistoryId')) historyId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exportBpmn.execute({ actor, id, historyId });
    sendXml(res, file.fileName, file.xml);
  }

  @Get(':modelId/thumbnail')
  @ApiOperation({
    summary: 'Model thumbnail',
    description: 'Meridian renders no thumbnails yet: every existing model answers 404 (code ENGINE.MODEL_THUMBNAIL_NOT_FOUND); an unknown model 404 as well.',
  })
  @ApiOkResponse({ description: 'A PNG image (not produced at present)', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @ApiApsErrors(404)
  async thumbnail(@CurrentPrincipal() actor: Principal, @Param('modelId', new ApsIdPipe('modelId')) id: string): Promise<never> {
    await this.views.require(actor, id);
    throw EngineErrors.modelThumbnailNotFound(id);
  }

  @Post(':modelId/newversion')
  @HttpCode(200)
  @UseInterceptors(BpmnFileInterceptor())
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ApsBpmnUploadDto })
  @ApiOperation({
    summary: 'Import a BPMN file as a new version of a process model',
    description:
      'As the Alfresco JS client\'s importNewVersion: the `file` part (.bpmn / .bpmn20.xml) replaces the BPMN of a process model as a new version ' +
      '(creator or administrator); invalid BPMN is a 400 naming `file` and changes nothing.',
  })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(403, 404)
  async newVersion(
    @CurrentPrincipal() actor: Principal,
    @Param('modelId', new ApsIdPipe('modelId')) id: string,
    @UploadedFile() file: UploadedBpmnFile | undefined,
  ): Promise<ApsModel> {
    const upload = requireFile(file);
    return toApsModel(await this.updateModel.execute({ actor, id, content: upload.buffer, contentField: 'file', processModelOnly: true }));
  }
}

function sendXml(res: Response, fileName: string, xml: string): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/xml; charset=UTF-8');
  res.setHeader('Content-Disposition', attachment(fileName));
  res.end(Buffer.from(xml, 'utf8'));
}
