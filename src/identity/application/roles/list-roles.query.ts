import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { requireRoleAdmin } from './role-admin.js';
import type { RoleView } from './role.view.js';

export interface ListRolesInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  /** Case-insensitive substring of the role code (not the name). */
  readonly codeFilter?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** The roles a tenant sees, predefined first, in the order they were created. */
@Injectable()
export class ListRoles {
  constructor(private readonly roles: RoleRepository) {}

  async execute(input: ListRolesInput): Promise<RoleView[]> {
    requireRoleAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    return this.roles.list(tenantId, input.codeFilter, { offset: input.offset, limit: input.limit });
  }
}
