import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { requireDepartmentAdmin } from './department-admin.js';
import { DepartmentViews } from './department-views.js';
import type { DepartmentView } from './department.view.js';

export interface GetDepartmentInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly departmentId: string;
}

@Injectable()
export class GetDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly views: DepartmentViews,
  ) {}

  async execute(input: GetDepartmentInput): Promise<DepartmentView> {
    requireDepartmentAdmin(input);
    const row = await this.departments.findListed(input.tenantId, input.departmentId);
    if (!row) throw DepartmentErrors.notFound(input.departmentId);
    return (await this.views.of(input.tenantId, [row]))[0]!;
  }
}
