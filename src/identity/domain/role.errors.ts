import { DomainError } from '../../../libs/kernel/domain-error.js';

/** Coded errors of roles and their permissions; each dialect's filter renders them. */
export const RoleErrors = {
  roleNotFound: (id: string) =>
    DomainError.notFound('IDENTITY.ROLE_ID_NOT_FOUND', `Role ${id} does not exist`, { field: 'roleId', value: id }),
  codeTaken: (code: string) =>
    DomainError.conflict('IDENTITY.ROLE_CODE_TAKEN', `The role code '${code}' already exists`, { field: 'code', value: code }),
  predefinedRoleFixed: (code: string) =>
    DomainError.validation('IDENTITY.PREDEFINED_ROLE_FIXED', `The predefined role "${code}" can not be changed or deleted`, { field: 'roleId', value: code }),
  roleHasUsers: () =>
    DomainError.validation('IDENTITY.ROLE_HAS_USERS', 'This role cannot be deleted while it still has some assigned users.', { field: 'roleId' }),
  adminPermissionsFixed: () =>
    DomainError.validation('IDENTITY.ADMIN_ROLE_PERMISSIONS_FIXED', 'The permissions of the "PROCESSMAKER_ADMIN" role can not be changed.', { field: 'roleId' }),
  permissionNotFound: (id: string) =>
    DomainError.notFound('IDENTITY.PERMISSION_NOT_FOUND', `Permission ${id} does not exist`, { field: 'permissionId', value: id }),
  permissionAlreadyAssigned: (id: string) =>
    DomainError.conflict('IDENTITY.PERMISSION_ALREADY_ASSIGNED', `Permission ${id} is already assigned to the role`, { field: 'permissionId', value: id }),
  permissionNotAssigned: (id: string) =>
    DomainError.validation('IDENTITY.PERMISSION_NOT_ASSIGNED', `Permission ${id} is not assigned to the role`, { field: 'permissionId', value: id }),
  userAlreadyInRole: (userId: string) =>
    DomainError.conflict('IDENTITY.USER_ALREADY_IN_ROLE', `User ${userId} is already assigned to the role`, { field: 'userId', value: userId }),
  userNotInRole: (userId: string) =>
    DomainError.validation('IDENTITY.USER_NOT_IN_ROLE', `User ${userId} is not assigned to the role`, { field: 'userId', value: userId }),
  operatorIsFallback: () =>
    DomainError.validation(
      'IDENTITY.OPERATOR_ROLE_IS_FALLBACK',
      'Users cannot be unassigned from the Operator role, which is the role every unassigned user falls back to; assign the user to another role instead',
      { field: 'roleId' },
    ),
  cannotGrantUnheld: (codes: readonly string[]) =>
    DomainError.forbidden('IDENTITY.CANNOT_GRANT_UNHELD', `You cannot grant permissions you do not hold yourself (${codes.join(', ')})`),
};
