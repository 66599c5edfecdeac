import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { tenantFor } from '../users/user-admin.js';
import { requireRoleAdmin } from './role-admin.js';
import type { RoleView } from './role.view.js';

export interface CreateRoleInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly code: string;
  readonly name: string;
  readonly status?: 'ACTIVE' | 'INACTIVE';
}

/** A custom role of the tenant; it grants nothing until permissions are assigned to it. */
@Injectable()
export class CreateRole {
  constructor(private readonly roles: RoleRepository) {}

  @Transactional()
  async execute(input: CreateRoleInput): Promise<RoleView> {
    requireRoleAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    if (await this.roles.codeTaken(tenantId, input.code)) throw RoleErrors.codeTaken(input.code);
    const id = await this.roles.insert(tenantId, input.code, input.name, input.status ?? 'ACTIVE');
    return (await this.roles.find(tenantId, id))!;
  }
}
