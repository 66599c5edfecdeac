import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { apsOffset, type ApsPage, apsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { CreateLinkContent } from '../../application/owners/create-link-content.use-case.js';
import { ListOwnerContent } from '../../application/owners/list-owner-content.query.js';
import { OwnerResolver, type OwnerRef } from '../../application/owners/owner-ref.js';
import { UploadContent } from '../../application/upload-content.use-case.js';
import { APS_ENTERPRISE, ApiContentUpload, ApsContentAuth, ContentIdPipe } from './content.controller.js';
import { ApsContentPageResponse, ApsContentResponse, ApsUploadQueryDto } from './content.dto.js';
import { type ApsContent, toApsContent } from './content.mapper.js';
import { ApsLinkContentDto, ApsLinkQueryDto, ApsOwnerContentQueryDto } from './owner-content.dto.js';

const ACCESS =
  'Who may: the engine\'s rule for the instance or task (as for GET process-instances/{id} and GET tasks/{id}): tenant admins see all of ' +
  'their tenant, others what they are involved in (started it, assignee, owner, candidate user or group, involved person, or involved ' +
  'in a task of the instance). Unknown id or another tenant\'s: 404; malformed id: 400; not involved: 403. ';
const WRITE =
  'Adding content needs the same visibility, and an open owner: a completed task or an ended process instance answers 409 ' +
  '(CONTENT.OWNER_ENDED; its content is the record of the case; Alfresco\'s open-source activiti-app answers 404 "not found or already ' +
  'completed" for such tasks). ';
const UPLOAD =
  'multipart/form-data, the file in a part named `file` (the first file part is taken), streamed to the store. The MIME type is detected ' +
  'from the bytes, never taken from the client; the stored name is the file name\'s last path segment. Empty file, no file part, not ' +
  'multipart: 400; over MAX_UPLOAD_BYTES: 413; nothing is stored then. ';
const LINK =
  'A link holds no bytes: contentAvailable false, previewStatus and thumbnailStatus `unsupported`, and content/{id}/raw answers 404 ' +
  '(never a redirect: the URL is data the client may follow, not something this server vouches for). ';

/**
 * Seed 004 "Content": content hanging on process instances and tasks. Content never sees the
 * engine: every owner question goes to the ContentOwnerPolicy the engine registered.
 */
@ApiTags('content')
@ApsContentAuth()
@ApiApsErrors(400, 403, 404)
@Controller(APS_ENTERPRISE)
export class ApsOwnerContentController {
  constructor(
    private readonly list: ListOwnerContent,
    private readonly upload: UploadContent,
    private readonly createLink: CreateLinkContent,
    private readonly owners: OwnerResolver,
  ) {}

  private async page(actor: Principal, owner: OwnerRef, q: ApsOwnerContentQueryDto): Promise<ApsPage<ApsContent>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.list.execute({ actor, owner, related: q.isRelatedContent, offset, limit });
    return apsPage(offset, page.total, page.items.map(toApsContent));
  }

  @Get('process-instances/:processInstanceId/content')
  @ApiOperation({
    summary: 'Content of a process instance',
    description:
      ACCESS +
      'All content by default; `isRelatedContent=true` related content only, `false` field content only (seed 004). The list includes the ' +
      'content of the instance\'s tasks (every item of a task also names its instance), oldest first, in the aps envelope ' +
      '{size,total,start,data} (start/page/size as in every aps list).',
  })
  @ApiOkResponse({ type: ApsContentPageResponse })
  listOfInstance(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ContentIdPipe('processInstanceId')) id: string,
    @Query() q: ApsOwnerContentQueryDto,
  ): Promise<ApsPage<ApsContent>> {
    return this.page(actor, { kind: 'process-instance', id }, q);
  }

  @Get('tasks/:taskId/content')
  @ApiOperation({
    summary: 'Content of a task',
    description: ACCESS + 'All content by default; `isRelatedContent=true` related content only, `false` field content only. Oldest first, aps envelope.',
  })
  @ApiOkResponse({ type: ApsContentPageResponse })
  listOfTask(@CurrentPrincipal() actor: Principal, @Param('taskId', new ContentIdPipe('taskId')) id: string, @Query() q: ApsOwnerContentQueryDto): Promise<ApsPage<ApsContent>> {
    return this.page(actor, { kind: 'task', id }, q);
  }

  @Post('process-instances/:processInstanceId/raw-content')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload content to a process instance',
    description: ACCESS + WRITE + UPLOAD + '`isRelatedContent` defaults to false (seed 004). Answers 200 with the content object.',
  })
  @ApiContentUpload()
  @ApiOkResponse({ type: ApsContentResponse })
  @ApiApsErrors(409)
  async uploadToInstance(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ContentIdPipe('processInstanceId')) id: string,
    @Query() q: ApsUploadQueryDto,
    @Req() request: Request,
  ): Promise<ApsContent> {
    const owner = await this.ownerOrDrain(actor, { kind: 'process-instance', id }, request);
    return toApsContent(await this.upload.execute({ actor, owner, relatedContent: q.isRelatedContent ?? false, request }));
  }

  @Post('tasks/:taskId/raw-content')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload content to a task',
    description:
      ACCESS +
      WRITE +
      UPLOAD +
      '`isRelatedContent` defaults to false; true shows it in the task\'s related content. The item names the task and its instance, so it ' +
      'lists under both. Answers 200 with the content object.',
  })
  @ApiContentUpload()
  @ApiOkResponse({ type: ApsContentResponse })
  @ApiApsErrors(409)
  async uploadToTask(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ContentIdPipe('taskId')) id: string,
    @Query() q: ApsUploadQueryDto,
    @Req() request: Request,
  ): Promise<ApsContent> {
    const owner = await this.ownerOrDrain(actor, { kind: 'task', id }, request);
    return toApsContent(await this.upload.execute({ actor, owner, relatedContent: q.isRelatedContent ?? false, request }));
  }

  @Post('process-instances/:processInstanceId/content')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Relate content (a link) to a process instance',
    description:
      ACCESS +
      WRITE +
      LINK +
      'Body: name (required), link (true or absent), source, sourceId, mimeType, linkUrl (http/https, at most 2,000 characters); linkUrl ' +
      'or sourceId is required. `isRelatedContent` defaults to TRUE here (seed 004: "different from the call above"). Answers 200 with the ' +
      'content object.',
  })
  @ApiOkResponse({ type: ApsContentResponse })
  @ApiApsErrors(409)
  async linkToInstance(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ContentIdPipe('processInstanceId')) id: string,
    @Query() q: ApsLinkQueryDto,
    @Body() body: ApsLinkContentDto,
  ): Promise<ApsContent> {
    return toApsContent(await this.createLink.execute({ actor, owner: { kind: 'process-instance', id }, relatedContent: q.isRelatedContent ?? true, ...body }));
  }

  @Post('tasks/:taskId/content')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Relate content (a link) to a task',
    description:
      'Seed 004 writes this call as `POST process-instances/{taskId}/content`, which is the process-instance call above (a documentation ' +
      'error: the path cannot tell a task id from an instance id). The task variant is served here, at the path of every other task ' +
      'content call; the item names the task and its instance. ' +
      ACCESS +
      WRITE +
      LINK +
      'Same body and default (`isRelatedContent` true) as for a process instance. Answers 200 with the content object.',
  })
  @ApiOkResponse({ type: ApsContentResponse })
  @ApiApsErrors(409)
  async linkToTask(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ContentIdPipe('taskId')) id: string,
    @Query() q: ApsLinkQueryDto,
    @Body() body: ApsLinkContentDto,
  ): Promise<ApsContent> {
    return toApsContent(await this.createLink.execute({ actor, owner: { kind: 'task', id }, relatedContent: q.isRelatedContent ?? true, ...body }));
  }

  /** The owner of an upload; an unknown task is refused before the body is read (which is then drained, so that the client gets the answer). */
  private async ownerOrDrain(actor: Principal, ref: OwnerRef, request: Request) {
    try {
      return await this.owners.owner(actor, ref);
    } catch (error) {
      request.resume();
      throw error;
    }
  }
}
