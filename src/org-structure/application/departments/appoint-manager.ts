import { IdentityApi } from '../../../identity/index.js';
import { planManager } from '../../domain/department-rules.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import type { DepartmentRepository } from '../../infrastructure/department.repository.js';

/** The user must exist (not deleted) in the tenant. */
export async function requireUser(identity: IdentityApi, tenantId: string, userId: string, field: 'userId' | 'managerId'): Promise<void> {
  const [user] = await identity.userSummariesByIds(tenantId, [userId]);
  if (!user) throw DepartmentErrors.userNotFound(userId, field);
}

/**
 * Makes the user the department's manager. A user in no department joins it (a manager is a
 * member of the department they manage); the previous manager stays a member.
 */
export async function appointManager(
  departments: DepartmentRepository,
  identity: IdentityApi,
  target: { tenantId: string; departmentId: string; userId: string },
  field: 'userId' | 'managerId',
): Promise<void> {
  await requireUser(identity, target.tenantId, target.userId, field);
  const membership = await departments.membershipOf(target.tenantId, target.userId);
  const plan = planManager({ userId: target.userId, departmentId: target.departmentId, currentDepartmentId: membership.departmentId }, field);
  if (plan.joins) await departments.putMember(target.tenantId, target.userId, target.departmentId);
  await departments.setManager(target.tenantId, target.departmentId, target.userId);
}
