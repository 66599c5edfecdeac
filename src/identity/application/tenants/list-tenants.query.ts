import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantManager } from './tenant-access.js';
import type { TenantView } from './tenant.view.js';

export interface ListTenantsInput {
  readonly actor: Principal;
  readonly offset: number;
  readonly limit: number;
}

/** Every tenant, by id: tenant managers only. */
@Injectable()
export class ListTenants {
  constructor(private readonly tenants: TenantRepository) {}

  async execute(input: ListTenantsInput): Promise<{ total: number; items: TenantView[] }> {
    requireTenantManager(input.actor);
    return this.tenants.list(input.offset, input.limit);
  }
}
