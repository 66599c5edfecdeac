import { Injectable } from '@nestjs/common';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { loadRoleAsAdmin, type RoleTarget } from './role-admin.js';
import type { RoleView } from './role.view.js';

export type GetRoleInput = RoleTarget;

@Injectable()
export class GetRole {
  constructor(private readonly roles: RoleRepository) {}

  async execute(input: GetRoleInput): Promise<RoleView> {
    const { role } = await loadRoleAsAdmin(this.roles, input);
    return role;
  }
}
