import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { hasPermission, Permission, type Principal, requirePermission } from '../../../identity/index.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import type { DataTableRepository, DataTableRow } from '../../infrastructure/data-tables/data-table.repository.js';

/**
 * Who administers data tables. Seed 003 names no permission for PM Tables; ProcessMaker's own
 * catalogue has PM_SETUP_PM_TABLES (which Meridian's permission table carries), and PM_SETUP_ADVANCE
 * is the "advanced setup" permission the other pm3 admin endpoints accept. Tenant and system
 * administrators hold them all. Operators get 403 (design.md §8).
 */
export const DATA_TABLE_ADMIN = ['PM_SETUP_PM_TABLES', Permission.SetupAdvanced, Permission.TenantAdmin, Permission.SystemAdmin] as const;

export interface DataTableTarget {
  readonly actor: Principal;
  readonly tenantId: string;
}

/** The actor administers data tables, in their own tenant (or any, as a tenant manager). */
export function requireDataTableAdmin(input: DataTableTarget): void {
  requirePermission(input.actor, ...DATA_TABLE_ADMIN);
  if (input.tenantId !== input.actor.tenantId && !hasPermission(input.actor, Permission.TenantManager)) {
    throw DomainError.forbidden('FORMS.OTHER_TENANT', 'Only a tenant manager may act in another workspace');
  }
}

/** A table of this tenant; one of another tenant does not exist here. */
export async function loadTable(tables: DataTableRepository, tenantId: string, id: string, lock = false): Promise<DataTableRow> {
  const table = await tables.find(tenantId, id, lock);
  if (!table) throw DataTableErrors.notFound(id);
  return table;
}
