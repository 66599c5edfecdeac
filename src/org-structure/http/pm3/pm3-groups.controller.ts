import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddGroupMember } from '../../application/groups/add-group-member.use-case.js';
import { CreateGroup } from '../../application/groups/create-group.use-case.js';
import { DeleteGroup } from '../../application/groups/delete-group.use-case.js';
import { GetGroup } from '../../application/groups/get-group.query.js';
import { ListAvailableUsers } from '../../application/groups/list-available-users.query.js';
import { ListGroupMembers } from '../../application/groups/list-group-members.query.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { RemoveGroupMember } from '../../application/groups/remove-group-member.use-case.js';
import { UpdateGroup } from '../../application/groups/update-group.use-case.js';
import {
  Pm3AssignGroupUserDto,
  Pm3CreatedGroupResponse,
  Pm3CreateGroupDto,
  Pm3GroupListQueryDto,
  Pm3GroupResponse,
  Pm3GroupUserResponse,
  Pm3UpdateGroupDto,
} from './pm3-groups.dto.js';
import { toPm3CreatedGroup, toPm3Group, toPm3GroupUser } from './pm3-groups.mapper.js';
import { Pm3GroupErrorWordingInterceptor, Pm3GroupIdPipe, Pm3GroupWorkspacePipe } from './pm3-groups.support.js';

const ACCESS = 'Needs PM_USERS, PM_SETUP_ADVANCE or tenant administration.';

@ApiTags('pm3 org-structure: groups')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(Pm3GroupErrorWordingInterceptor)
@Controller('api/1.0/:workspace')
export class Pm3GroupsController {
  constructor(
    private readonly listGroups: ListGroups,
    private readonly getGroup: GetGroup,
    private readonly createGroup: CreateGroup,
    private readonly updateGroup: UpdateGroup,
    private readonly deleteGroup: DeleteGroup,
    private readonly listMembers: ListGroupMembers,
    private readonly listAvailable: ListAvailableUsers,
    private readonly addMember: AddGroupMember,
    private readonly removeMember: RemoveGroupMember,
  ) {}

  @Get('groups')
  @ApiOperation({
    summary: 'List groups',
    description: `Every group of the workspace, INACTIVE ones included, in alphabetical order; \`filter\` is a case-insensitive substring of the title. [] when none. Without \`limit\` at most 1000. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3GroupResponse] })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Query() query: Pm3GroupListQueryDto,
  ): Promise<Pm3GroupResponse[]> {
    const page = await this.listGroups.execute({ actor, tenantId, title: query.filter, offset: query.start, limit: query.limit });
    return page.items.map(toPm3Group);
  }

  @Get('group/:grp_uid')
  @ApiOperation({ summary: 'Get a group', description: `Unknown uid: 400 "The group with grp_uid: ... does not exist." ${ACCESS}` })
  @ApiOkResponse({ type: Pm3GroupResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
  ): Promise<Pm3GroupResponse> {
    return toPm3Group(await this.getGroup.execute({ actor, tenantId, groupId }));
  }

  @Post('group')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a group',
    description: `201 with {grp_uid, grp_title, grp_status}. Titles are unique per workspace, case-insensitively (400). ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: Pm3CreatedGroupResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Body() dto: Pm3CreateGroupDto,
  ): Promise<Pm3CreatedGroupResponse> {
    return toPm3CreatedGroup(await this.createGroup.execute({ actor, tenantId, title: dto.grp_title, status: dto.grp_status, kind: 'functional' }));
  }

  @Put('group/:grp_uid')
  @ApiOperation({ summary: 'Update a group', description: `200 with no body. ${ACCESS}` })
  @ApiOkResponse({ description: 'Empty body; the group is updated.' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
    @Body() dto: Pm3UpdateGroupDto,
  ): Promise<void> {
    await this.updateGroup.execute({ actor, tenantId, groupId, title: dto.grp_title, status: dto.grp_status });
  }

  @Delete('group/:grp_uid')
  @ApiOperation({
    summary: 'Delete a group',
    description:
      '200 with no body. ProcessMaker keeps the GROUP_USER rows of a deleted group; Meridian deletes the memberships with the group ' +
      `(and its capabilities), and its sub-groups become top-level. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the group is deleted.' })
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
  ): Promise<void> {
    await this.deleteGroup.execute({ actor, tenantId, groupId });
  }

  @Get('group/:grp_uid/users')
  @ApiOperation({
    summary: 'Users of the group',
    description: `Direct members, ordered by username; \`filter\` matches first name, last name or username. [] when none. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3GroupUserResponse] })
  async users(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
    @Query() query: Pm3GroupListQueryDto,
  ): Promise<Pm3GroupUserResponse[]> {
    const page = await this.listMembers.execute({ actor, tenantId, groupId, filter: query.filter, offset: query.start, limit: query.limit });
    return page.items.map(toPm3GroupUser);
  }

  @Get('group/:grp_uid/available-users')
  @ApiOperation({
    summary: 'Users not yet in the group',
    description: `Every user not yet a member, INACTIVE and VACATION included, ordered by username; same parameters as /users. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3GroupUserResponse] })
  async availableUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
    @Query() query: Pm3GroupListQueryDto,
  ): Promise<Pm3GroupUserResponse[]> {
    const page = await this.listAvailable.execute({ actor, tenantId, groupId, filter: query.filter, offset: query.start, limit: query.limit });
    return page.items.map(toPm3GroupUser);
  }

  @Post('group/:grp_uid/user')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Assign a user to the group',
    description: `201 with no body. Unknown user or already a member: 400. ${ACCESS}`,
  })
  @ApiCreatedResponse({ description: 'Empty body; the user is a member.' })
  async addUser(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
    @Body() dto: Pm3AssignGroupUserDto,
  ): Promise<void> {
    await this.addMember.execute({ actor, tenantId, groupId, member: { type: 'user', id: pm3Id.decode(dto.usr_uid, 'usr_uid') } });
  }

  @Delete('group/:grp_uid/user/:usr_uid')
  @ApiOperation({ summary: 'Unassign a user from the group', description: `200 with no body. Not a member: 400. ${ACCESS}` })
  @ApiOkResponse({ description: 'Empty body; the user is no longer a member.' })
  async removeUser(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3GroupWorkspacePipe) tenantId: string,
    @Param('grp_uid', new Pm3GroupIdPipe('grp_uid')) groupId: string,
    @Param('usr_uid', new Pm3GroupIdPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.removeMember.execute({ actor, tenantId, groupId, member: { type: 'user', id: userId } });
  }
}
