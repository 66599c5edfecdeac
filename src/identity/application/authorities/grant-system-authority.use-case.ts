import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { UserAuthorityRepository } from '../../infrastructure/user-authority.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { tenantFor, userEventPayload } from '../users/user-admin.js';
import type { UserView } from '../users/user.view.js';

export interface GrantSystemAuthorityInput {
  readonly actor: Principal;
  /** An id the dialect's codec already decoded. */
  readonly userId: string;
  /** The wire name of the user id, for the not-found error. */
  readonly field?: string;
}

/**
 * Makes a user a system administrator (Questetra's system authority). Only a system
 * administrator may do it: the authority is the key to everything, so user administrators,
 * who may create users, may not hand it out. Granting it twice is not an error.
 */
@Injectable()
export class GrantSystemAuthority {
  constructor(
    private readonly users: UserRepository,
    private readonly authorities: UserAuthorityRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: GrantSystemAuthorityInput): Promise<UserView> {
    requirePermission(input.actor, Permission.SystemAdmin);
    const tenantId = tenantFor(input.actor, undefined);
    const user = await this.users.findEntity(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId, input.field);
    const granted = await this.authorities.grant(user.id, Permission.SystemAdmin);
    if (granted) {
      await this.bus.publish('identity.user.updated', userEventPayload(user), tenantId);
    }
    return (await this.users.view(user.id, tenantId))!;
  }
}
