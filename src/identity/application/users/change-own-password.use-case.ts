import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { assertPasswordPolicy, IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { UserRepository } from '../../infrastructure/user.repository.js';

export interface ChangeOwnPasswordInput {
  readonly actor: Principal;
  readonly oldPassword: string;
  readonly newPassword: string;
}

/** A signed-in user changes their own password; the old one must be given. */
@Injectable()
export class ChangeOwnPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  @Transactional()
  async execute(input: ChangeOwnPasswordInput): Promise<void> {
    const hash = await this.users.passwordHash(input.actor.userId);
    if (!(await this.hasher.verify(hash, input.oldPassword))) throw IdentityErrors.wrongPassword();
    assertPasswordPolicy(input.newPassword, 'newPassword');
    await this.users.setPasswordHash(input.actor.userId, await this.hasher.hash(input.newPassword));
  }
}
