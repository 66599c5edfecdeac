import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { loadPermissionForGrantChange, loadRoleAsAdmin, requireHoldsAll, type RoleTarget } from './role-admin.js';

export interface AssignPermissionToRoleInput extends RoleTarget {
  readonly permissionId: string;
}

@Injectable()
export class AssignPermissionToRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: AssignPermissionToRoleInput): Promise<void> {
    const { role } = await loadRoleAsAdmin(this.roles, input);
    const permission = await loadPermissionForGrantChange(this.roles, input.actor, role, input.permissionId);
    if (await this.roles.hasPermission(role.id, permission.id)) throw RoleErrors.permissionAlreadyAssigned(permission.id);
    requireHoldsAll(input.actor, [permission.code]);
    await this.roles.addPermission(role.id, permission.id);
  }
}
