import { Injectable } from '@nestjs/common';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { requireUserAdmin, tenantFor } from './user-admin.js';
import type { UserView } from './user.view.js';

export interface GetUserInput {
  readonly actor: Principal;
  readonly userId: string;
  readonly tenantId?: string;
  /**
   * `directory`: any signed-in user of the tenant may look a colleague up (people pickers);
   * `administration`: needs a user-administration permission.
   */
  readonly purpose: 'directory' | 'administration';
}

@Injectable()
export class GetUser {
  constructor(private readonly users: UserRepository) {}

  async execute(input: GetUserInput): Promise<UserView> {
    if (input.purpose === 'administration' && input.userId !== input.actor.userId) requireUserAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    const user = await this.users.view(input.userId, tenantId);
    if (!user) throw IdentityErrors.userNotFound(input.userId);
    return user;
  }
}
