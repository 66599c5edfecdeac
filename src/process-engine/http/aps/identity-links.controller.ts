import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddIdentityLink } from '../../application/identity-links/add-identity-link.use-case.js';
import { DeleteIdentityLink } from '../../application/identity-links/delete-identity-link.use-case.js';
import { GetIdentityLink } from '../../application/identity-links/get-identity-link.query.js';
import type { IdentityLinkView } from '../../application/identity-links/identity-link.view.js';
import { ListIdentityLinks } from '../../application/identity-links/list-identity-links.query.js';
import type { RuntimeTarget } from '../../application/variables/runtime-target.js';
import type { LinkFamily } from '../../infrastructure/identity-link.repository.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsIdentityLinkDto, ApsIdentityLinkResponse, LinkFamilyPipe, linkIdentity, LinkTypePipe } from './identity-links.dto.js';

const INSTANCE_ACCESS =
  'Admins see every process instance of their tenant, others the ones they are involved in: a malformed id answers 400, an unknown one ' +
  '(or one of another tenant) 404, one the caller may not see 403. ';
const TASK_ACCESS =
  'Admins see every task of their tenant, others the tasks they are involved in: a malformed id answers 400, an unknown one (or one of ' +
  'another tenant) 404, one the caller may not see 403. ';
const SHAPE = 'Links are {user, group, type} with ids as strings, exactly one of user and group set. ';
const ADD =
  'Body {user, type} or {group, type}: exactly one of user and group (400 otherwise); `type` defaults to participant. The user or group must ' +
  'exist in the caller\'s tenant (400 naming `user` or `group`). Adding a link that exists is not an error: 200 with the same link, nothing ' +
  'written. Writes need a running instance (and an open task): 409 otherwise. A new link is recorded as a `task-involved` audit entry (and moves the task version). ';
const FAMILY = { name: 'family', enum: ['users', 'groups'], description: 'users or groups (anything else: 400)' };

/** Seed 004 "Process Instance Identity links" and "Task Identity links". */
@ApiTags('process-engine: identity links')
@ApsEngineAuth()
@ApiApsErrors(400, 403, 404)
@Controller(APS_ENTERPRISE)
export class IdentityLinksController {
  constructor(
    private readonly listLinks: ListIdentityLinks,
    private readonly getLink: GetIdentityLink,
    private readonly addLink: AddIdentityLink,
    private readonly deleteLink: DeleteIdentityLink,
  ) {}

  @Get('process-instances/:processInstanceId/identitylinks')
  @ApiOperation({
    summary: 'Identity links of a process instance (involved people and groups)',
    description: INSTANCE_ACCESS + SHAPE + 'A bare array, users first: participants, the starter and custom types.',
  })
  @ApiOkResponse({ type: [ApsIdentityLinkResponse] })
  async instanceLinks(@CurrentPrincipal() actor: Principal, @Param('processInstanceId', new ApsIdPipe('processInstanceId')) id: string): Promise<IdentityLinkView[]> {
    return this.listLinks.execute({ actor, target: instance(id) });
  }

  @Post('process-instances/:processInstanceId/identitylinks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Involve a user or group in a process instance', description: INSTANCE_ACCESS + ADD + SHAPE })
  @ApiOkResponse({ type: ApsIdentityLinkResponse })
  @ApiApsErrors(409)
  async addInstanceLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) id: string,
    @Body() body: ApsIdentityLinkDto,
  ): Promise<IdentityLinkView> {
    return this.addLink.execute({ actor, target: instance(id), ...linkIdentity(body), type: body.type ?? 'participant' });
  }

  @Get('process-instances/:processInstanceId/identitylinks/:family')
  @ApiParam(FAMILY)
  @ApiOperation({ summary: 'Identity links of a process instance, users or groups', description: INSTANCE_ACCESS + SHAPE + 'A bare array.' })
  @ApiOkResponse({ type: [ApsIdentityLinkResponse] })
  async instanceLinksOfFamily(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
  ): Promise<IdentityLinkView[]> {
    return this.listLinks.execute({ actor, target: instance(id), family });
  }

  @Get('process-instances/:processInstanceId/identitylinks/:family/:identityId/:type')
  @ApiParam(FAMILY)
  @ApiOperation({
    summary: 'One identity link of a process instance',
    description: INSTANCE_ACCESS + SHAPE + 'Not in the document; Alfresco\'s JavaScript client calls it. No such link: 404.',
  })
  @ApiOkResponse({ type: ApsIdentityLinkResponse })
  async instanceLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
    @Param('type', new LinkTypePipe()) type: string,
  ): Promise<IdentityLinkView> {
    return this.getLink.execute({ actor, target: instance(id), family, identityId, type });
  }

  @Delete('process-instances/:processInstanceId/identitylinks/:family/:identityId/:type')
  @ApiParam(FAMILY)
  @ApiOperation({
    summary: 'Remove an identity link of a process instance',
    description:
      INSTANCE_ACCESS +
      'Not in the document; Alfresco\'s JavaScript client calls it. No such link: 404; the instance must be running (409). Recorded as a ' +
      '`task-involvement-removed` audit entry. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the link is removed.' })
  @ApiApsErrors(409)
  async deleteInstanceLink(
    @CurrentPrincipal() actor: Principal,
    @Param('processInstanceId', new ApsIdPipe('processInstanceId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
    @Param('type', new LinkTypePipe()) type: string,
  ): Promise<void> {
    await this.deleteLink.execute({ actor, target: instance(id), family, identityId, type });
  }

  @Get('tasks/:taskId/identitylinks')
  @ApiOperation({
    summary: 'Identity links of a task',
    description:
      TASK_ACCESS + SHAPE + 'A bare array: the assignee and owner first (types assignee and owner, as Activiti lists them), then candidates, participants and custom types.',
  })
  @ApiOkResponse({ type: [ApsIdentityLinkResponse] })
  async taskLinks(@CurrentPrincipal() actor: Principal, @Param('taskId', new ApsIdPipe('taskId')) id: string): Promise<IdentityLinkView[]> {
    return this.listLinks.execute({ actor, target: task(id) });
  }

  @Post('tasks/:taskId/identitylinks')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create an identity link on a task',
    description: TASK_ACCESS + ADD + SHAPE + 'Types assignee and owner are refused (400): claim, assign and delegate change those.',
  })
  @ApiOkResponse({ type: ApsIdentityLinkResponse })
  @ApiApsErrors(409)
  async addTaskLink(@CurrentPrincipal() actor: Principal, @Param('taskId', new ApsIdPipe('taskId')) id: string, @Body() body: ApsIdentityLinkDto): Promise<IdentityLinkView> {
    return this.addLink.execute({ actor, target: task(id), ...linkIdentity(body), type: body.type ?? 'participant' });
  }

  @Get('tasks/:taskId/identitylinks/:family')
  @ApiParam(FAMILY)
  @ApiOperation({ summary: 'Identity links of a task, users or groups', description: TASK_ACCESS + SHAPE + 'A bare array; users include the assignee and owner.' })
  @ApiOkResponse({ type: [ApsIdentityLinkResponse] })
  async taskLinksOfFamily(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
  ): Promise<IdentityLinkView[]> {
    return this.listLinks.execute({ actor, target: task(id), family });
  }

  @Get('tasks/:taskId/identitylinks/:family/:identityId/:type')
  @ApiParam(FAMILY)
  @ApiOperation({ summary: 'One identity link of a task', description: TASK_ACCESS + SHAPE + 'No such link: 404.' })
  @ApiOkResponse({ type: ApsIdentityLinkResponse })
  async taskLink(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
    @Param('type', new LinkTypePipe()) type: string,
  ): Promise<IdentityLinkView> {
    return this.getLink.execute({ actor, target: task(id), family, identityId, type });
  }

  @Delete('tasks/:taskId/identitylinks/:family/:identityId/:type')
  @ApiParam(FAMILY)
  @ApiOperation({
    summary: 'Delete an identity link of a task',
    description:
      TASK_ACCESS +
      'No such link: 404; types assignee and owner: 400 (use the task actions); the task must be open and its instance running (409). ' +
      'Recorded as a `task-involvement-removed` audit entry. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the link is removed.' })
  @ApiApsErrors(409)
  async deleteTaskLink(
    @CurrentPrincipal() actor: Principal,
    @Param('taskId', new ApsIdPipe('taskId')) id: string,
    @Param('family', new LinkFamilyPipe()) family: LinkFamily,
    @Param('identityId', new ApsIdPipe('identityId')) identityId: string,
    @Param('type', new LinkTypePipe()) type: string,
  ): Promise<void> {
    await this.deleteLink.execute({ actor, target: task(id), family, identityId, type });
  }
}

function instance(instanceId: string): RuntimeTarget {
  return { kind: 'instance', instanceId };
}

function task(taskId: string): RuntimeTarget {
  return { kind: 'task', taskId };
}
