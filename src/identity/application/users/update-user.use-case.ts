import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { assertPasswordPolicy, IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { requireHoldsAll } from '../roles/role-admin.js';
import { ADMIN_USER_ID, requireUserAdmin, tenantFor, userEventPayload } from './user-admin.js';
import type { UserFields } from './user-fields.js';
import type { UserView } from './user.view.js';

/** Only the fields present are changed. */
export interface UpdateUserInput extends UserFields {
  readonly actor: Principal;
  readonly userId: string;
  readonly tenantId?: string;
  /** Move the user to another tenant (tenant managers only). */
  readonly moveToTenantId?: string;
  readonly username?: string;
}

@Injectable()
export class UpdateUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: UpdateUserInput): Promise<UserView> {
    requireUserAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);

    if (input.username !== undefined && input.username.toLowerCase() !== user.username.toLowerCase()) {
      if (await this.users.usernameTaken(input.username, user.id)) throw IdentityErrors.usernameTaken(input.username);
    }
    if (input.email && input.email.toLowerCase() !== (user.email ?? '').toLowerCase()) {
      if (await this.users.emailTaken(input.email, user.id)) throw IdentityErrors.emailTaken(input.email);
    }
    if (input.role !== undefined) {
      const role = await this.users.roleByIdOrCode(tenantId, input.role);
      if (!role) throw IdentityErrors.roleNotFound(input.role);
      if (user.id === ADMIN_USER_ID && role.id !== user.roleId) throw IdentityErrors.adminRoleFixed();
      if (role.id !== user.roleId) requireHoldsAll(input.actor, role.permissions);
      user.roleId = role.id;
    }
    if (input.replacedBy) {
      if (input.replacedBy === user.id) throw IdentityErrors.replacementIsSelf();
      if (!(await this.users.findEntity(input.replacedBy, tenantId))) throw IdentityErrors.replacementNotFound(input.replacedBy);
    }
    if (input.moveToTenantId !== undefined) user.tenantId = tenantFor(input.actor, input.moveToTenantId);

    const statusChanged = input.status !== undefined && input.status !== user.status;
    // A changed login name (username or e-mail) must also end cached Basic credentials that used the old one.
    const loginChanged =
      (input.username !== undefined && input.username !== user.username) || (input.email !== undefined && input.email !== user.email);
    if (input.username !== undefined) user.username = input.username;
    if (input.email !== undefined) user.email = input.email;
    if (input.firstName !== undefined) user.firstName = input.firstName;
    if (input.lastName !== undefined) user.lastName = input.lastName;
    if (input.status !== undefined) user.status = input.status;
    if (input.replacedBy !== undefined) user.replacedBy = input.replacedBy;
    if (input.dueDate !== undefined) user.dueDate = input.dueDate;
    if (input.company !== undefined) user.company = input.company;
    if (input.externalId !== undefined) user.externalId = input.externalId;
    if (input.profile !== undefined) user.profile = { ...user.profile, ...input.profile };
    if (statusChanged || loginChanged) user.credentialVersion += 1;
    await this.users.save(user);
    if (input.password !== undefined) {
      assertPasswordPolicy(input.password);
      await this.users.setPasswordHash(user.id, await this.hasher.hash(input.password));
    }

    const payload = userEventPayload(user);
    await this.bus.publish('identity.user.updated', payload, user.tenantId);
    if (statusChanged && user.status !== 'active') await this.bus.publish('identity.user.deactivated', payload, user.tenantId);
    return (await this.users.view(user.id))!;
  }
}
