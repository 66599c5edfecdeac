import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { isPredefined, loadRoleAsAdmin, type RoleTarget } from './role-admin.js';
import type { RoleChanges, RoleView } from './role.view.js';

export interface UpdateRoleInput extends RoleTarget, RoleChanges {}

/**
 * Only the fields present change. The predefined roles are fixed: other dialects and the
 * bootstrap rely on their codes, and deactivating the administrator role would lock everyone out.
 */
@Injectable()
export class UpdateRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: UpdateRoleInput): Promise<RoleView> {
    const { tenantId, role } = await loadRoleAsAdmin(this.roles, input);
    if (isPredefined(role)) throw RoleErrors.predefinedRoleFixed(role.code);
    if (input.code !== undefined && (await this.roles.codeTaken(tenantId, input.code, role.id))) {
      throw RoleErrors.codeTaken(input.code);
    }
    await this.roles.update(role.id, { code: input.code, name: input.name, status: input.status });
    return (await this.roles.find(tenantId, role.id))!;
  }
}
