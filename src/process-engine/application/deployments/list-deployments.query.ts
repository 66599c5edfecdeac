import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DeploymentRepository, type DeploymentRow, type DeploymentSortField } from '../../infrastructure/deployment.repository.js';
import { EngineTenant } from './engine-tenant.js';

export interface ListDeploymentsInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly name?: string;
  readonly nameLike?: string;
  readonly category?: string;
  readonly categoryNotEquals?: string;
  readonly sort: DeploymentSortField;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

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
