import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { TenantErrors } from '../../domain/tenant.errors.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantManager } from './tenant-access.js';

export interface DeleteTenantInput {
  readonly actor: Principal;
  readonly tenantId: string;
}

const DEFAULT_TENANT_ID = '1';

/**
 * Tenant managers delete empty tenants only: a tenant that has (or had) users keeps them and their
 * history, so it answers 409 until they are moved away; the default tenant is never deleted.
 */
@Injectable()
export class DeleteTenant {
  constructor(private readonly tenants: TenantRepository) {}

  @Transactional()
  async execute(input: DeleteTenantInput): Promise<void> {
    requireTenantManager(input.actor);
    const tenant = await this.tenants.findEntity(input.tenantId);
    if (!tenant) throw IdentityErrors.tenantNotFound(input.tenantId);
    if (tenant.id === DEFAULT_TENANT_ID) throw TenantErrors.defaultUndeletable();
    const users = await this.tenants.userRows(tenant.id);
    if (users > 0) throw TenantErrors.hasUsers(tenant.id, users);
    await this.tenants.delete(tenant.id);
  }
}
