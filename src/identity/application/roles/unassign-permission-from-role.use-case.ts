import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { requireMayChangeGrantsOf, requireRoleAdmin } from './role-admin.js';

export interface UnassignPermissionFromRoleInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
  readonly permissionId: string;
}

/** The administrator role always keeps every permission. */
@Injectable()
export class UnassignPermissionFromRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: UnassignPermissionFromRoleInput): Promise<void> {
    requireRoleAdmin(input.actor);
    const role = await this.roles.find(tenantFor(input.actor, input.tenantId), input.roleId);
    if (!role) throw RoleErrors.roleNotFound(input.roleId);
    const permission = await this.roles.findPermission(input.permissionId);
    if (!permission) throw RoleErrors.permissionNotFound(input.permissionId);
    requireMayChangeGrantsOf(input.actor, role);
    if (!(await this.roles.hasPermission(role.id, permission.id))) throw RoleErrors.permissionNotAssigned(permission.id);
    await this.roles.removePermission(role.id, permission.id);
  }
}
