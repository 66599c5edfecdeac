import { type Principal, requirePermission } from '../../../identity/index.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import type { DepartmentRepository, DepartmentRow } from '../../infrastructure/department.repository.js';
import { actingTenant, ORG_ADMIN } from '../org-admin.js';

/** What every request about departments names: who asks and in which tenant. */
export interface DepartmentsTarget {
  readonly actor: Principal;
  readonly tenantId: string;
}

/** The actor administers departments, in their own tenant (or any, as a tenant manager). */
export function requireDepartmentAdmin(input: DepartmentsTarget): void {
  requirePermission(input.actor, ...ORG_ADMIN);
  actingTenant(input.actor, input.tenantId);
}

export async function loadDepartment(departments: DepartmentRepository, tenantId: string, id: string): Promise<DepartmentRow> {
  const department = await departments.find(tenantId, id);
  if (!department) throw DepartmentErrors.notFound(id);
  return department;
}
