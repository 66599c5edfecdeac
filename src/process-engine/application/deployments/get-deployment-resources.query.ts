import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { DeploymentRepository } from '../../infrastructure/deployment.repository.js';
import { isBpmnResource } from './deploy-process.use-case.js';
import { EngineTenant } from './engine-tenant.js';

/** Activiti's resource types: the BPMN of process definitions, their images, anything else. */
export type ResourceType = 'processDefinition' | 'processImage' | 'resource';

export interface DeploymentResourceView {
  readonly name: string;
  readonly mediaType: string;
  readonly type: ResourceType;
}

export function resourceType(name: string): ResourceType {
  if (isBpmnResource(name)) return 'processDefinition';
  if (/\.(png|jpe?g|gif|svg)$/i.test(name)) return 'processImage';
  return 'resource';
}

interface Input {
  readonly actor: Principal;
  readonly deploymentId: string;
  readonly tenantId?: string;
}

/** The resources of a deployment of the caller's tenant (any user of the tenant); 404 for unknown deployments or names. */
@Injectable()
export class GetDeploymentResources {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly deployments: DeploymentRepository,
  ) {}

  async list(input: Input): Promise<DeploymentResourceView[]> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    if (!(await this.deployments.get(input.deploymentId, tenantId))) throw EngineErrors.deploymentNotFound(input.deploymentId);
    return (await this.deployments.resources(input.deploymentId, tenantId)).map((r) => ({ ...r, type: resourceType(r.name) }));
  }

  async one(input: Input & { readonly resourceId: string }): Promise<DeploymentResourceView & { bytes: Buffer }> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    if (!(await this.deployments.get(input.deploymentId, tenantId))) throw EngineErrors.deploymentNotFound(input.deploymentId);
    const found = await this.deployments.resource(input.deploymentId, tenantId, input.resourceId);
    if (!found) throw EngineErrors.resourceNotFound(input.deploymentId, input.resourceId);
    return { ...found, type: resourceType(found.name) };
  }
}
