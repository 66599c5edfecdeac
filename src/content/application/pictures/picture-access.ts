import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { hasPermission, Permission, type Principal } from '../../../identity/index.js';
import type { PictureOwner } from '../../domain/picture.js';

/** Who administers the users of their tenant (the pm3 PM_USERS rule and its aps/questetra equivalents, as identity applies them). */
const USER_ADMIN = [Permission.ManageUsers, Permission.TenantAdmin, Permission.TenantManager, Permission.UserAdmin, Permission.SystemAdmin];

const forbidden = (message: string): DomainError => DomainError.forbidden('CONTENT.PICTURE_FORBIDDEN', message);

/**
 * The tenant logo (seed 004 "Tenants": "only available for users that are either a tenant admin or
 * a tenant manager"): a tenant manager reaches every tenant's logo, a tenant admin their own
 * tenant's; everyone else 403, reading included.
 */
export function requireLogoAccess(actor: Principal, tenantId: string): void {
  if (hasPermission(actor, Permission.TenantManager)) return;
  if (!hasPermission(actor, Permission.TenantAdmin)) throw forbidden('Only a tenant admin or a tenant manager may see or change a tenant logo');
  if (tenantId !== actor.tenantId) throw forbidden('A tenant admin may only see and change the logo of their own tenant');
}

/**
 * Changing a user's picture: the user themselves, or a user administrator (PM_USERS, tenant admin…)
 * of the user's tenant; another tenant only for a tenant manager.
 */
export function requireUserPictureWriter(actor: Principal, userId: string, tenantId: string): void {
  if (tenantId !== actor.tenantId && !hasPermission(actor, Permission.TenantManager)) {
    throw forbidden('Only a tenant manager may act in another tenant');
  }
  if (userId === actor.userId && tenantId === actor.tenantId) return;
  if (!hasPermission(actor, ...USER_ADMIN)) throw forbidden("Only the user or a user administrator (PM_USERS) may change a user's picture");
}

export function ownerId(owner: PictureOwner): string {
  return owner.kind === 'user' ? owner.userId : owner.tenantId;
}
