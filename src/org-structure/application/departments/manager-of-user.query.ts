import { Injectable } from '@nestjs/common';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';

/**
 * "Reports to": the manager of the user's department or, for that manager (or a member of a
 * department without one), the manager of the nearest department above that has one. null when
 * the user is in no department or nobody up the tree manages. One recursive query, whatever the depth.
 */
@Injectable()
export class ManagerOfUserQuery {
  constructor(private readonly departments: DepartmentRepository) {}

  async managerOf(tenantId: string, userId: string): Promise<string | null> {
    return (await this.departments.orgInfoOf(tenantId, [userId])).get(userId)?.reportsTo ?? null;
  }
}
