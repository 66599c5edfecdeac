import type { UserPayload } from '../../../../libs/contracts/index.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { hasPermission, type Principal, requirePermission } from '../../domain/principal.js';
import { Permission } from '../../domain/permissions.js';

/** Every permission that lets a caller administer users: PM3 PM_USERS, APS tenant admin, Questetra user admin. */
export const USER_ADMIN = [Permission.ManageUsers, Permission.TenantAdmin, Permission.TenantManager, Permission.UserAdmin, Permission.SystemAdmin];

/** The bootstrap administrator: never deleted, and always keeps the administrator role. */
export const ADMIN_USER_ID = '1';

export function requireUserAdmin(actor: Principal): void {
  requirePermission(actor, ...USER_ADMIN);
}

/**
 * The tenant a request acts in: the caller's own, or another one for a tenant manager only.
 */
export function tenantFor(actor: Principal, requested: string | undefined): string {
  if (requested === undefined || requested === actor.tenantId) return actor.tenantId;
  if (!hasPermission(actor, Permission.TenantManager)) {
    throw DomainError.forbidden('IDENTITY.OTHER_TENANT', 'Only a tenant manager may act in another tenant');
  }
  return requested;
}

/** What the identity.user.* events carry about a user. */
export function userEventPayload(user: { id: string; username: string; email: string | null; status: string }): UserPayload {
  return { userId: user.id, username: user.username, email: user.email, status: user.status };
}
