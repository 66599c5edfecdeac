import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';
import { toDepartmentUserView } from './department-views.js';
import type { DepartmentUserView } from './department.view.js';

export interface ListAvailableUsersInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
}

/**
 * Users that can be assigned to the department: every user of the tenant in no department at
 * all, INACTIVE and VACATION ones included (seed 003), ordered by username.
 */
@Injectable()
export class ListAvailableUsers {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListAvailableUsersInput): Promise<DepartmentUserView[]> {
    requireDepartmentAdmin(input);
    await loadDepartment(this.departments, input.tenantId, input.departmentId);
    const members = await this.departments.allMemberIds(input.tenantId);
    return (await this.identity.userSummariesExcept(input.tenantId, members)).map(toDepartmentUserView);
  }
}
