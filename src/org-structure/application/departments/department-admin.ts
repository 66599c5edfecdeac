import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { hasPermission, Permission, type Principal, requirePermission } from '../../../identity/index.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import type { DepartmentRepository, DepartmentRow } from '../../infrastructure/department.repository.js';

/** Who administers departments: user administrators, ProcessMaker's PM_SETUP_ADVANCE and tenant administrators (design.md §8: operators get 403). */
export const DEPARTMENT_ADMIN = [
  Permission.ManageUsers,
  Permission.SetupAdvanced,
  Permission.TenantAdmin,
  Permission.TenantManager,
  Permission.UserAdmin,
  Permission.SystemAdmin,
];

/** What every request about departments names: who asks and in which tenant. */
export interface DepartmentsTarget {
  readonly actor: Principal;
  readonly tenantId: string;
}

/** The actor administers departments, in their own tenant (or any, as a tenant manager). */
export function requireDepartmentAdmin(input: DepartmentsTarget): void {
  requirePermission(input.actor, ...DEPARTMENT_ADMIN);
  if (input.tenantId !== input.actor.tenantId && !hasPermission(input.actor, Permission.TenantManager)) {
    throw DomainError.forbidden('ORG.OTHER_TENANT', 'Only a tenant manager may act in another tenant');
  }
}

export async function loadDepartment(departments: DepartmentRepository, tenantId: string, id: string): Promise<DepartmentRow> {
  const department = await departments.find(tenantId, id);
  if (!department) throw DepartmentErrors.notFound(id);
  return department;
}
