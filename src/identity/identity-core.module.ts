import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthenticateUser } from './application/authenticate-user.use-case.js';
import { BootstrapPlatform } from './application/bootstrap-platform.use-case.js';
import { ResolveWorkspace } from './application/tenants/resolve-workspace.query.js';
import { LoginThrottle } from './application/login-throttle.js';
import { ChangeOwnPassword } from './application/users/change-own-password.use-case.js';
import { CreateUser } from './application/users/create-user.use-case.js';
import { DeleteUser } from './application/users/delete-user.use-case.js';
import { GetUser } from './application/users/get-user.query.js';
import { ListUsers } from './application/users/list-users.query.js';
import { OrganizationMembers } from './application/users/organization-members.js';
import { UpdateUser } from './application/users/update-user.use-case.js';
import { ProfileGroupsQuery } from './application/users/profile-groups.query.js';
import { ProfilePicturesQuery } from './application/users/profile-pictures.query.js';
import { UserOrgInfoQuery } from './application/users/user-org-info.query.js';
import { IdentityApi } from './identity.api.js';
import { PasswordHasher } from './infrastructure/password-hasher.js';
import { PermissionEntity } from './infrastructure/permission.entity.js';
import { PrincipalLoader } from './infrastructure/principal.loader.js';
import { RoleEntity } from './infrastructure/role.entity.js';
import { TenantEntity } from './infrastructure/tenant.entity.js';
import { UserEntity } from './infrastructure/user.entity.js';
import { UserRepository } from './infrastructure/user.repository.js';

const shared = [
  PasswordHasher,
  PrincipalLoader,
  LoginThrottle,
  AuthenticateUser,
  BootstrapPlatform,
  IdentityApi,
  ResolveWorkspace,
  UserRepository,
  CreateUser,
  UpdateUser,
  DeleteUser,
  GetUser,
  ListUsers,
  OrganizationMembers,
  ChangeOwnPassword,
  UserOrgInfoQuery,
  ProfileGroupsQuery,
  ProfilePicturesQuery,
];

/** The identity use cases and repositories that every dialect's controllers share. */
@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([TenantEntity, UserEntity, RoleEntity, PermissionEntity])],
  providers: shared,
  exports: [PassportModule, ...shared],
})
export class IdentityCoreModule {}
