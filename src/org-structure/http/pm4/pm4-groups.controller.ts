import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiPm4Errors } from '../../../../libs/dialects/openapi-errors.js';
import { type Pm4List, pm4List, pm4Offset, Pm4Path } from '../../../../libs/dialects/pm4-paging.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { CreateGroup } from '../../application/groups/create-group.use-case.js';
import { DeleteGroup } from '../../application/groups/delete-group.use-case.js';
import { GetGroup } from '../../application/groups/get-group.query.js';
import { ListGroupMembers } from '../../application/groups/list-group-members.query.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { UpdateGroup } from '../../application/groups/update-group.use-case.js';
import type { GroupSortField } from '../../infrastructure/group.repository.js';
import {
  Pm4CreateGroupDto,
  Pm4FilterPageQueryDto,
  Pm4GroupListQueryDto,
  Pm4GroupListResponse,
  Pm4GroupResponse,
  Pm4MemberUserListResponse,
  type Pm4MemberUserResponse,
  Pm4UpdateGroupDto,
} from './pm4-groups.dto.js';
import { toPm4Group, toPm4MemberUser } from './pm4-groups.mapper.js';
import { Pm4GroupErrorInterceptor, pm4RouteId } from './pm4-groups.support.js';

const ACCESS = 'Needs group administration (PM_USERS, PM_SETUP_ADVANCE or tenant administration); other users get 403.';
const PAGING = 'Paged with `page` (1-based, default 1) and `per_page` (default 10, as ProcessMaker 4\'s controllers, at most 1000).';
const SORT: Record<string, GroupSortField> = { name: 'title', id: 'id', created_at: 'createdAt' };
const GROUP_ID = { name: 'group_id', description: 'ID of the group', schema: { type: 'integer' } } as const;

@ApiTags('pm4 org-structure: groups')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm4Errors(401, 403)
@UseInterceptors(Pm4GroupErrorInterceptor)
@Controller('api/1.0/groups')
export class Pm4GroupsController {
  constructor(
    private readonly listGroups: ListGroups,
    private readonly getGroup: GetGroup,
    private readonly createGroup: CreateGroup,
    private readonly updateGroup: UpdateGroup,
    private readonly deleteGroup: DeleteGroup,
    private readonly listMembers: ListGroupMembers,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Returns all groups that the user has access to',
    description:
      `Every group of the tenant, INACTIVE ones included (\`status\` narrows). \`filter\` is a case-insensitive substring of the name ` +
      `(ProcessMaker 4 also searches the description; Meridian does not). Ordered by \`order_by\` (name, id, created_at; default name) ` +
      `and \`order_direction\` (default asc). ${PAGING} \`meta\` echoes filter and sort and carries Laravel's paginator fields. ${ACCESS}`,
  })
  @ApiOkResponse({ type: Pm4GroupListResponse })
  @ApiPm4Errors(422)
  async list(@CurrentPrincipal() actor: Principal, @Query() query: Pm4GroupListQueryDto, @Pm4Path() path: string): Promise<Pm4List<Pm4GroupResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const orderBy = query.order_by ?? 'name';
    const direction = query.order_direction?.toLowerCase() === 'desc' ? 'desc' : 'asc';
    const found = await this.listGroups.execute({
      actor,
      title: query.filter,
      status: query.status,
      sort: { field: SORT[orderBy]!, direction },
      offset,
      limit,
    });
    return pm4List(found.items.map(toPm4Group), found.total, { page, limit, path, filter: query.filter, sortBy: orderBy, sortOrder: direction });
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Save a new group',
    description:
      '201 with the group. `name` is required and unique in the tenant, case-insensitively (422 `errors.name`); `status` defaults to ACTIVE. ' +
      `The group is a functional group (it may contain users and groups). ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: Pm4GroupResponse })
  @ApiPm4Errors(422)
  async create(@CurrentPrincipal() actor: Principal, @Body() dto: Pm4CreateGroupDto): Promise<Pm4GroupResponse> {
    const group = await this.createGroup.execute({
      actor,
      title: dto.name,
      description: dto.description ?? null,
      managerId: dto.manager_id === undefined || dto.manager_id === null ? null : String(dto.manager_id),
      status: dto.status,
      kind: 'functional',
    });
    return toPm4Group(group);
  }

  @Get(':group_id')
  @ApiOperation({ summary: 'Get single group by ID', description: `Unknown or malformed id: 404. ${ACCESS}` })
  @ApiParam(GROUP_ID)
  @ApiOkResponse({ type: Pm4GroupResponse })
  @ApiPm4Errors(404)
  async get(@CurrentPrincipal() actor: Principal, @Param('group_id') raw: string): Promise<Pm4GroupResponse> {
    return toPm4Group(await this.getGroup.execute({ actor, groupId: pm4RouteId(raw, 'group') }));
  }

  @Put(':group_id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Update a group',
    description:
      '204 with no body, as ProcessMaker 4 answers (the document\'s `{"error": "text"}` example is not a success body). Absent fields stay ' +
      `as they are; \`description\` and \`manager_id\` may be null. A name taken by another group: 422 \`errors.name\`. ${ACCESS}`,
  })
  @ApiParam(GROUP_ID)
  @ApiNoContentResponse({ description: 'Empty body; the group is updated.' })
  @ApiPm4Errors(404, 422)
  async update(@CurrentPrincipal() actor: Principal, @Param('group_id') raw: string, @Body() dto: Pm4UpdateGroupDto): Promise<void> {
    const groupId = pm4RouteId(raw, 'group');
    await this.updateGroup.execute({
      actor,
      groupId,
      title: dto.name,
      description: dto.description,
      managerId: dto.manager_id === undefined || dto.manager_id === null ? dto.manager_id : String(dto.manager_id),
      status: dto.status,
    });
  }

  @Delete(':group_id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a group',
    description: `204 with no body. The group's memberships (as container and as member) go with it; groups whose parent it was become top-level. ${ACCESS}`,
  })
  @ApiParam(GROUP_ID)
  @ApiNoContentResponse({ description: 'Empty body; the group is deleted.' })
  @ApiPm4Errors(404)
  async remove(@CurrentPrincipal() actor: Principal, @Param('group_id') raw: string): Promise<void> {
    await this.deleteGroup.execute({ actor, groupId: pm4RouteId(raw, 'group') });
  }

  @Get(':group_id/users')
  @ApiOperation({
    summary: 'Returns all users of a group',
    description:
      `The group's direct user members, INACTIVE ones included, ordered by username. \`filter\` matches first name, last name or username. ` +
      `Users carry the fields needed to recognise them (the document's password and remember_token are never shown). ${PAGING} ${ACCESS}`,
  })
  @ApiParam(GROUP_ID)
  @ApiOkResponse({ type: Pm4MemberUserListResponse })
  @ApiPm4Errors(404, 422)
  async users(
    @CurrentPrincipal() actor: Principal,
    @Param('group_id') raw: string,
    @Query() query: Pm4FilterPageQueryDto,
    @Pm4Path() path: string,
  ): Promise<Pm4List<Pm4MemberUserResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const found = await this.listMembers.execute({ actor, groupId: pm4RouteId(raw, 'group'), filter: query.filter, offset, limit });
    return pm4List(found.items.map(toPm4MemberUser), found.total, { page, limit, path, filter: query.filter, sortBy: 'username' });
  }

  @Get(':group_id/groups')
  @ApiOperation({
    summary: 'Returns all groups of a group',
    description:
      `The groups that are direct members of the group (added through group_members), ordered by name; \`filter\` is a substring of the name. ${PAGING} ${ACCESS}`,
  })
  @ApiParam(GROUP_ID)
  @ApiOkResponse({ type: Pm4GroupListResponse })
  @ApiPm4Errors(404, 422)
  async groups(
    @CurrentPrincipal() actor: Principal,
    @Param('group_id') raw: string,
    @Query() query: Pm4FilterPageQueryDto,
    @Pm4Path() path: string,
  ): Promise<Pm4List<Pm4GroupResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const group = await this.getGroup.execute({ actor, groupId: pm4RouteId(raw, 'group') });
    const found = await this.listGroups.execute({ actor, memberOf: group.id, title: query.filter, offset, limit });
    return pm4List(found.items.map(toPm4Group), found.total, { page, limit, path, filter: query.filter, sortBy: 'name' });
  }
}
