import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRole } from '../../application/roles/create-role.use-case.js';
import { DeleteRole } from '../../application/roles/delete-role.use-case.js';
import { GetRole } from '../../application/roles/get-role.query.js';
import { ListRoles } from '../../application/roles/list-roles.query.js';
import { UpdateRole } from '../../application/roles/update-role.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { Pm3ErrorWordingInterceptor } from './pm3-error-wording.interceptor.js';
import { Pm3ListQueryDto } from '../../../../libs/dialects/pm3-paging.dto.js';
import { Pm3IdPipe, Pm3WorkspacePipe } from './pm3-params.pipe.js';
import { type Pm3Role, toPm3Role } from './pm3-role.mapper.js';
import { Pm3CreateRoleDto, Pm3RoleResponse, Pm3UpdateRoleDto } from './pm3-roles.dto.js';

const ACCESS = 'Needs PM_USERS, PM_SETUP_ADVANCE or tenant administration.';

@ApiTags('pm3 identity: roles')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(Pm3ErrorWordingInterceptor)
@Controller('api/1.0/:workspace')
export class Pm3RolesController {
  constructor(
    private readonly listRoles: ListRoles,
    private readonly getRole: GetRole,
    private readonly createRole: CreateRole,
    private readonly updateRole: UpdateRole,
    private readonly deleteRole: DeleteRole,
  ) {}

  @Get('roles')
  @ApiOperation({
    summary: 'List roles',
    description:
      'The predefined roles and the workspace\'s own, in the order they were created (the document gives no order). `filter` matches ' +
      `role codes only, case-insensitively. Without \`limit\` at most 1000 roles. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3RoleResponse] })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3Role[]> {
    const roles = await this.listRoles.execute({ actor, tenantId, codeFilter: query.filter, offset: query.start, limit: query.limit });
    return roles.map(toPm3Role);
  }

  @Get('role/:rol_uid')
  @ApiOperation({ summary: 'Get a role', description: `Unknown uid: 400 "The role with rol_uid: ... does not exist." ${ACCESS}` })
  @ApiOkResponse({ type: Pm3RoleResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
  ): Promise<Pm3Role> {
    return toPm3Role(await this.getRole.execute({ actor, tenantId, roleId }));
  }

  @Post('role')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a role',
    description: `201 with the role. Codes are unique, case-insensitively, among the workspace's roles and the predefined ones (400). ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: Pm3RoleResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Body() dto: Pm3CreateRoleDto,
  ): Promise<Pm3Role> {
    return toPm3Role(await this.createRole.execute({ actor, tenantId, code: dto.rol_code, name: dto.rol_name, status: dto.rol_status }));
  }

  @Put('role/:rol_uid')
  @ApiOperation({
    summary: 'Update a role',
    description: `200 with no body. The predefined roles (uids ...02, ...03, ...04) cannot be changed (400). ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the role is updated.' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
    @Body() dto: Pm3UpdateRoleDto,
  ): Promise<void> {
    await this.updateRole.execute({ actor, tenantId, roleId, code: dto.rol_code, name: dto.rol_name, status: dto.rol_status });
  }

  @Delete('role/:rol_uid')
  @ApiOperation({
    summary: 'Delete a role',
    description: `200 with no body. Refused (400) while users hold the role, and always for the predefined roles. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the role is deleted.' })
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('rol_uid', new Pm3IdPipe('rol_uid')) roleId: string,
  ): Promise<void> {
    await this.deleteRole.execute({ actor, tenantId, roleId });
  }
}
