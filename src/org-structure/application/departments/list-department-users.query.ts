import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';
import { toDepartmentUserView } from './department-views.js';
import type { DepartmentUserView } from './department.view.js';

export interface ListDepartmentUsersInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
}

export interface DepartmentMemberView extends DepartmentUserView {
  readonly isManager: boolean;
}

/** The members of one department, ordered by username; deleted users are left out. */
@Injectable()
export class ListDepartmentUsers {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListDepartmentUsersInput): Promise<DepartmentMemberView[]> {
    requireDepartmentAdmin(input);
    const department = await loadDepartment(this.departments, input.tenantId, input.departmentId);
    const ids = await this.departments.memberIds(input.tenantId, input.departmentId);
    const users = await this.identity.userSummariesByIds(input.tenantId, ids);
    return users.map((u) => ({ ...toDepartmentUserView(u), isManager: u.id === department.managerId }));
  }
}
