import { Injectable } from '@nestjs/common';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { loadRoleAsAdmin, type RoleTarget } from './role-admin.js';
import type { PermissionView } from './role.view.js';

export interface ListRolePermissionsInput extends RoleTarget {
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
    const { role } = await loadRoleAsAdmin(this.roles, input);
    return this.roles.permissions(role.id, input.which === 'assigned', input.codeFilter, { offset: input.offset, limit: input.limit });
  }
}
