import { Injectable } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../domain/principal.js';
import { TenantErrors } from '../../domain/tenant.errors.js';
import { firstFreeKey, tenantKeyStem } from '../../domain/tenant-key.js';
import { TenantEntity } from '../../infrastructure/tenant.entity.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { requireTenantManager } from './tenant-access.js';
import type { TenantView } from './tenant.view.js';

export interface CreateTenantInput {
  readonly actor: Principal;
  readonly name: string;
  readonly active?: boolean;
  readonly domain?: string | null;
  readonly maxUsers?: number | null;
  /** Derived from the name when absent (see tenant-key.ts). */
  readonly key?: string;
}

/** Tenant managers create tenants; names are unique (case-insensitive), and so are keys. */
@Injectable()
export class CreateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly uow: UnitOfWork,
  ) {}

  @Transactional()
  async execute(input: CreateTenantInput): Promise<TenantView> {
    requireTenantManager(input.actor);
    // Serialises tenant creation so that two concurrent creates cannot pick the same derived key.
    await this.uow.manager.query(`SELECT pg_advisory_xact_lock(7413400010)`);
    if (await this.tenants.nameTaken(input.name)) throw TenantErrors.nameTaken(input.name);
    const stem = input.key ?? tenantKeyStem(input.name);
    const tenant = new TenantEntity();
    tenant.key = firstFreeKey(stem, await this.tenants.keysLike(stem));
    tenant.name = input.name;
    tenant.active = input.active ?? true;
    tenant.domain = input.domain ?? null;
    tenant.maxUsers = input.maxUsers ?? null;
    tenant.logoId = null;
    const saved = await this.tenants.save(tenant);
    return (await this.tenants.view(saved.id))!;
  }
}
