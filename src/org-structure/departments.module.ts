import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { AssignUserToDepartment } from './application/departments/assign-user-to-department.use-case.js';
import { CreateDepartment } from './application/departments/create-department.use-case.js';
import { DepartmentMemberships } from './application/departments/department-memberships.js';
import { DeleteDepartment } from './application/departments/delete-department.use-case.js';
import { DepartmentViews } from './application/departments/department-views.js';
import { GetDepartment } from './application/departments/get-department.query.js';
import { LeaveDepartmentOnUserDeleted } from './application/departments/leave-department-on-user-deleted.handler.js';
import { ListAvailableUsers } from './application/departments/list-available-users.query.js';
import { ListDepartmentTree } from './application/departments/list-department-tree.query.js';
import { ListDepartmentUsers } from './application/departments/list-department-users.query.js';
import { ManagerOfUserQuery } from './application/departments/manager-of-user.query.js';
import { SetDepartmentManager } from './application/departments/set-department-manager.use-case.js';
import { UnassignUserFromDepartment } from './application/departments/unassign-user-from-department.use-case.js';
import { UpdateDepartment } from './application/departments/update-department.use-case.js';
import { DepartmentUserOrgInfoSource } from './application/departments/user-org-info.source.js';
import { DepartmentWorkspacePipe } from './http/pm3/department-params.pipe.js';
import { Pm3DepartmentUsersController } from './http/pm3/department-users.controller.js';
import { Pm3DepartmentsController } from './http/pm3/departments.controller.js';
import { DepartmentRepository } from './infrastructure/department.repository.js';

/** The department tree, its managers and memberships, with their endpoints. */
@Module({
  imports: [IdentityModule],
  controllers: [Pm3DepartmentsController, Pm3DepartmentUsersController],
  providers: [
    DepartmentRepository,
    DepartmentViews,
    DepartmentMemberships,
    DepartmentWorkspacePipe,
    DepartmentUserOrgInfoSource,
    ManagerOfUserQuery,
    ListDepartmentTree,
    GetDepartment,
    CreateDepartment,
    UpdateDepartment,
    DeleteDepartment,
    ListDepartmentUsers,
    ListAvailableUsers,
    AssignUserToDepartment,
    UnassignUserFromDepartment,
    SetDepartmentManager,
    LeaveDepartmentOnUserDeleted,
  ],
  exports: [ManagerOfUserQuery],
})
export class OrgDepartmentsModule {}
