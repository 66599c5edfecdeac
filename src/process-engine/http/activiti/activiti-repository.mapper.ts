import type { Request } from 'express';
import { apsDate } from '../../../../libs/dialects/dates.js';
import type { DefinitionRow } from '../../infrastructure/definition.repository.js';
import type { DeploymentRow } from '../../infrastructure/deployment.repository.js';
import { APS_ENGINE_API } from '../aps/aps-engine.support.js';
import type { DeploymentResourceView } from '../../application/deployments/get-deployment-resources.query.js';
import type { ActivitiDeploymentResponse, ActivitiProcessDefinitionResponse, ActivitiResourceResponse } from './activiti-repository.dto.js';

/** Activiti's default page size. */
const ACTIVITI_DEFAULT_SIZE = 10;

/** The paging of an Activiti REST list, defaults applied: what the use case takes (sort, order, offset, limit). */
export interface ActivitiPaging<S extends string> {
  readonly sort: S;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

export function activitiPaging<S extends string>(q: { sort?: S; order?: 'asc' | 'desc'; start?: number; size?: number }, defaultSort: S): ActivitiPaging<S> {
  return { sort: q.sort ?? defaultSort, order: q.order ?? 'asc', offset: q.start ?? 0, limit: q.size ?? ACTIVITI_DEFAULT_SIZE };
}

/** Activiti REST paging `{data, total, start, sort, order, size}`; `size` is the number of items in this page. */
export function activitiList<T, R>(
  paging: ActivitiPaging<string>,
  page: { readonly items: readonly T[]; readonly total: number },
  map: (item: T) => R,
): { data: R[]; total: number; start: number; sort: string; order: string; size: number } {
  return { data: page.items.map(map), total: page.total, start: paging.offset, sort: paging.sort, order: paging.order, size: page.items.length };
}

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

export function toActivitiResource(deploymentId: string, r: DeploymentResourceView, base: string): ActivitiResourceResponse {
  const name = encodeURIComponent(r.name);
  return {
    id: r.name,
    url: `${base}/repository/deployments/${deploymentId}/resources/${name}`,
    contentUrl: `${base}/repository/deployments/${deploymentId}/resourcedata/${name}`,
    mediaType: r.mediaType,
    type: r.type,
  };
}

/** `inline` with an ASCII fallback name and the exact name as RFC 5987 `filename*` (header values must be ASCII). */
export function inlineDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
