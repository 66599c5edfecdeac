import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { isPredefined, loadRoleAsAdmin, type RoleTarget } from './role-admin.js';

export type DeleteRoleInput = RoleTarget;

/** A role that users still hold cannot go; neither can the predefined roles. */
@Injectable()
export class DeleteRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: DeleteRoleInput): Promise<void> {
    const { role } = await loadRoleAsAdmin(this.roles, input);
    if (isPredefined(role)) throw RoleErrors.predefinedRoleFixed(role.code);
    if ((await this.roles.countActiveHolders(role.id)) > 0) throw RoleErrors.roleHasUsers();
    await this.roles.deleteWithDetachedHistory(role.id);
  }
}
