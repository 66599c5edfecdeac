import { IdentityErrors } from '../../domain/identity.errors.js';
import { Permission } from '../../domain/permissions.js';
import { hasPermission, type Principal } from '../../domain/principal.js';
import type { UserRepository } from '../../infrastructure/user.repository.js';

/**
 * The tenant in which an administrator may reach a user: any tenant for a tenant manager, their
 * own otherwise. A user of another tenant is "not found" for a tenant admin, so that ids of other
 * tenants' users are not revealed.
 */
export async function tenantOfTarget(users: UserRepository, actor: Principal, userId: string): Promise<string> {
  const tenantId = (await users.tenantsOf([userId])).get(userId);
  if (tenantId === undefined) throw IdentityErrors.userNotFound(userId);
  if (tenantId !== actor.tenantId && !hasPermission(actor, Permission.TenantManager)) throw IdentityErrors.userNotFound(userId);
  return tenantId;
}
