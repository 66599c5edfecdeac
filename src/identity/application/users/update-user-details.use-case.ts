import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { loginNameAfterEmailChange } from './login-name.js';
import { requireUserAdmin } from './user-admin.js';
import { tenantOfTarget } from './tenant-of-target.js';
import { UpdateUser } from './update-user.use-case.js';
import type { UserView } from './user.view.js';

export interface UpdateUserDetailsInput {
  readonly actor: Principal;
  readonly userId: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly company?: string | null;
  readonly externalId?: string | null;
}

/**
 * An administrator edits a user's details (UpdateUser), keeping an e-mail login name in step
 * with the e-mail (see login-name.ts). Tenant managers reach users of every tenant.
 */
@Injectable()
export class UpdateUserDetails {
  constructor(
    private readonly users: UserRepository,
    private readonly updateUser: UpdateUser,
  ) {}

  @Transactional()
  async execute(input: UpdateUserDetailsInput): Promise<UserView> {
    requireUserAdmin(input.actor);
    const tenantId = await tenantOfTarget(this.users, input.actor, input.userId);
    const current = await this.users.view(input.userId, tenantId);
    if (!current) throw IdentityErrors.userNotFound(input.userId);
    if (input.email !== undefined && input.email.toLowerCase() !== (current.email ?? '').toLowerCase()) {
      if (await this.users.emailTaken(input.email, current.id)) throw IdentityErrors.emailTaken(input.email);
    }
    const username = input.email !== undefined ? loginNameAfterEmailChange(current, input.email) : undefined;
    return this.updateUser.execute({
      actor: input.actor,
      userId: input.userId,
      tenantId,
      username: username !== current.username ? username : undefined,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      company: input.company,
      externalId: input.externalId,
    });
  }
}
