import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { assertParentAllowed, type DepartmentStatus } from '../../domain/department-rules.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';

/** Only the fields given change. */
export interface UpdateDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
  readonly title?: string;
  /** null: make it a top-level department. */
  readonly parentId?: string | null;
  /** null: the department has no manager any more (the former manager stays a member). */
  readonly managerId?: string | null;
  readonly status?: DepartmentStatus;
}

@Injectable()
export class UpdateDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  @Transactional()
  async execute(input: UpdateDepartmentInput): Promise<void> {
    requireDepartmentAdmin(input);
    const { tenantId, departmentId } = input;
    await this.departments.lockTenant(tenantId);
    const department = await loadDepartment(this.departments, tenantId, departmentId);
    if (input.title !== undefined && (await this.departments.titleTaken(tenantId, input.title, departmentId))) {
      throw DepartmentErrors.titleTaken(input.title);
    }
    if (input.parentId !== undefined && input.parentId !== null) {
      const ancestors = await this.departments.selfAndAncestors(tenantId, input.parentId);
      if (ancestors.length === 0) throw DepartmentErrors.notFound(input.parentId, 'parentId');
      assertParentAllowed(departmentId, input.parentId, ancestors);
    }
    await this.departments.update(tenantId, departmentId, { title: input.title, parentId: input.parentId, status: input.status });
    if (input.managerId === null) await this.memberships.setManager(tenantId, department, null);
    else if (input.managerId !== undefined) await this.memberships.appointManager(tenantId, department, input.managerId, 'managerId');
  }
}
