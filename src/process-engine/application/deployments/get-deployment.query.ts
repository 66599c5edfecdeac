import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { DeploymentRepository, type DeploymentRow } from '../../infrastructure/deployment.repository.js';
import { EngineTenant } from './engine-tenant.js';

/** One deployment of the caller's tenant (or the named one, for tenant managers); 404 otherwise. */
@Injectable()
export class GetDeployment {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly deployments: DeploymentRepository,
  ) {}

  async execute(input: { readonly actor: Principal; readonly deploymentId: string; readonly tenantId?: string }): Promise<DeploymentRow> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    const row = await this.deployments.get(input.deploymentId, tenantId);
    if (!row) throw EngineErrors.deploymentNotFound(input.deploymentId);
    return row;
  }
}
