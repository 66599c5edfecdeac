import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantManager } from './tenant-access.js';
import type { TenantView } from './tenant.view.js';
import { ProfilePicturesQuery } from '../users/profile-pictures.query.js';

export interface ListTenantsInput {
  readonly actor: Principal;
  readonly offset: number;
  readonly limit: number;
}

/** Every tenant, by id: tenant managers only. */
@Injectable()
export class ListTenants {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly pictures: ProfilePicturesQuery,
  ) {}

  async execute(input: ListTenantsInput): Promise<{ total: number; items: TenantView[] }> {
    requireTenantManager(input.actor);
    const page = await this.tenants.list(input.offset, input.limit);
    return { total: page.total, items: await this.pictures.withLogos(page.items) };
  }
}
