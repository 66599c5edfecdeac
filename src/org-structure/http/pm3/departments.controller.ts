import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { CreateDepartment } from '../../application/departments/create-department.use-case.js';
import { DeleteDepartment } from '../../application/departments/delete-department.use-case.js';
import { GetDepartment } from '../../application/departments/get-department.query.js';
import { ListDepartmentTree } from '../../application/departments/list-department-tree.query.js';
import { UpdateDepartment } from '../../application/departments/update-department.use-case.js';
import { DepartmentErrorWordingInterceptor } from './department-error-wording.interceptor.js';
import { DepartmentUidPipe, DepartmentWorkspacePipe, optionalUid } from './department-params.pipe.js';
import { Pm3CreateDepartmentDto, Pm3DepartmentResponse, Pm3DepartmentTreeResponse, Pm3UpdateDepartmentDto } from './department.dto.js';
import { type Pm3Department, type Pm3DepartmentTree, toPm3Department, toPm3DepartmentTree } from './department.mapper.js';

const ACCESS = 'Needs PM_USERS, PM_SETUP_ADVANCE or tenant administration (operators get 403).';

@ApiTags('pm3 org-structure: departments')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(DepartmentErrorWordingInterceptor)
@Controller('api/1.0/:workspace')
export class Pm3DepartmentsController {
  constructor(
    private readonly listTree: ListDepartmentTree,
    private readonly getDepartment: GetDepartment,
    private readonly createDepartment: CreateDepartment,
    private readonly updateDepartment: UpdateDepartment,
    private readonly deleteDepartment: DeleteDepartment,
  ) {}

  @Get('departments')
  @ApiOperation({
    summary: 'The department tree',
    description:
      'Top-level departments with their sub-departments nested in `dep_children` (recursively), INACTIVE ones included; siblings are ' +
      `ordered by title, and \`dep_last\` is 1 on the last of each array. No filter or paging (none is documented). ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3DepartmentTreeResponse] })
  async list(@CurrentPrincipal() actor: Principal, @Param('workspace', DepartmentWorkspacePipe) tenantId: string): Promise<Pm3DepartmentTree[]> {
    return (await this.listTree.execute({ actor, tenantId })).map(toPm3DepartmentTree);
  }

  @Get('department/:dep_uid')
  @ApiOperation({ summary: 'Get a department', description: `The department object of the tree, without \`dep_children\`. ${ACCESS}` })
  @ApiOkResponse({ type: Pm3DepartmentResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
  ): Promise<Pm3Department> {
    return toPm3Department(await this.getDepartment.execute({ actor, tenantId, departmentId }));
  }

  @Post('department')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a department',
    description:
      '201 with the department. dep_title must be unique in the workspace; dep_parent "" or absent makes a top-level department; ' +
      'dep_status defaults to ACTIVE. A dep_manager in no department joins this one as its manager; a member of another department ' +
      'is refused (a user belongs to one department). ProcessMaker always answers dep_last 0 here (a documented bug); Meridian answers ' +
      `the real value. ${ACCESS}`,
  })
  @ApiCreatedResponse({ type: Pm3DepartmentResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Body() dto: Pm3CreateDepartmentDto,
  ): Promise<Pm3Department> {
    const departmentId = await this.createDepartment.execute({
      actor,
      tenantId,
      title: dto.dep_title,
      parentId: optionalUid(dto.dep_parent, 'dep_parent') ?? null,
      managerId: optionalUid(dto.dep_manager, 'dep_manager') ?? null,
      status: dto.dep_status,
    });
    return toPm3Department(await this.getDepartment.execute({ actor, tenantId, departmentId }));
  }

  @Put('department/:dep_uid')
  @ApiOperation({
    summary: 'Update a department',
    description:
      'Only the fields sent change (form-encoded or JSON); 200 with no body. dep_parent "" makes it top-level, and may not be the ' +
      'department itself or one of its sub-departments; dep_manager "" leaves it without a manager (who stays a member). ' + ACCESS,
  })
  @ApiOkResponse({ description: 'Empty body; the department is updated.' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
    @Body() dto: Pm3UpdateDepartmentDto,
  ): Promise<void> {
    await this.updateDepartment.execute({
      actor,
      tenantId,
      departmentId,
      title: dto.dep_title,
      parentId: optionalUid(dto.dep_parent, 'dep_parent'),
      managerId: optionalUid(dto.dep_manager, 'dep_manager'),
      status: dto.dep_status,
    });
  }

  @Delete('department/:dep_uid')
  @ApiOperation({
    summary: 'Delete a department',
    description:
      '200 with no body. Refused (400) while users are assigned ("Department cannot be deleted while has assigned users.") or while it ' +
      `has sub-departments. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the department is deleted.' })
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
  ): Promise<void> {
    await this.deleteDepartment.execute({ actor, tenantId, departmentId });
  }
}
