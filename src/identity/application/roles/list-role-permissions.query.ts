import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { requireRoleAdmin } from './role-admin.js';
import type { PermissionView } from './role.view.js';

export interface ListRolePermissionsInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
  /** `assigned`: what the role grants; `available`: what could still be assigned to it. */
  readonly which: 'assigned' | 'available';
  /** Case-insensitive substring of the permission code. */
  readonly codeFilter?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** Permissions ordered by id; only the ProcessMaker-style permission catalog, not capabilities or authorities. */
@Injectable()
export class ListRolePermissions {
  constructor(private readonly roles: RoleRepository) {}

  async execute(input: ListRolePermissionsInput): Promise<PermissionView[]> {
    requireRoleAdmin(input.actor);
    const role = await this.roles.find(tenantFor(input.actor, input.tenantId), input.roleId);
    if (!role) throw RoleErrors.roleNotFound(input.roleId);
    return this.roles.permissions(role.id, input.which === 'assigned', input.codeFilter, { offset: input.offset, limit: input.limit });
  }
}
