import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { type DeploymentCriteria, DeploymentRepository, type DeploymentRow } from '../../infrastructure/deployment.repository.js';
import { EngineTenant } from './engine-tenant.js';

/** The repository's criteria; the tenant is a key or id the caller names (default: the caller's), see EngineTenant. */
export type ListDeploymentsInput = Omit<DeploymentCriteria, 'tenantId'> & { readonly actor: Principal; readonly tenantId?: string };

/** Deployments of a tenant (any user of the tenant; tenant managers may name another tenant). */
@Injectable()
export class ListDeployments {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly deployments: DeploymentRepository,
  ) {}

  async execute(input: ListDeploymentsInput): Promise<{ total: number; items: DeploymentRow[] }> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    return this.deployments.list({ ...input, tenantId });
  }
}
