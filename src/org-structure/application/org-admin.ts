import { DomainError } from '../../../libs/kernel/domain-error.js';
import { hasPermission, Permission, type Principal } from '../../identity/index.js';

/**
 * Who administers groups and departments: ProcessMaker 3 PM_USERS / PM_SETUP_ADVANCE, Alfresco
 * tenant admin or manager, Questetra user admin, system admins (design.md §8: operators get 403).
 */
export const ORG_ADMIN = [
  Permission.ManageUsers,
  Permission.SetupAdvanced,
  Permission.TenantAdmin,
  Permission.TenantManager,
  Permission.UserAdmin,
  Permission.SystemAdmin,
];

/** The tenant a request acts in: the actor's own by default, another one only for a tenant manager. */
export function actingTenant(actor: Principal, tenantId: string | undefined): string {
  if (tenantId === undefined || tenantId === actor.tenantId) return actor.tenantId;
  if (!hasPermission(actor, Permission.TenantManager)) throw DomainError.forbidden('ORG.OTHER_TENANT', 'Only a tenant manager may act in another tenant');
  return tenantId;
}
