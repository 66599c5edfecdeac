import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';

export interface SetDepartmentManagerInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
  readonly userId: string;
}

/** The user becomes the manager: a member of the department, or a user in no department (who joins it). */
@Injectable()
export class SetDepartmentManager {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  @Transactional()
  async execute(input: SetDepartmentManagerInput): Promise<void> {
    requireDepartmentAdmin(input);
    await this.departments.lockTenant(input.tenantId);
    const department = await loadDepartment(this.departments, input.tenantId, input.departmentId);
    await this.memberships.appointManager(input.tenantId, department, input.userId, 'userId');
  }
}
