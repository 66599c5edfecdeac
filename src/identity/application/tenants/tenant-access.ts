import { TenantErrors } from '../../domain/tenant.errors.js';
import { Permission } from '../../domain/permissions.js';
import { hasPermission, type Principal, requirePermission } from '../../domain/principal.js';

/**
 * Seed 004 "Tenants": the endpoints are for tenant admins or tenant managers; listing, creating
 * (and here deleting) tenants is for tenant managers; a tenant admin sees and edits only their own.
 */
export function requireTenantReader(actor: Principal, tenantId: string): void {
  requirePermission(actor, Permission.TenantManager, Permission.TenantAdmin);
  if (!hasPermission(actor, Permission.TenantManager) && tenantId !== actor.tenantId) throw TenantErrors.ownTenantOnly();
}

export function requireTenantManager(actor: Principal): void {
  requirePermission(actor, Permission.TenantManager);
}
