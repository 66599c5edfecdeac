import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { loginNameAfterEmailChange } from './login-name.js';
import { userEventPayload } from './user-admin.js';
import type { UserView } from './user.view.js';

/** Only the fields present are changed. */
export interface UpdateOwnProfileInput {
  readonly actor: Principal;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly company?: string | null;
}

/**
 * Any signed-in user edits their own name, e-mail and company; no administration permission is
 * needed. An e-mail used by another user is a conflict (409).
 */
@Injectable()
export class UpdateOwnProfile {
  constructor(
    private readonly users: UserRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: UpdateOwnProfileInput): Promise<UserView> {
    const user = await this.users.findEntity(input.actor.userId, input.actor.tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.actor.userId);
    if (input.email !== undefined && input.email.toLowerCase() !== (user.email ?? '').toLowerCase()) {
      if (await this.users.emailTaken(input.email, user.id)) throw IdentityErrors.emailTaken(input.email);
      const username = loginNameAfterEmailChange(user, input.email);
      if (username !== user.username && (await this.users.usernameTaken(username, user.id))) throw IdentityErrors.emailTaken(input.email);
      user.username = username;
      // Ends cached Basic credentials that used the old e-mail as login name.
      user.credentialVersion += 1;
    }
    if (input.firstName !== undefined) user.firstName = input.firstName;
    if (input.lastName !== undefined) user.lastName = input.lastName;
    if (input.email !== undefined) user.email = input.email;
    if (input.company !== undefined) user.company = input.company;
    await this.users.save(user);
    await this.bus.publish('identity.user.updated', userEventPayload(user), user.tenantId);
    return (await this.users.view(user.id))!;
  }
}
