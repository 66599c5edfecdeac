import { Module } from '@nestjs/common';
import { AssignPermissionToRole } from '../../application/roles/assign-permission-to-role.use-case.js';
import { AssignUserToRole } from '../../application/roles/assign-user-to-role.use-case.js';
import { CreateRole } from '../../application/roles/create-role.use-case.js';
import { DeleteRole } from '../../application/roles/delete-role.use-case.js';
import { GetRole } from '../../application/roles/get-role.query.js';
import { ListRolePermissions } from '../../application/roles/list-role-permissions.query.js';
import { ListRoleUsers } from '../../application/roles/list-role-users.query.js';
import { ListRoles } from '../../application/roles/list-roles.query.js';
import { UnassignPermissionFromRole } from '../../application/roles/unassign-permission-from-role.use-case.js';
import { UnassignUserFromRole } from '../../application/roles/unassign-user-from-role.use-case.js';
import { UpdateRole } from '../../application/roles/update-role.use-case.js';
import { IdentityCoreModule } from '../../identity-core.module.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { Pm3WorkspacePipe } from './pm3-params.pipe.js';
import { Pm3RoleMembersController } from './pm3-role-members.controller.js';
import { Pm3RolesController } from './pm3-roles.controller.js';
import { Pm3UsersController } from './pm3-users.controller.js';

/** Identity endpoints of the pm3 dialect: controllers here, shared use cases from IdentityCoreModule. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [Pm3UsersController, Pm3RolesController, Pm3RoleMembersController],
  providers: [
    RoleRepository,
    Pm3WorkspacePipe,
    ListRoles,
    GetRole,
    CreateRole,
    UpdateRole,
    DeleteRole,
    ListRoleUsers,
    AssignUserToRole,
    UnassignUserFromRole,
    ListRolePermissions,
    AssignPermissionToRole,
    UnassignPermissionFromRole,
  ],
})
export class IdentityPm3Module {}
