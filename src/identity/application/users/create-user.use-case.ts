import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { assertPasswordPolicy, IdentityErrors } from '../../domain/identity.errors.js';
import { PREDEFINED_ROLE } from '../../domain/permissions.js';
import type { Principal } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { UserEntity } from '../../infrastructure/user.entity.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { requireHoldsAll } from '../roles/role-admin.js';
import { requireUserAdmin, tenantFor, userEventPayload } from './user-admin.js';
import type { UserFields } from './user-fields.js';
import type { UserView } from './user.view.js';

/**
 * Without a password the user cannot sign in with one (e.g. synced or pending users); without a
 * role the user gets the predefined Operator role.
 */
export interface CreateUserInput extends UserFields {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly username: string;
}

@Injectable()
export class CreateUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: CreateUserInput): Promise<UserView> {
    requireUserAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    if (await this.users.usernameTaken(input.username)) throw IdentityErrors.usernameTaken(input.username);
    if (input.email && (await this.users.emailTaken(input.email))) throw IdentityErrors.emailTaken(input.email);
    const role = await this.users.roleByIdOrCode(tenantId, input.role ?? PREDEFINED_ROLE.operator);
    if (!role) throw IdentityErrors.roleNotFound(input.role ?? '');
    // The default role is the least one; an explicit role must not give more than the caller holds.
    if (input.role !== undefined) requireHoldsAll(input.actor, role.permissions);
    if (input.replacedBy) {
      const replacement = await this.users.findEntity(input.replacedBy, tenantId);
      if (!replacement) throw IdentityErrors.replacementNotFound(input.replacedBy);
    }
    if (input.password !== undefined) assertPasswordPolicy(input.password);

    const user = new UserEntity();
    user.tenantId = tenantId;
    user.username = input.username;
    user.email = input.email ?? null;
    user.firstName = input.firstName ?? '';
    user.lastName = input.lastName ?? '';
    user.passwordHash = input.password !== undefined ? await this.hasher.hash(input.password) : null;
    user.status = input.status ?? 'active';
    user.roleId = role.id;
    user.replacedBy = input.replacedBy ?? null;
    user.dueDate = input.dueDate ?? null;
    user.company = input.company ?? null;
    user.externalId = input.externalId ?? null;
    user.profile = input.profile ?? {};
    const saved = await this.users.save(user);

    await this.bus.publish('identity.user.created', userEventPayload(saved), tenantId);
    return (await this.users.view(saved.id))!;
  }
}
