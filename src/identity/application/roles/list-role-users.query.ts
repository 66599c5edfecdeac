import { Injectable } from '@nestjs/common';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import type { UserView } from '../users/user.view.js';
import { loadRoleAsAdmin, type RoleTarget } from './role-admin.js';

export interface ListRoleUsersInput extends RoleTarget {
  /** `assigned`: users holding the role; `available`: users holding another role (or none), who could be moved to it. */
  readonly which: 'assigned' | 'available';
  /** Case-insensitive substring of first name, last name or username. */
  readonly filter?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** Users of one tenant, deleted ones left out, ordered by username. */
@Injectable()
export class ListRoleUsers {
  constructor(
    private readonly roles: RoleRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(input: ListRoleUsersInput): Promise<UserView[]> {
    const { tenantId, role } = await loadRoleAsAdmin(this.roles, input);
    const page = await this.users.list({
      tenantId,
      ...(input.which === 'assigned' ? { roleId: role.id } : { notRoleId: role.id }),
      text: input.filter ? { value: input.filter, fields: ['firstName', 'lastName', 'username'] } : undefined,
      sort: { field: 'username', direction: 'asc' },
      offset: input.offset,
      limit: input.limit ?? 1000,
    });
    return page.items;
  }
}
