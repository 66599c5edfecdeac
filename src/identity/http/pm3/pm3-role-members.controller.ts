import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { AssignPermissionToRole } from '../../application/roles/assign-permission-to-role.use-case.js';
import { AssignUserToRole } from '../../application/roles/assign-user-to-role.use-case.js';
import { ListRolePermissions } from '../../application/roles/list-role-permissions.query.js';
import { ListRoleUsers } from '../../application/roles/list-role-users.query.js';
import { UnassignPermissionFromRole } from '../../application/roles/unassign-permission-from-role.use-case.js';
import { UnassignUserFromRole } from '../../application/roles/unassign-user-from-role.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { Pm3ErrorWordingInterceptor } from './pm3-error-wording.interceptor.js';
import { Pm3ListQueryDto } from '../../../../libs/dialects/pm3-paging.dto.js';
import { Pm3IdPipe, Pm3WorkspacePipe } from './pm3-params.pipe.js';
import { type Pm3Permission, toPm3Permission } from './pm3-role.mapper.js';
import { Pm3AssignPermissionDto, Pm3AssignUserDto, Pm3PermissionResponse } from './pm3-roles.dto.js';
import { type Pm3UserSummary, toPm3UserSummary } from './pm3-user.mapper.js';
import { Pm3UserSummaryResponse } from './pm3-users.dto.js';

const ACCESS = 'Needs PM_USERS, PM_SETUP_ADVANCE or tenant administration.';

@ApiTags('pm3 identity: roles')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(Pm3ErrorWordingInterceptor)
@Controller('api/1.0/:workspace/role/:rol_uid')
export class Pm3RoleMembersController {
  constructor(
    private readonly listRoleUsers: ListRoleUsers,
    private readonly assignUser: AssignUserToRole,
    private readonly unassignUser: UnassignUserFromRole,
    private readonly listRolePermissions: ListRolePermissions,
    private readonly assignPermission: AssignPermissionToRole,
    private readonly unassignPermission: UnassignPermissionFromRole,
  ) {}

  @Get('users')
  @ApiOperation({
    summary: 'Users with the role',
    description: `Ordered by username (the document gives no order); \`filter\` matches first name, last name or username. [] when none. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3UserSummaryResponse] })
  users(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3UserSummary[]> {
    return this.roleUsers(actor, tenantId, roleId, 'assigned', query);
  }

  @Get('available-users')
  @ApiOperation({
    summary: 'Users that could be moved to the role',
    description: `Users holding another role (or none), ordered by username; the admin user is listed but cannot be moved. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3UserSummaryResponse] })
  availableUsers(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3UserSummary[]> {
    return this.roleUsers(actor, tenantId, roleId, 'available', query);
  }

  @Post('user')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Assign a user to the role',
    description:
      '201 with no body. A user has one role, so this moves them from their old one. The admin user\'s role cannot change (400); ' +
      `a user already in the role is a 400; a caller cannot hand out a role that grants more than they hold (403). ${ACCESS}`,
  })
  @ApiCreatedResponse({ description: 'Empty body; the user now holds the role.' })
  async addUser(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Body() dto: Pm3AssignUserDto,
  ): Promise<void> {
    await this.assignUser.execute({ actor, tenantId, roleId, userId: pm3Id.decode(dto.usr_uid, 'usr_uid') });
  }

  @Delete('user/:usr_uid')
  @ApiOperation({
    summary: 'Unassign a user from the role',
    description:
      'ProcessMaker leaves the user without a role; Meridian moves them to PROCESSMAKER_OPERATOR instead, the role with the least access, ' +
      'so unassigning from the Operator role itself is a 400. Not in the role: 400. 200 with no body. ' + ACCESS,
  })
  @ApiOkResponse({ description: 'Empty body; the user now holds PROCESSMAKER_OPERATOR.' })
  async removeUser(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Param('usr_uid', new Pm3IdPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.unassignUser.execute({ actor, tenantId, roleId, userId });
  }

  @Get('permissions')
  @ApiOperation({
    summary: 'Permissions of the role',
    description:
      'ProcessMaker permissions only (PM_*), by per_uid; Alfresco capabilities and Questetra authorities that a role may also grant ' +
      `are not listed. \`filter\` matches permission codes. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3PermissionResponse] })
  permissions(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3Permission[]> {
    return this.rolePermissions(actor, tenantId, roleId, 'assigned', query);
  }

  @Get('available-permissions')
  @ApiOperation({ summary: 'Permissions the role does not have yet', description: `Same shape and parameters as /permissions. ${ACCESS}` })
  @ApiOkResponse({ type: [Pm3PermissionResponse] })
  availablePermissions(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3Permission[]> {
    return this.rolePermissions(actor, tenantId, roleId, 'available', query);
  }

  @Post('permission')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Assign a permission to the role',
    description:
      '201 with no body. Already assigned: 400. PROCESSMAKER_ADMIN holds every permission and cannot change (400). The other predefined ' +
      `roles are shared by all workspaces, so only a tenant manager may change them (403). Nobody grants a permission they lack (403). ${ACCESS}`,
  })
  @ApiCreatedResponse({ description: 'Empty body; the role has the permission.' })
  async addPermission(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Body() dto: Pm3AssignPermissionDto,
  ): Promise<void> {
    await this.assignPermission.execute({ actor, tenantId, roleId, permissionId: pm3Id.decode(dto.per_uid, 'per_uid') });
  }

  @Delete('permission/:per_uid')
  @ApiOperation({
    summary: 'Unassign a permission from the role',
    description: `200 with no body. Never allowed on PROCESSMAKER_ADMIN (400); not assigned: 400. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the permission is removed from the role.' })
  async removePermission(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Param('per_uid', new Pm3IdPipe('per_uid')) permissionId: string,
  ): Promise<void> {
    await this.unassignPermission.execute({ actor, tenantId, roleId, permissionId });
  }

  private async roleUsers(
    actor: Principal,
    tenantId: string,
    roleId: string,
    which: 'assigned' | 'available',
    query: Pm3ListQueryDto,
  ): Promise<Pm3UserSummary[]> {
    const users = await this.listRoleUsers.execute({ actor, tenantId, roleId, which, filter: query.filter, offset: query.start, limit: query.limit });
    return users.map(toPm3UserSummary);
  }

  private async rolePermissions(
    actor: Principal,
    tenantId: string,
    roleId: string,
    which: 'assigned' | 'available',
    query: Pm3ListQueryDto,
  ): Promise<Pm3Permission[]> {
    const permissions = await this.listRolePermissions.execute({
      actor,
      tenantId,
      roleId,
      which,
      codeFilter: query.filter,
      offset: query.start,
      limit: query.limit,
    });
    return permissions.map(toPm3Permission);
  }
}
