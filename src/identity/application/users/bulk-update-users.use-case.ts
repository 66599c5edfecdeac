import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { assertPasswordPolicy, IdentityErrors } from '../../domain/identity.errors.js';
import { Permission } from '../../domain/permissions.js';
import { hasPermission, type Principal, requirePermission } from '../../domain/principal.js';
import type { UserStatus } from '../../domain/user-status.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { UserRepository } from '../../infrastructure/user.repository.js';
import { UpdateUser } from './update-user.use-case.js';
import { requireUserAdmin } from './user-admin.js';

/** Exactly one change per call, as Alfresco's bulk update documents it. */
export type BulkUserChange =
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'status'; readonly status: UserStatus }
  | { readonly kind: 'tenant'; readonly tenantId: string };

export interface BulkUpdateUsersInput {
  readonly actor: Principal;
  readonly userIds: readonly string[];
  readonly change: BulkUserChange;
}

/**
 * One change applied to many users, all or nothing: every id is checked before anything is
 * written, and the whole batch is one transaction. Moving users to another tenant is for tenant
 * managers only; a tenant admin reaches only users of their own tenant (others are "not found").
 */
@Injectable()
export class BulkUpdateUsers {
  constructor(
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
    private readonly updateUser: UpdateUser,
  ) {}

  @Transactional()
  async execute(input: BulkUpdateUsersInput): Promise<void> {
    requireUserAdmin(input.actor);
    const { change } = input;
    if (change.kind === 'tenant') {
      requirePermission(input.actor, Permission.TenantManager);
      if (!(await this.tenants.findEntity(change.tenantId))) throw IdentityErrors.tenantNotFound(change.tenantId);
    }
    if (change.kind === 'password') assertPasswordPolicy(change.password);

    const ids = [...new Set(input.userIds)];
    const tenantOf = await this.users.tenantsOf(ids);
    const manager = hasPermission(input.actor, Permission.TenantManager);
    const missing = ids.find((id) => {
      const tenantId = tenantOf.get(id);
      return tenantId === undefined || (!manager && tenantId !== input.actor.tenantId);
    });
    if (missing !== undefined) throw IdentityErrors.userNotFound(missing);

    for (const userId of ids) {
      await this.updateUser.execute({
        actor: input.actor,
        userId,
        tenantId: tenantOf.get(userId),
        password: change.kind === 'password' ? change.password : undefined,
        status: change.kind === 'status' ? change.status : undefined,
        moveToTenantId: change.kind === 'tenant' ? change.tenantId : undefined,
      });
    }
  }
}
