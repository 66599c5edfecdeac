import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal, type UserSummary } from '../../../identity/index.js';
import { AddGroupCapabilities } from '../../application/groups/add-group-capabilities.use-case.js';
import { AddGroupMember } from '../../application/groups/add-group-member.use-case.js';
import { CreateGroup } from '../../application/groups/create-group.use-case.js';
import { DeleteGroup } from '../../application/groups/delete-group.use-case.js';
import { GetGroup } from '../../application/groups/get-group.query.js';
import { GroupTenant } from '../../application/groups/group-tenant.query.js';
import type { GroupView } from '../../application/groups/group.view.js';
import { ListGroupCapabilities } from '../../application/groups/list-group-capabilities.query.js';
import { ListGroupMembers } from '../../application/groups/list-group-members.query.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { RemoveGroupCapability } from '../../application/groups/remove-group-capability.use-case.js';
import { RemoveGroupMember } from '../../application/groups/remove-group-member.use-case.js';
import { UpdateGroup } from '../../application/groups/update-group.use-case.js';
import {
  ApsAddGroupCapabilitiesDto,
  ApsAdminGroupListQueryDto,
  ApsAdminGroupQueryDto,
  ApsAdminGroupUsersQueryDto,
  ApsCreateGroupDto,
  ApsUpdateGroupDto,
} from './aps-groups.dto.js';
import { ApsGroupLightUserPageResponse, ApsGroupPageResponse, ApsGroupResponse, ApsPotentialCapabilitiesResponse } from './aps-groups-response.dto.js';
import { type ApsGroup, type ApsLightUser, groupKind, toApsGroup, toApsLightUser } from './aps-groups.mapper.js';
import { APS_ENTERPRISE, ApsGroupAuth, ApsGroupErrorInterceptor, ApsIdPipe } from './aps-groups.support.js';

const ADMIN_ONLY = 'Tenant admins and tenant managers only (403 otherwise). ';
const BY_ID =
  'Groups of the caller\'s tenant, or of any tenant for a tenant manager; a malformed id answers 400, an unknown one (or, for a tenant admin, ' +
  'one of another tenant) 404. ';
/** The use cases answer at most this many items per call. */
const BATCH = 1000;

/** Seed 004 "Identity Management › Groups". */
@ApiTags('org-structure: groups')
@ApsGroupAuth()
@ApiApsErrors(400, 403)
@UseInterceptors(ApsGroupErrorInterceptor)
@Controller(`${APS_ENTERPRISE}/admin/groups`)
export class ApsAdminGroupsController {
  constructor(
    private readonly listGroups: ListGroups,
    private readonly getGroup: GetGroup,
    private readonly createGroup: CreateGroup,
    private readonly updateGroup: UpdateGroup,
    private readonly deleteGroup: DeleteGroup,
    private readonly listMembers: ListGroupMembers,
    private readonly addMember: AddGroupMember,
    private readonly removeMember: RemoveGroupMember,
    private readonly listCapabilities: ListGroupCapabilities,
    private readonly addCapabilities: AddGroupCapabilities,
    private readonly removeCapability: RemoveGroupCapability,
    private readonly groupTenant: GroupTenant,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List groups',
    description:
      ADMIN_ONLY +
      'Every group of the tenant (INACTIVE ones included), by name, in one page: the document gives no paging for this list. `functional=true`: ' +
      'functional groups only. `tenantId`: another tenant, tenant managers only. Items are group objects with `capabilities`, `users` and ' +
      '`groups` null (not loaded) and `userCount`. Alfresco\'s own server answers a bare array here; Meridian keeps the aps list shape ' +
      '{size,total,start,data} of design.md §5.',
  })
  @ApiOkResponse({ type: ApsGroupPageResponse })
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsAdminGroupListQueryDto): Promise<ApsPage<ApsGroup>> {
    const tenantId = q.tenantId !== undefined ? String(q.tenantId) : undefined;
    const items: GroupView[] = [];
    for (let total = Infinity; items.length < total; ) {
      const page = await this.listGroups.execute({ actor, tenantId, kind: q.functional ? 'functional' : undefined, offset: items.length, limit: BATCH });
      items.push(...page.items);
      total = page.items.length === 0 ? items.length : page.total;
    }
    return apsPage(0, items.length, items.map((g) => toApsGroup(g)));
  }

  @Get(':groupId')
  @ApiOperation({
    summary: 'Group details',
    description:
      ADMIN_ONLY +
      BY_ID +
      '`capabilities` [{id, name}] ([] for functional groups), `groups` its functional sub-groups, `users` its direct user members by user name. ' +
      '`includeAllUsers` (default true, as documented): false leaves `users` null, so that a large group is paged through ' +
      'admin/groups/{groupId}/users instead; `userCount` tells how many there are. `summary=true` loads nothing (all three null).',
  })
  @ApiOkResponse({ type: ApsGroupResponse })
  @ApiApsErrors(404)
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Query() q: ApsAdminGroupQueryDto,
  ): Promise<ApsGroup> {
    return this.details(actor, await this.getGroup.execute(await this.byId(actor, groupId)), { users: q.includeAllUsers !== false, summary: q.summary === true });
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a group',
    description:
      ADMIN_ONLY +
      '`name` is required and unique in the tenant, case-insensitively (409). `type` 0 system, 1 functional (default 1). `parentGroupId` only for ' +
      'functional groups (a system group with a parent: 400), and must be a functional group of the same tenant (400 otherwise). `tenantId`: ' +
      'default the caller\'s, another tenant needs a tenant manager. `externalId` and `status` (active|inactive, default active) are optional. ' +
      'Answers the created group with everything loaded.',
  })
  @ApiOkResponse({ type: ApsGroupResponse })
  @ApiApsErrors(409)
  async create(@CurrentPrincipal() actor: Principal, @Body() body: ApsCreateGroupDto): Promise<ApsGroup> {
    const tenantId = body.tenantId !== undefined ? String(body.tenantId) : undefined;
    const group = await this.createGroup.execute({
      actor,
      tenantId,
      title: body.name,
      kind: groupKind(body.type ?? 1),
      parentId: body.parentGroupId == null ? null : String(body.parentGroupId),
      externalId: body.externalId ?? null,
      status: body.status === 'inactive' ? 'INACTIVE' : 'ACTIVE',
    });
    return this.details(actor, group, { users: true, summary: false });
  }

  @Put(':groupId')
  @ApiOperation({
    summary: 'Update a group',
    description:
      ADMIN_ONLY +
      BY_ID +
      'The document allows only `name` (unique in the tenant, 409). Meridian also takes `parentGroupId` (a functional group of the same tenant, ' +
      'or null for top-level); a parent inside the group\'s own sub-tree answers 400 (cycle), as does a parent for a system group. Fields absent ' +
      'stay as they are. Answers the updated group with everything loaded.',
  })
  @ApiOkResponse({ type: ApsGroupResponse })
  @ApiApsErrors(404, 409)
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Body() body: ApsUpdateGroupDto,
  ): Promise<ApsGroup> {
    const parentId = body.parentGroupId === undefined ? undefined : body.parentGroupId === null ? null : String(body.parentGroupId);
    const group = await this.updateGroup.execute({ ...(await this.byId(actor, groupId)), title: body.name, parentId });
    return this.details(actor, group, { users: true, summary: false });
  }

  @Delete(':groupId')
  @ApiOperation({
    summary: 'Delete a group',
    description: ADMIN_ONLY + BY_ID + 'Its memberships and capabilities go with it (members lose the capabilities at once); its sub-groups become top-level. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the group is deleted.' })
  @ApiApsErrors(404)
  async remove(@CurrentPrincipal() actor: Principal, @Param('groupId', new ApsIdPipe('groupId')) groupId: string): Promise<void> {
    await this.deleteGroup.execute(await this.byId(actor, groupId));
  }

  @Post(':groupId/members/:userId')
  @HttpCode(200)
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Add a user to the group',
    description:
      ADMIN_ONLY +
      BY_ID +
      'Unknown user (or one of another tenant): 404 naming userId; already a member: 409. Joining a system group grants its capabilities from the ' +
      'next request on, so the caller must hold them all (403 otherwise). 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the user is a member.' })
  @ApiApsErrors(404, 409)
  async addUser(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Param('userId', new ApsIdPipe('userId')) userId: string,
  ): Promise<void> {
    await this.addMember.execute({ ...(await this.byId(actor, groupId)), member: { type: 'user', id: userId } });
  }

  @Delete(':groupId/members/:userId')
  @ApiOperation({
    summary: 'Remove a user from the group',
    description: ADMIN_ONLY + BY_ID + 'A user who is not a member: 404 naming userId. Capabilities of a system group leave with the membership. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the user is no longer a member.' })
  @ApiApsErrors(404)
  async removeUser(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Param('userId', new ApsIdPipe('userId')) userId: string,
  ): Promise<void> {
    await this.removeMember.execute({ ...(await this.byId(actor, groupId)), member: { type: 'user', id: userId } });
  }

  @Get(':groupId/users')
  @ApiOperation({
    summary: 'Users of the group, paged',
    description:
      ADMIN_ONLY +
      BY_ID +
      'Direct user members by user name, as {size,total,start,data} of {id, firstName, lastName, email}. Paging by `page` (zero-based) and ' +
      '`pageSize` (default 25), the parameter names the document gives for this call; `start` in the answer is the offset of the first item. ' +
      '`filter` matches first name, last name or user name.',
  })
  @ApiOkResponse({ type: ApsGroupLightUserPageResponse })
  @ApiApsErrors(404)
  async users(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Query() q: ApsAdminGroupUsersQueryDto,
  ): Promise<ApsPage<ApsLightUser>> {
    const limit = q.pageSize ?? 25;
    const offset = (q.page ?? 0) * limit;
    const page = await this.listMembers.execute({ ...(await this.byId(actor, groupId)), filter: q.filter, offset, limit });
    return apsPage(offset, page.total, page.items.map(toApsLightUser));
  }

  @Get(':groupId/potential-capabilities')
  @ApiOperation({
    summary: 'Capabilities the group could get',
    description:
      ADMIN_ONLY +
      BY_ID +
      'Names of the capabilities a system group does not have yet, as {size,total,start,data}; the document does not show this answer. ' +
      'A functional group carries no capabilities, so its list is empty.',
  })
  @ApiOkResponse({ type: ApsPotentialCapabilitiesResponse })
  @ApiApsErrors(404)
  async potentialCapabilities(@CurrentPrincipal() actor: Principal, @Param('groupId', new ApsIdPipe('groupId')) groupId: string): Promise<ApsPage<string>> {
    const names = (await this.listCapabilities.execute({ ...(await this.byId(actor, groupId)), which: 'potential' })).map((c) => c.name);
    return apsPage(0, names.length, names);
  }

  @Post(':groupId/capabilities')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add capabilities to a system group',
    description:
      ADMIN_ONLY +
      BY_ID +
      'Body {capabilities: [names]} from potential-capabilities; names the group has already are ignored. A functional group (400), an unknown ' +
      'name (400, field capabilities) or a capability the caller does not hold (403) changes nothing. The members hold the capabilities from ' +
      'their next request on. 200 with an empty body; GET the group for the new groupCapabilityIds.',
  })
  @ApiOkResponse({ description: 'Empty body; the group carries the capabilities.' })
  @ApiApsErrors(404)
  async addCapabilitiesToGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Body() body: ApsAddGroupCapabilitiesDto,
  ): Promise<void> {
    await this.addCapabilities.execute({ ...(await this.byId(actor, groupId)), capabilities: body.capabilities });
  }

  @Delete(':groupId/capabilities/:groupCapabilityId')
  @ApiOperation({
    summary: 'Remove a capability from a group',
    description:
      ADMIN_ONLY + BY_ID + '`groupCapabilityId` is the `id` in the group\'s `capabilities`; unknown for this group: 404. The members lose it from their next request on. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the capability is removed.' })
  @ApiApsErrors(404)
  async removeCapabilityFromGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Param('groupCapabilityId', new ApsIdPipe('groupCapabilityId')) capabilityId: string,
  ): Promise<void> {
    await this.removeCapability.execute({ ...(await this.byId(actor, groupId)), capabilityId });
  }

  /** Who asks about which group, in the tenant that group is reached in (GroupTenant). */
  private async byId(actor: Principal, groupId: string): Promise<{ actor: Principal; tenantId: string; groupId: string }> {
    return { actor, tenantId: await this.groupTenant.execute({ actor, groupId }), groupId };
  }

  /** The group with its capabilities, functional sub-groups and (all) direct users, each loaded through its use case. */
  private async details(actor: Principal, group: GroupView, load: { users: boolean; summary: boolean }): Promise<ApsGroup> {
    if (load.summary) return toApsGroup(group);
    const tenantId = group.tenantId;
    const capabilities = await this.listCapabilities.execute({ actor, tenantId, groupId: group.id, which: 'assigned' });
    const children = await this.listGroups.execute({ actor, tenantId, parentId: group.id, limit: BATCH });
    let users: UserSummary[] | undefined;
    if (load.users) {
      users = [];
      for (let total = Infinity; users.length < total; ) {
        const page = await this.listMembers.execute({ actor, tenantId, groupId: group.id, offset: users.length, limit: BATCH });
        users.push(...page.items);
        total = page.items.length === 0 ? users.length : page.total;
      }
    }
    return toApsGroup(group, { capabilities, users, groups: children.items });
  }
}
