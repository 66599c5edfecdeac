import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { loadPermissionForGrantChange, loadRoleAsAdmin, type RoleTarget } from './role-admin.js';

export interface UnassignPermissionFromRoleInput extends RoleTarget {
  readonly permissionId: string;
}

/** The administrator role always keeps every permission. */
@Injectable()
export class UnassignPermissionFromRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: UnassignPermissionFromRoleInput): Promise<void> {
    const { role } = await loadRoleAsAdmin(this.roles, input);
    const permission = await loadPermissionForGrantChange(this.roles, input.actor, role, input.permissionId);
    if (!(await this.roles.hasPermission(role.id, permission.id))) throw RoleErrors.permissionNotAssigned(permission.id);
    await this.roles.removePermission(role.id, permission.id);
  }
}
