import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { assertDeletable } from '../../domain/department-rules.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { loadDepartment, requireDepartmentAdmin } from './department-admin.js';

export interface DeleteDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
}

@Injectable()
export class DeleteDepartment {
  constructor(private readonly departments: DepartmentRepository) {}

  @Transactional()
  async execute(input: DeleteDepartmentInput): Promise<void> {
    requireDepartmentAdmin(input);
    await this.departments.lockTenant(input.tenantId);
    await loadDepartment(this.departments, input.tenantId, input.departmentId);
    const counts = await this.departments.counts(input.tenantId, input.departmentId);
    assertDeletable(input.departmentId, counts.members, counts.children);
    await this.departments.delete(input.tenantId, input.departmentId);
  }
}
