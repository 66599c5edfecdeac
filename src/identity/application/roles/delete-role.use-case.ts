import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { isPredefined, requireRoleAdmin } from './role-admin.js';

export interface DeleteRoleInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
}

/** A role that users still hold cannot go; neither can the predefined roles. */
@Injectable()
export class DeleteRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: DeleteRoleInput): Promise<void> {
    requireRoleAdmin(input.actor);
    const role = await this.roles.find(tenantFor(input.actor, input.tenantId), input.roleId);
    if (!role) throw RoleErrors.roleNotFound(input.roleId);
    if (isPredefined(role)) throw RoleErrors.predefinedRoleFixed(role.code);
    if ((await this.roles.countActiveHolders(role.id)) > 0) throw RoleErrors.roleHasUsers();
    await this.roles.deleteWithDetachedHistory(role.id);
  }
}
