import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsDate } from '../../../../libs/dialects/dates.js';
import { apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddComment } from '../../application/comments/add-comment.use-case.js';
import type { CommentView } from '../../application/comments/comment.view.js';
import { ListComments } from '../../application/comments/list-comments.query.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsCommentDto, ApsCommentPageResponse, ApsCommentResponse, ApsCommentsQueryDto } from './comments.dto.js';

export interface ApsComment {
  readonly id: number;
  readonly message: string;
  readonly created: string;
  readonly createdBy: { readonly id: number; readonly firstName: string | null; readonly lastName: string | null; readonly email: string | null };
}

function toApsComment(c: CommentView): ApsComment {
  return { id: Number(c.id), message: c.message, created: apsDate(c.createdAt)!, createdBy: { ...c.createdBy, id: Number(c.createdBy.id) } };
}

const INSTANCE_ACCESS =
  'Admins see every process instance of their tenant, others the ones they are involved in: a malformed id answers 400, an unknown one ' +
  '(or one of another tenant) 404, one the caller may not see 403. ';
const TASK_ACCESS =
  'Admins see every task of their tenant, others the tasks they are involved in: a malformed id answers 400, an unknown one (or one of ' +
  'another tenant) 404, one the caller may not see 403. ';
const LIST =
  '{size,total,start,data} of {id, message, created, createdBy {id, firstName, lastName, email}}, every comment in one page, oldest first ' +
  '(`latestFirst=true`: newest first). ';
const ADD =
  'Body {message}: 1 to 4,000 characters, not blank (400 otherwise, nothing stored). Answers 200 with the comment. The author becomes ' +
  'involved, as in APS: a participant identity link on the process instance (on a standalone task, on the task). Recorded as a ' +
  '`comment-added` audit entry. ';

/** Seed 004 "Comments". */
@ApiTags('process-engine: comments')
@ApsEngineAuth()
@ApiApsErrors(400, 403, 404)
@Controller(APS_ENTERPRISE)
export class CommentsController {
  constructor(
    private readonly listComments: ListComments,
    private readonly addComment: AddComment,
  ) {}

  @Get('process-instances/:processInstanceId/comments')
  @ApiOperation({ summary: 'Comments of a process instance', description: INSTANCE_ACCESS + LIST + 'Includes the comments on the instance\'s tasks (as Activiti).' })
  @ApiOkResponse({ type: ApsCommentPageResponse })
  async instanceComments(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Query() q: ApsCommentsQueryDto,
  ): Promise<ApsPage<ApsComment>> {
    const all = await this.listComments.execute({ actor, target: { kind: 'instance', instanceId }, latestFirst: q.latestFirst });
    return apsPage(0, all.length, all.map(toApsComment));
  }

  @Post('process-instances/:processInstanceId/comments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Comment on a process instance', description: INSTANCE_ACCESS + ADD + 'The instance must be running (409 otherwise).' })
  @ApiOkResponse({ type: ApsCommentResponse })
  @ApiApsErrors(409)
  async commentInstance(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) instanceId: string,
    @Body() body: ApsCommentDto,
  ): Promise<ApsComment> {
    return toApsComment(await this.addComment.execute({ actor, target: { kind: 'instance', instanceId }, message: body.message }));
  }

  @Get('tasks/:taskId/comments')
  @ApiOperation({ summary: 'Comments of a task', description: TASK_ACCESS + LIST })
  @ApiOkResponse({ type: ApsCommentPageResponse })
  async taskComments(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) taskId: string,
    @Query() q: ApsCommentsQueryDto,
  ): Promise<ApsPage<ApsComment>> {
    const all = await this.listComments.execute({ actor, target: { kind: 'task', taskId }, latestFirst: q.latestFirst });
    return apsPage(0, all.length, all.map(toApsComment));
  }

  @Post('tasks/:taskId/comments')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Comment on a task',
    description: TASK_ACCESS + ADD + 'The task must be open and its process instance running (409 otherwise). The comment also shows in the instance\'s comments.',
  })
  @ApiOkResponse({ type: ApsCommentResponse })
  @ApiApsErrors(409)
  async commentTask(@CurrentPrincipal() actor: Principal, @Param('taskId', new ApsIdPipe('taskId')) taskId: string, @Body() body: ApsCommentDto): Promise<ApsComment> {
    return toApsComment(await this.addComment.execute({ actor, target: { kind: 'task', taskId }, message: body.message }));
  }
}
