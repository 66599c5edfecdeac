import { hasPermission, type Principal, requirePermission } from '../../domain/principal.js';
import { Permission, PREDEFINED_ROLE } from '../../domain/permissions.js';
import { RoleErrors } from '../../domain/role.errors.js';
import type { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor, USER_ADMIN } from '../users/user-admin.js';
import type { PermissionView, RoleView } from './role.view.js';

/** Who may administer roles: user administrators and holders of ProcessMaker's PM_SETUP_ADVANCE. */
const ROLE_ADMIN = [...USER_ADMIN, Permission.SetupAdvanced];

export function requireRoleAdmin(actor: Principal): void {
  requirePermission(actor, ...ROLE_ADMIN);
}

export function isPredefined(role: RoleView): boolean {
  return role.tenantId === null;
}

function isAdminRole(role: RoleView): boolean {
  return role.id === PREDEFINED_ROLE.admin;
}

/**
 * The predefined roles are shared by every tenant, so changing what one of them grants changes it
 * for all tenants: only a tenant manager may do that.
 */
function requireMayChangeGrantsOf(actor: Principal, role: RoleView): void {
  if (isAdminRole(role)) throw RoleErrors.adminPermissionsFixed();
  if (isPredefined(role)) requirePermission(actor, Permission.TenantManager);
}

/** Nobody hands out access they do not have themselves (a user manager cannot make someone administrator). */
export function requireHoldsAll(actor: Principal, codes: readonly string[]): void {
  const missing = codes.filter((code) => !hasPermission(actor, code));
  if (missing.length > 0) throw RoleErrors.cannotGrantUnheld(missing);
}

/** What every request about one role names: who asks, in which tenant, and the role. */
export interface RoleTarget {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
}

/** The first steps of every request about one role: the actor must administer roles, and the role must exist in the tenant acted in. */
export async function loadRoleAsAdmin(roles: RoleRepository, input: RoleTarget): Promise<{ tenantId: string; role: RoleView }> {
  requireRoleAdmin(input.actor);
  const tenantId = tenantFor(input.actor, input.tenantId);
  const role = await roles.find(tenantId, input.roleId);
  if (!role) throw RoleErrors.roleNotFound(input.roleId);
  return { tenantId, role };
}

/** The permission whose grant to `role` is to change, once it is known that the actor may change that role's grants. */
export async function loadPermissionForGrantChange(
  roles: RoleRepository,
  actor: Principal,
  role: RoleView,
  permissionId: string,
): Promise<PermissionView> {
  const permission = await roles.findPermission(permissionId);
  if (!permission) throw RoleErrors.permissionNotFound(permissionId);
  requireMayChangeGrantsOf(actor, role);
  return permission;
}
