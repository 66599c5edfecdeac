import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiPm4Errors } from '../../../../libs/dialects/openapi-errors.js';
import { type Pm4List, pm4List, pm4Offset, Pm4Path } from '../../../../libs/dialects/pm4-paging.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, IdentityApi, type Principal } from '../../../identity/index.js';
import { AddGroupMember } from '../../application/groups/add-group-member.use-case.js';
import { GetGroupMembership } from '../../application/groups/get-group-membership.query.js';
import { GetGroup } from '../../application/groups/get-group.query.js';
import { ListAvailableGroups } from '../../application/groups/list-available-groups.query.js';
import { ListAvailableUsers } from '../../application/groups/list-available-users.query.js';
import { ListGroupMemberships } from '../../application/groups/list-group-memberships.query.js';
import { RemoveGroupMember } from '../../application/groups/remove-group-member.use-case.js';
import type { GroupMember } from '../../domain/group-rules.js';
import {
  Pm4AvailableGroupListResponse,
  type Pm4AvailableGroupResponse,
  Pm4CreatedGroupMemberResponse,
  Pm4CreateGroupMemberDto,
  Pm4GroupMemberListResponse,
  Pm4GroupMemberResponse,
  Pm4GroupMembersAvailableQueryDto,
  Pm4GroupMembersQueryDto,
  Pm4GroupResponse,
  Pm4MemberUserListResponse,
  Pm4MemberUserResponse,
  Pm4UserMembersAvailableQueryDto,
} from './pm4-groups.dto.js';
import { toPm4AvailableGroup, toPm4Group, toPm4GroupMember, toPm4MemberUser } from './pm4-groups.mapper.js';
import { memberOf, modelNotFound, pm4BodyId, Pm4GroupErrorInterceptor, pm4RouteId } from './pm4-groups.support.js';

const ACCESS = 'Needs group administration (PM_USERS, PM_SETUP_ADVANCE or tenant administration); other users get 403.';
const PAGING = 'Paged with `page` (1-based, default 1) and `per_page` (default 10, at most 1000).';
const TYPES = '`member_type` is `ProcessMaker\\Models\\User` or `ProcessMaker\\Models\\Group` (`user` and `group` are accepted too); answers always use the class names.';

@ApiTags('pm4 org-structure: group members')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm4Errors(401, 403)
@ApiExtraModels(Pm4MemberUserResponse, Pm4GroupResponse)
@UseInterceptors(Pm4GroupErrorInterceptor)
@Controller('api/1.0')
export class Pm4GroupMembersController {
  constructor(
    private readonly listMemberships: ListGroupMemberships,
    private readonly getMembership: GetGroupMembership,
    private readonly addMember: AddGroupMember,
    private readonly removeMember: RemoveGroupMember,
    private readonly getGroup: GetGroup,
    private readonly availableGroups: ListAvailableGroups,
    private readonly availableUsers: ListAvailableUsers,
    private readonly identity: IdentityApi,
  ) {}

  @Get('group_members')
  @ApiOperation({
    summary: 'Returns all groups for a given member',
    description:
      `Memberships ordered by id; \`group_id\` narrows to one group, \`member_id\` with \`member_type\` to one member, \`member_type\` alone to ` +
      `users or groups. ${TYPES} ${PAGING} ${ACCESS}`,
  })
  @ApiOkResponse({ type: Pm4GroupMemberListResponse })
  @ApiPm4Errors(422)
  async list(@CurrentPrincipal() actor: Principal, @Query() query: Pm4GroupMembersQueryDto, @Pm4Path() path: string): Promise<Pm4List<Pm4GroupMemberResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const groupId = query.group_id === undefined ? undefined : pm4BodyId(query.group_id, 'group_id');
    let member: GroupMember | undefined;
    if (query.member_id !== undefined) {
      if (query.member_type === undefined) {
        throw DomainError.validation('REQUEST.INVALID', 'The member type field is required when member id is present.', { field: 'member_type' });
      }
      member = memberOf(query.member_type, pm4BodyId(query.member_id, 'member_id'));
    }
    const memberType = query.member_type === undefined ? undefined : memberOf(query.member_type, '0').type;
    const found = await this.listMemberships.execute({ actor, groupId, member, memberType, offset, limit });
    return pm4List(found.items.map(toPm4GroupMember), found.total, { page, limit, path, sortBy: 'id' });
  }

  @Post('group_members')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Save a new group member',
    description:
      `201 with the membership, its \`group\` and its \`member\`. ${TYPES} Refused with 422 and nothing changed: a missing field, an unknown ` +
      'group or member (`errors.group_id` / `errors.member_id`, "The selected … is invalid."), a member already in the group, a group ' +
      'made a member of itself or of a group below it (a cycle), system groups in group nesting. Adding a user to a system group ' +
      `needs every capability the group carries (403). ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: Pm4CreatedGroupMemberResponse })
  @ApiPm4Errors(422)
  async create(@CurrentPrincipal() actor: Principal, @Body() dto: Pm4CreateGroupMemberDto): Promise<Pm4CreatedGroupMemberResponse> {
    const groupId = pm4BodyId(dto.group_id, 'group_id');
    const member = memberOf(dto.member_type, pm4BodyId(dto.member_id, 'member_id'));
    const membership = await this.addMember.execute({ actor, groupId, member, description: dto.description ?? null });
    const group = toPm4Group(await this.getGroup.execute({ actor, groupId }));
    return { ...toPm4GroupMember(membership), group, member: await this.memberBody(actor, member) };
  }

  @Get('group_members/:group_member_id')
  @ApiOperation({ summary: 'Get single group member by ID', description: `Unknown or malformed id: 404. ${ACCESS}` })
  @ApiParam({ name: 'group_member_id', description: 'ID of the membership', schema: { type: 'integer' } })
  @ApiOkResponse({ type: Pm4GroupMemberResponse })
  @ApiPm4Errors(404)
  async get(@CurrentPrincipal() actor: Principal, @Param('group_member_id') raw: string): Promise<Pm4GroupMemberResponse> {
    return toPm4GroupMember(await this.getMembership.execute({ actor, membershipId: pm4RouteId(raw, 'membership') }));
  }

  @Delete('group_members/:group_member_id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a group member', description: `204 with no body; the member leaves the group. Unknown or malformed id: 404. ${ACCESS}` })
  @ApiParam({ name: 'group_member_id', description: 'ID of the membership', schema: { type: 'integer' } })
  @ApiNoContentResponse({ description: 'Empty body; the membership is deleted.' })
  @ApiPm4Errors(404)
  async remove(@CurrentPrincipal() actor: Principal, @Param('group_member_id') raw: string): Promise<void> {
    await this.removeMember.execute({ actor, membershipId: pm4RouteId(raw, 'membership') });
  }

  @Get('group_members_available')
  @ApiOperation({
    summary: 'Returns all groups available for a given member',
    description:
      `Groups the member could still join, ordered by name: not those it is already directly in; for a group member, neither itself, ` +
      `nor groups below it (a cycle), nor system groups. \`member_id\` and \`member_type\` are query parameters (the document calls them path ` +
      `parameters, but the path has none). Unknown member: 404. \`filter\` is a substring of the name. ${TYPES} ${PAGING} ${ACCESS}`,
  })
  @ApiOkResponse({ type: Pm4AvailableGroupListResponse })
  @ApiPm4Errors(404, 422)
  async groupsAvailable(
    @CurrentPrincipal() actor: Principal,
    @Query() query: Pm4GroupMembersAvailableQueryDto,
    @Pm4Path() path: string,
  ): Promise<Pm4List<Pm4AvailableGroupResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const type = memberOf(query.member_type, '0').type;
    const member = memberOf(query.member_type, pm4RouteId(query.member_id, type));
    const found = await this.availableGroups.execute({ actor, member, title: query.filter, offset, limit });
    return pm4List(found.items.map(toPm4AvailableGroup), found.total, { page, limit, path, filter: query.filter, sortBy: 'name' });
  }

  @Get('user_members_available')
  @ApiOperation({
    summary: 'Returns all users available for a given group',
    description:
      `Users of the tenant not yet direct members of \`group_id\` (a query parameter), INACTIVE ones included, ordered by username; ` +
      `\`filter\` matches first name, last name or username. Unknown group: 404. ${PAGING} ${ACCESS}`,
  })
  @ApiOkResponse({ type: Pm4MemberUserListResponse })
  @ApiPm4Errors(404, 422)
  async usersAvailable(
    @CurrentPrincipal() actor: Principal,
    @Query() query: Pm4UserMembersAvailableQueryDto,
    @Pm4Path() path: string,
  ): Promise<Pm4List<Pm4MemberUserResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const found = await this.availableUsers.execute({ actor, groupId: pm4RouteId(query.group_id, 'group'), filter: query.filter, offset, limit });
    return pm4List(found.items.map(toPm4MemberUser), found.total, { page, limit, path, filter: query.filter, sortBy: 'username' });
  }

  private async memberBody(actor: Principal, member: GroupMember): Promise<Pm4MemberUserResponse | Pm4GroupResponse> {
    if (member.type === 'group') return toPm4Group(await this.getGroup.execute({ actor, groupId: member.id }));
    const found = await this.identity.userSummaries({ tenantId: actor.tenantId, includeIds: [member.id], limit: 1 });
    if (!found.items[0]) throw modelNotFound('user', member.id);
    return toPm4MemberUser(found.items[0]);
  }
}
