import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { requireRoleAdmin } from './role-admin.js';
import type { RoleView } from './role.view.js';

export interface GetRoleInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
}

@Injectable()
export class GetRole {
  constructor(private readonly roles: RoleRepository) {}

  async execute(input: GetRoleInput): Promise<RoleView> {
    requireRoleAdmin(input.actor);
    const role = await this.roles.find(tenantFor(input.actor, input.tenantId), input.roleId);
    if (!role) throw RoleErrors.roleNotFound(input.roleId);
    return role;
  }
}
