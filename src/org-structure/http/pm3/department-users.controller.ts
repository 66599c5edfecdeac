import { Body, Controller, Get, HttpCode, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AssignUserToDepartment } from '../../application/departments/assign-user-to-department.use-case.js';
import { ListAvailableUsers } from '../../application/departments/list-available-users.query.js';
import { ListDepartmentUsers } from '../../application/departments/list-department-users.query.js';
import { SetDepartmentManager } from '../../application/departments/set-department-manager.use-case.js';
import { UnassignUserFromDepartment } from '../../application/departments/unassign-user-from-department.use-case.js';
import { DepartmentErrorWordingInterceptor } from './department-error-wording.interceptor.js';
import { DepartmentUidPipe, DepartmentWorkspacePipe } from './department-params.pipe.js';
import { Pm3AssignDepartmentUserDto, Pm3DepartmentMemberResponse, Pm3DepartmentUserResponse } from './department.dto.js';
import { type Pm3DepartmentMember, type Pm3DepartmentUser, toPm3DepartmentMember, toPm3DepartmentUser } from './department.mapper.js';

const ACCESS = 'Needs PM_USERS, PM_SETUP_ADVANCE or tenant administration (operators get 403).';
const ASSIGN =
  'A user in another department is moved here (a user belongs to one department); a manager who moves leaves their old department ' +
  'without a manager. The first user assigned to a department without a manager becomes its manager. Assigning a member again changes nothing.';

@ApiTags('pm3 org-structure: departments')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(DepartmentErrorWordingInterceptor)
@Controller('api/1.0/:workspace/department/:dep_uid')
export class Pm3DepartmentUsersController {
  constructor(
    private readonly listUsers: ListDepartmentUsers,
    private readonly listAvailable: ListAvailableUsers,
    private readonly assignUser: AssignUserToDepartment,
    private readonly unassignUser: UnassignUserFromDepartment,
    private readonly setManager: SetDepartmentManager,
  ) {}

  @Get('assigned-user')
  @ApiOperation({ summary: 'Users of the department', description: `Ordered by username; \`usr_supervisor\` marks the manager. ${ACCESS}` })
  @ApiOkResponse({ type: [Pm3DepartmentMemberResponse] })
  async assigned(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
  ): Promise<Pm3DepartmentMember[]> {
    return (await this.listUsers.execute({ actor, tenantId, departmentId })).map(toPm3DepartmentMember);
  }

  @Get('available-user')
  @ApiOperation({
    summary: 'Users that can be assigned to the department',
    description: `Every user in no department at all, INACTIVE and VACATION ones included, ordered by username. ${ACCESS}`,
  })
  @ApiOkResponse({ type: [Pm3DepartmentUserResponse] })
  async available(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
  ): Promise<Pm3DepartmentUser[]> {
    return (await this.listAvailable.execute({ actor, tenantId, departmentId })).map(toPm3DepartmentUser);
  }

  @Put('assign-user/:usr_uid')
  @ApiNoRequestBody()
  @ApiOperation({ summary: 'Assign a user to the department (ProcessMaker 2.8)', description: `200 with no body. ${ASSIGN} ${ACCESS}` })
  @ApiOkResponse({ description: 'Empty body; the user is a member of the department.' })
  async assignByPath(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
    @Param('usr_uid', new DepartmentUidPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.assignUser.execute({ actor, tenantId, departmentId, userId });
  }

  @Post('assign-user')
  @HttpCode(201)
  @ApiOperation({ summary: 'Assign a user to the department (ProcessMaker 3.0+)', description: `201 with no body. ${ASSIGN} ${ACCESS}` })
  @ApiCreatedResponse({ description: 'Empty body; the user is a member of the department.' })
  async assignByBody(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
    @Body() dto: Pm3AssignDepartmentUserDto,
  ): Promise<void> {
    await this.assignUser.execute({ actor, tenantId, departmentId, userId: pm3Id.decode(dto.usr_uid, 'usr_uid') });
  }

  @Put('unassign-user/:usr_uid')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Unassign a user from the department',
    description:
      '200 with no body. A user who is not a member is a 400. Unassigning the manager leaves the department without a manager ' +
      `(nobody is promoted); the next user assigned becomes manager. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the user is in no department.' })
  async unassign(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
    @Param('usr_uid', new DepartmentUidPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.unassignUser.execute({ actor, tenantId, departmentId, userId });
  }

  @Put('set-manager/:usr_uid')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Set the manager (supervisor) of the department',
    description:
      '200 with no body. Members and the managers of sub-departments report to this user. The user must be a member of the ' +
      `department or in no department (then they join it); a member of another department is a 400. ${ACCESS}`,
  })
  @ApiOkResponse({ description: 'Empty body; the user manages the department.' })
  async manager(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', DepartmentWorkspacePipe) tenantId: string,
    @Param('dep_uid', new DepartmentUidPipe('dep_uid')) departmentId: string,
    @Param('usr_uid', new DepartmentUidPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.setManager.execute({ actor, tenantId, departmentId, userId });
  }
}
