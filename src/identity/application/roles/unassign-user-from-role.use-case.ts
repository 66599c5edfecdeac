import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import { PREDEFINED_ROLE } from '../../domain/permissions.js';
import { RoleErrors } from '../../domain/role.errors.js';
import { RoleRepository } from '../../infrastructure/role.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { ADMIN_USER_ID, userEventPayload } from '../users/user-admin.js';
import { loadRoleAsAdmin, type RoleTarget } from './role-admin.js';

export interface UnassignUserFromRoleInput extends RoleTarget {
  readonly userId: string;
}

/**
 * ProcessMaker 3 leaves an unassigned user with no role at all. Here the user falls back to the
 * predefined Operator role instead: every dialect then sees a normal user with the least access,
 * rather than a role-less account whose meaning each dialect would have to guess.
 */
@Injectable()
export class UnassignUserFromRole {
  constructor(
    private readonly roles: RoleRepository,
    private readonly users: UserRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: UnassignUserFromRoleInput): Promise<void> {
    const { tenantId, role } = await loadRoleAsAdmin(this.roles, input);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);
    if (user.roleId !== role.id) throw RoleErrors.userNotInRole(user.id);
    if (user.id === ADMIN_USER_ID) throw IdentityErrors.adminRoleFixed();
    if (role.id === PREDEFINED_ROLE.operator) throw RoleErrors.operatorIsFallback();
    user.roleId = PREDEFINED_ROLE.operator;
    await this.users.save(user);
    await this.bus.publish('identity.user.updated', userEventPayload(user), user.tenantId);
  }
}
