import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { ADMIN_USER_ID } from '../users/update-user.use-case.js';
import { tenantFor } from '../users/user-admin.js';
import { requireHoldsAll, requireRoleAdmin } from './role-admin.js';

export interface AssignUserToRoleInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly roleId: string;
  readonly userId: string;
}

/** A user holds exactly one role: assigning moves them from the role they had. */
@Injectable()
export class AssignUserToRole {
  constructor(
    private readonly roles: RoleRepository,
    private readonly users: UserRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: AssignUserToRoleInput): Promise<void> {
    requireRoleAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    const role = await this.roles.find(tenantId, input.roleId);
    if (!role) throw RoleErrors.roleNotFound(input.roleId);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);
    if (user.roleId === role.id) throw RoleErrors.userAlreadyInRole(user.id);
    if (user.id === ADMIN_USER_ID) throw IdentityErrors.adminRoleFixed();
    requireHoldsAll(input.actor, await this.roles.grantedCodes(role.id));
    user.roleId = role.id;
    await this.users.save(user);
    await this.bus.publish(
      'identity.user.updated',
      { userId: user.id, username: user.username, email: user.email, status: user.status },
      user.tenantId,
    );
  }
}
