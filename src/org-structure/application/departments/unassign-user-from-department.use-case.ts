import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { planUnassignment } from '../../domain/department-rules.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';

export interface UnassignUserFromDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
  readonly userId: string;
}

/** Takes a member out of the department; unassigning the manager leaves the department without one. */
@Injectable()
export class UnassignUserFromDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  @Transactional()
  async execute(input: UnassignUserFromDepartmentInput): Promise<void> {
    requireDepartmentAdmin(input);
    const { tenantId, departmentId, userId } = input;
    await this.departments.lockTenant(tenantId);
    const department = await loadDepartment(this.departments, tenantId, departmentId);
    await this.memberships.requireUser(tenantId, userId, 'userId');
    const membership = await this.departments.membershipOf(tenantId, userId);
    const plan = planUnassignment({ userId, departmentId, managerId: department.managerId, currentDepartmentId: membership.departmentId });
    if (plan.clearsManager) await this.memberships.setManager(tenantId, department, null);
    await this.memberships.leave(tenantId, userId, departmentId);
  }
}
