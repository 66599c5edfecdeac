import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { ADMIN_USER_ID, userEventPayload } from '../users/user-admin.js';
import { loadRoleAsAdmin, requireHoldsAll, type RoleTarget } from './role-admin.js';

export interface AssignUserToRoleInput extends RoleTarget {
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
    const { tenantId, role } = await loadRoleAsAdmin(this.roles, input);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);
    if (user.roleId === role.id) throw RoleErrors.userAlreadyInRole(user.id);
    if (user.id === ADMIN_USER_ID) throw IdentityErrors.adminRoleFixed();
    requireHoldsAll(input.actor, await this.roles.grantedCodes(role.id));
    user.roleId = role.id;
    await this.users.save(user);
    await this.bus.publish('identity.user.updated', userEventPayload(user), user.tenantId);
  }
}
