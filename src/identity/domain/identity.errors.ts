import { DomainError } from '../../../libs/kernel/domain-error.js';

/** Coded errors of the identity context; each dialect's filter renders them. */
export const IdentityErrors = {
  userNotFound: (id: string, field = 'userId') =>
    DomainError.notFound('IDENTITY.USER_NOT_FOUND', `User with id ${id} does not exist`, { field, value: id }),
  userWithEmailNotFound: (email: string, field = 'email') =>
    DomainError.notFound('IDENTITY.USER_NOT_FOUND', `User with e-mail ${email} does not exist`, { field, value: email }),
  userKeyRequired: (fields: readonly string[]) =>
    DomainError.validation('IDENTITY.USER_KEY_REQUIRED', `One of ${fields.join(', ')} is required`, { field: fields[0] }),
  malformedEmail: (email: string, field = 'email') =>
    DomainError.validation('IDENTITY.MALFORMED_EMAIL', `'${email}' is not a valid e-mail address`, { field, value: email }),
  unsupportedFilter: (field: string, value: unknown, why: string) =>
    DomainError.validation('IDENTITY.UNSUPPORTED_FILTER', `${field} is not supported yet: ${why}`, { field, value }),
  usernameTaken: (username: string) =>
    DomainError.conflict('IDENTITY.USERNAME_TAKEN', `Username '${username}' already exists`, { field: 'username', value: username }),
  emailTaken: (email: string) =>
    DomainError.conflict('IDENTITY.EMAIL_TAKEN', `E-mail '${email}' is already used by another user`, { field: 'email', value: email }),
  roleNotFound: (role: string) =>
    DomainError.validation('IDENTITY.ROLE_NOT_FOUND', `Role '${role}' does not exist`, { field: 'role', value: role }),
  replacementNotFound: (id: string) =>
    DomainError.validation('IDENTITY.REPLACEMENT_NOT_FOUND', `Replacement user ${id} does not exist`, { field: 'replacedBy', value: id }),
  replacementIsSelf: () =>
    DomainError.validation('IDENTITY.REPLACEMENT_IS_SELF', 'A user cannot be their own replacement', { field: 'replacedBy' }),
  adminRoleFixed: () =>
    DomainError.validation('IDENTITY.ADMIN_ROLE_FIXED', 'The role of the administrator can not be changed!', { field: 'role' }),
  adminUndeletable: () =>
    DomainError.validation('IDENTITY.ADMIN_UNDELETABLE', 'The administrator cannot be deleted', { field: 'userId' }),
  selfDelete: () => DomainError.validation('IDENTITY.SELF_DELETE', 'You cannot delete yourself', { field: 'userId' }),
  tenantNotFound: (id: string) =>
    DomainError.notFound('IDENTITY.TENANT_NOT_FOUND', `Tenant with id ${id} does not exist`, { field: 'tenantId', value: id }),
  wrongPassword: () =>
    DomainError.validation('IDENTITY.WRONG_PASSWORD', 'The current password is not correct', { field: 'oldPassword' }),
  weakPassword: (field: string) =>
    DomainError.validation('IDENTITY.WEAK_PASSWORD', 'A password must be 8 to 1024 characters long', { field }),
};

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 8 || password.length > 1024) throw IdentityErrors.weakPassword(field);
}
