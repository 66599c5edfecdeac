import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi } from '../../../forms/index.js';
import { hasPermission, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { DeploymentRepository } from '../../infrastructure/deployment.repository.js';
import { ENGINE_ADMIN } from '../access/engine-access.js';
import { EngineTenant } from './engine-tenant.js';

export interface DeleteDeploymentInput {
  readonly actor: Principal;
  readonly deploymentId: string;
  readonly tenantId?: string;
  /** Delete the instances of its definitions too (running ones included, with all their history). */
  readonly cascade: boolean;
}

/**
 * Deletes a deployment with its resources and definitions (Activiti's `DELETE repository/deployments/{id}`).
 * Admins only. Without `cascade`, a deployment whose definitions have instances that have not
 * ended (running or suspended) is refused (409) and nothing changes. Instances that already ended
 * go with the deployment either way, with their history: here an instance cannot outlive its
 * definition (Activiti keeps the history of ended instances). The deployment's forms go with it.
 */
@Injectable()
export class DeleteDeployment {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly deployments: DeploymentRepository,
    private readonly forms: FormsApi,
  ) {}

  @Transactional()
  async execute(input: DeleteDeploymentInput): Promise<void> {
    if (!hasPermission(input.actor, ...ENGINE_ADMIN)) throw EngineErrors.adminOnly('delete deployments');
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    const row = await this.deployments.lock(input.deploymentId, tenantId);
    if (!row) throw EngineErrors.deploymentNotFound(input.deploymentId);
    const open = await this.deployments.lockDefinitionsAndCountOpenInstances(input.deploymentId);
    if (open > 0 && !input.cascade) throw EngineErrors.deploymentInUse(input.deploymentId, open);
    await this.deployments.delete(input.deploymentId, tenantId);
    await this.forms.deleteDeploymentForms(tenantId, input.deploymentId);
  }
}
