import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { DEFAULT_DEPARTMENT_STATUS, type DepartmentStatus } from '../../domain/department-rules.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';
import { requireDepartmentAdmin } from './department-admin.js';

export interface CreateDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly title: string;
  /** null: a top-level department. */
  readonly parentId: string | null;
  readonly managerId: string | null;
  readonly status?: DepartmentStatus;
}

@Injectable()
export class CreateDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  /** Answers the new department's id. */
  @Transactional()
  async execute(input: CreateDepartmentInput): Promise<string> {
    requireDepartmentAdmin(input);
    const { tenantId } = input;
    await this.departments.lockTenant(tenantId);
    if (await this.departments.titleTaken(tenantId, input.title)) throw DepartmentErrors.titleTaken(input.title);
    // Looked up in this tenant only: a parent of another tenant does not exist here.
    if (input.parentId !== null && !(await this.departments.find(tenantId, input.parentId))) {
      throw DepartmentErrors.notFound(input.parentId, 'parentId');
    }
    const departmentId = await this.departments.insert({
      tenantId,
      title: input.title,
      parentId: input.parentId,
      status: input.status ?? DEFAULT_DEPARTMENT_STATUS,
    });
    if (input.managerId !== null) await this.memberships.appointManager(tenantId, { id: departmentId, managerId: null }, input.managerId, 'managerId');
    return departmentId;
  }
}
