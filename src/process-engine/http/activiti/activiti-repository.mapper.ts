import type { Request } from 'express';
import { apsDate } from '../../../../libs/dialects/dates.js';
import type { DefinitionRow } from '../../infrastructure/definition.repository.js';
import type { DeploymentRow } from '../../infrastructure/deployment.repository.js';
import { APS_ENGINE_API } from '../aps/aps-engine.support.js';
import type { ActivitiDeploymentResponse, ActivitiProcessDefinitionResponse } from './activiti-repository.dto.js';

/** Absolute base of the engine API as the client reached it (Activiti REST answers absolute URLs). */
export function engineApiBase(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/${APS_ENGINE_API}`;
}

export function toActivitiDeployment(d: DeploymentRow, base: string): ActivitiDeploymentResponse {
  return {
    id: d.id,
    name: d.name,
    deploymentTime: apsDate(d.deployedAt)!,
    category: d.category,
    url: `${base}/repository/deployments/${d.id}`,
    tenantId: d.tenantId,
  };
}

export function toActivitiDefinition(d: DefinitionRow, base: string): ActivitiProcessDefinitionResponse {
  return {
    id: d.id,
    url: `${base}/repository/process-definitions/${encodeURIComponent(d.id)}`,
    key: d.key,
    version: d.version,
    name: d.name,
    description: d.description,
    deploymentId: d.deploymentId,
    deploymentUrl: `${base}/repository/deployments/${d.deploymentId}`,
    resource: `${base}/repository/deployments/${d.deploymentId}/resources/${encodeURIComponent(d.resourceName)}`,
    diagramResource: null,
    category: d.category,
    graphicalNotationDefined: d.graphicalNotation,
    suspended: d.suspended,
    startFormDefined: d.hasStartForm,
    tenantId: d.tenantId,
  };
}
