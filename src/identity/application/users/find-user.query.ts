import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { tenantFor } from './user-admin.js';
import type { UserView } from './user.view.js';

export interface FindUserInput {
  readonly actor: Principal;
  /** An id the dialect's codec already decoded. */
  readonly id?: string;
  readonly email?: string;
  /** The wire names of the two keys, for the error that names the offending one. */
  readonly fields?: { readonly id: string; readonly email: string };
}

/**
 * Looks one user up by id or by e-mail address, as a directory lookup: any signed-in user of
 * the tenant may do it. When both keys are given only the id is used (Questetra's Quser/find),
 * so a malformed e-mail next to an id is not an error.
 */
@Injectable()
export class FindUser {
  constructor(private readonly users: UserRepository) {}

  async execute(input: FindUserInput): Promise<UserView> {
    const fields = input.fields ?? { id: 'id', email: 'email' };
    const tenantId = tenantFor(input.actor, undefined);
    if (input.id !== undefined) {
      const user = await this.users.view(input.id, tenantId);
      if (!user) throw IdentityErrors.userNotFound(input.id, fields.id);
      return user;
    }
    if (input.email === undefined) throw IdentityErrors.userKeyRequired([fields.id, fields.email]);
    if (!isEmail(input.email)) throw IdentityErrors.malformedEmail(input.email, fields.email);
    const page = await this.users.list({ tenantId, email: input.email, limit: 1 });
    const user = page.items[0];
    if (!user) throw IdentityErrors.userWithEmailNotFound(input.email, fields.email);
    return user;
  }
}
