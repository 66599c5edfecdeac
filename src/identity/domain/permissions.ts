/**
 * The permission codes the use cases check. Roles (ProcessMaker 3), capabilities on system
 * groups (Alfresco) and system authorities (Questetra) are three ways to hold them.
 */
export const Permission = {
  Login: 'PM_LOGIN',
  ManageUsers: 'PM_USERS',
  SetupAdvanced: 'PM_SETUP_ADVANCE',
  Setup: 'PM_SETUP',
  TenantManager: 'tenant-mgmt',
  TenantAdmin: 'tenant-admin',
  SystemAdmin: 'system-admin',
  UserAdmin: 'user-admin',
} as const;

export type PermissionCode = (typeof Permission)[keyof typeof Permission] | (string & {});

export const PREDEFINED_ROLE = { admin: '2', operator: '3', manager: '4' } as const;
