import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { appointManager } from './appoint-manager.js';
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
    private readonly identity: IdentityApi,
  ) {}

  @Transactional()
  async execute(input: SetDepartmentManagerInput): Promise<void> {
    requireDepartmentAdmin(input);
    await this.departments.lockTenant(input.tenantId);
    await loadDepartment(this.departments, input.tenantId, input.departmentId);
    await appointManager(this.departments, this.identity, input, 'userId');
  }
}
