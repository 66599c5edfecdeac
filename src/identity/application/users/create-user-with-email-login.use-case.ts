import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import type { UserStatus } from '../../domain/user-status.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { CreateUser } from './create-user.use-case.js';
import { requireUserAdmin, tenantFor } from './user-admin.js';
import type { UserView } from './user.view.js';

export interface CreateUserWithEmailLoginInput {
  readonly actor: Principal;
  readonly email: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status?: UserStatus;
  readonly tenantId?: string;
  readonly company?: string | null;
  readonly externalId?: string | null;
  /** Alfresco's account type (`enterprise` | `trial`), kept in the profile. */
  readonly accountType?: string;
}

/**
 * Alfresco users sign in with their e-mail: the username is the e-mail (see login-name.ts). The
 * target tenant must exist; a used e-mail is a conflict (409).
 */
@Injectable()
export class CreateUserWithEmailLogin {
  constructor(
    private readonly createUser: CreateUser,
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
  ) {}

  @Transactional()
  async execute(input: CreateUserWithEmailLoginInput): Promise<UserView> {
    requireUserAdmin(input.actor);
    const tenantId = tenantFor(input.actor, input.tenantId);
    if (!(await this.tenants.findEntity(tenantId))) throw IdentityErrors.tenantNotFound(tenantId);
    if ((await this.users.emailTaken(input.email)) || (await this.users.usernameTaken(input.email))) {
      throw IdentityErrors.emailTaken(input.email);
    }
    return this.createUser.execute({
      actor: input.actor,
      tenantId,
      username: input.email,
      email: input.email,
      password: input.password,
      firstName: input.firstName,
      lastName: input.lastName,
      status: input.status,
      company: input.company,
      externalId: input.externalId,
      profile: input.accountType !== undefined ? { accountType: input.accountType } : undefined,
    });
  }
}
