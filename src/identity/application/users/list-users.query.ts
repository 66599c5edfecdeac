import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { type UserCriteria, UserRepository } from '../../infrastructure/user.repository.js';
import { requireUserAdmin, tenantFor } from './user-admin.js';
import type { UserView } from './user.view.js';

export interface ListUsersInput extends Omit<UserCriteria, 'tenantId'> {
  readonly actor: Principal;
  readonly tenantId?: string;
  /** See GetUserInput.purpose. */
  readonly purpose: 'directory' | 'administration';
}

export interface UserPage {
  readonly total: number;
  readonly items: readonly UserView[];
}

@Injectable()
export class ListUsers {
  constructor(private readonly users: UserRepository) {}

  async execute(input: ListUsersInput): Promise<UserPage> {
    if (input.purpose === 'administration') requireUserAdmin(input.actor);
    const { actor, purpose: _purpose, tenantId, ...criteria } = input;
    return this.users.list({ ...criteria, tenantId: tenantFor(actor, tenantId) });
  }
}
