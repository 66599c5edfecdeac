import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { ADMIN_USER_ID, requireUserAdmin, tenantFor, userEventPayload } from './user-admin.js';

export interface DeleteUserInput {
  readonly actor: Principal;
  readonly userId: string;
  readonly tenantId?: string;
}

/**
 * A soft delete: the row stays for history (tasks, audit) with status `deleted`; the user
 * disappears from lists, cannot sign in, and the login name becomes free again.
 */
@Injectable()
export class DeleteUser {
  constructor(
    private readonly users: UserRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: DeleteUserInput): Promise<void> {
    requireUserAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);
    if (user.id === ADMIN_USER_ID) throw IdentityErrors.adminUndeletable();
    if (user.id === input.actor.userId) throw IdentityErrors.selfDelete();
    user.status = 'deleted';
    user.deletedAt = new Date();
    user.credentialVersion += 1;
    await this.users.save(user);
    await this.bus.publish('identity.user.deactivated', userEventPayload(user), tenantId);
  }
}
