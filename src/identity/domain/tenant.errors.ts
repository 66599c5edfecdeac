import { DomainError } from '../../../libs/kernel/domain-error.js';

/** Coded errors of tenant administration and impersonation (kept apart from identity.errors.ts, which every dialect edits). */
export const TenantErrors = {
  nameTaken: (name: string) =>
    DomainError.conflict('IDENTITY.TENANT_NAME_TAKEN', `A tenant named '${name}' already exists`, { field: 'name', value: name }),
  hasUsers: (id: string, users: number) =>
    DomainError.conflict('IDENTITY.TENANT_HAS_USERS', `Tenant ${id} still has ${users} user(s); move or delete them first`, {
      field: 'tenantId',
      value: id,
    }),
  defaultUndeletable: () =>
    DomainError.validation('IDENTITY.DEFAULT_TENANT_UNDELETABLE', 'The default tenant cannot be deleted', { field: 'tenantId', value: '1' }),
  ownTenantOnly: () =>
    DomainError.forbidden('IDENTITY.OTHER_TENANT', 'A tenant administrator may only see and change their own tenant'),
  managerOnlyField: (field: string) =>
    DomainError.forbidden('IDENTITY.TENANT_MANAGER_ONLY', `Only a tenant manager may change '${field}' of a tenant`, { field }),
};

export const ImpersonationErrors = {
  notAllowed: () =>
    DomainError.forbidden('IDENTITY.IMPERSONATION_DENIED', 'Only a tenant administrator may act as another user (activiti-user header)'),
  badType: (value: string) =>
    DomainError.validation(
      'IDENTITY.IMPERSONATION_TYPE',
      `activiti-user-value-type must be userIdType, userEmailType or userExternalIdType, got '${value}'`,
      { field: 'activiti-user-value-type', value },
    ),
  missingHeader: (field: string) =>
    DomainError.validation('IDENTITY.IMPERSONATION_HEADER', `The header ${field} is required with impersonation`, { field }),
  unknownUser: (value: string) =>
    DomainError.notFound('IDENTITY.IMPERSONATED_USER_NOT_FOUND', `No user '${value}' to act as in this tenant`, {
      field: 'activiti-user',
      value,
    }),
  userCannotSignIn: (value: string) =>
    DomainError.forbidden('IDENTITY.IMPERSONATED_USER_INACTIVE', `User '${value}' is not active and cannot be acted as`, {
      field: 'activiti-user',
      value,
    }),
};
