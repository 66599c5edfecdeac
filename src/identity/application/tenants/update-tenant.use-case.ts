import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import { Permission } from '../../domain/permissions.js';
import { hasPermission, type Principal } from '../../domain/principal.js';
import { TenantErrors } from '../../domain/tenant.errors.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantReader } from './tenant-access.js';
import type { TenantView } from './tenant.view.js';
import { ProfilePicturesQuery } from '../users/profile-pictures.query.js';

/** Only the fields present are changed. */
export interface UpdateTenantInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly name?: string;
  readonly active?: boolean;
  readonly domain?: string | null;
  readonly maxUsers?: number | null;
}

/**
 * A tenant admin may rename their own tenant and set its domain; switching a tenant on or off and
 * its user limit are a tenant manager's (a tenant admin could otherwise lock their whole tenant out).
 */
@Injectable()
export class UpdateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly pictures: ProfilePicturesQuery,
  ) {}

  @Transactional()
  async execute(input: UpdateTenantInput): Promise<TenantView> {
    requireTenantReader(input.actor, input.tenantId);
    const tenant = await this.tenants.findEntity(input.tenantId);
    if (!tenant) throw IdentityErrors.tenantNotFound(input.tenantId);
    const manager = hasPermission(input.actor, Permission.TenantManager);
    if (!manager && input.active !== undefined && input.active !== tenant.active) throw TenantErrors.managerOnlyField('active');
    if (!manager && input.maxUsers !== undefined && input.maxUsers !== tenant.maxUsers) throw TenantErrors.managerOnlyField('maxUsers');
    if (input.name !== undefined && input.name.toLowerCase() !== tenant.name.toLowerCase()) {
      if (await this.tenants.nameTaken(input.name, tenant.id)) throw TenantErrors.nameTaken(input.name);
    }
    if (input.name !== undefined) tenant.name = input.name;
    if (input.active !== undefined) tenant.active = input.active;
    if (input.domain !== undefined) tenant.domain = input.domain;
    if (input.maxUsers !== undefined) tenant.maxUsers = input.maxUsers;
    await this.tenants.save(tenant);
    return (await this.pictures.withLogos([(await this.tenants.view(tenant.id))!]))[0]!;
  }
}
