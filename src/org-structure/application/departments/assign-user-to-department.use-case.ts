import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { planAssignment } from '../../domain/department-rules.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';

export interface AssignUserToDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
  readonly userId: string;
}

/**
 * Puts a user in a department, moving them out of their old one. A member already there is left
 * as is. A manager who moves leaves their old department without a manager.
 */
@Injectable()
export class AssignUserToDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  @Transactional()
  async execute(input: AssignUserToDepartmentInput): Promise<void> {
    requireDepartmentAdmin(input);
    const { tenantId, departmentId, userId } = input;
    await this.departments.lockTenant(tenantId);
    const department = await loadDepartment(this.departments, tenantId, departmentId);
    await this.memberships.requireUser(tenantId, userId, 'userId');
    const membership = await this.departments.membershipOf(tenantId, userId);
    const plan = planAssignment({
      userId,
      departmentId,
      managerId: department.managerId,
      currentDepartmentId: membership.departmentId,
      managesDepartmentId: membership.managesDepartmentId,
    });
    if (plan.unchanged) return;
    if (plan.clearManagerOf !== null) await this.memberships.setManager(tenantId, { id: plan.clearManagerOf, managerId: userId }, null);
    await this.memberships.join(tenantId, userId, departmentId, membership.departmentId);
    if (plan.becomesManager) await this.memberships.setManager(tenantId, department, userId);
  }
}
