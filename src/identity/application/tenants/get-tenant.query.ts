import { Injectable } from '@nestjs/common';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantReader } from './tenant-access.js';
import type { TenantView } from './tenant.view.js';
import { ProfilePicturesQuery } from '../users/profile-pictures.query.js';

export interface GetTenantInput {
  readonly actor: Principal;
  readonly tenantId: string;
}

@Injectable()
export class GetTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly pictures: ProfilePicturesQuery,
  ) {}

  async execute(input: GetTenantInput): Promise<TenantView> {
    requireTenantReader(input.actor, input.tenantId);
    const tenant = await this.tenants.view(input.tenantId);
    if (!tenant) throw IdentityErrors.tenantNotFound(input.tenantId);
    return (await this.pictures.withLogos([tenant]))[0]!;
  }
}
