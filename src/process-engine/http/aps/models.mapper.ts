import { apsDate } from '../../../../libs/dialects/dates.js';
import type { AppDefinitionSummary, RuntimeAppView } from '../../application/apps/app-definition.view.js';
import type { FilterView } from '../../application/filters/filter.view.js';
import type { ModelView } from '../../application/models/model.view.js';

const num = (id: string | null): number | null => (id === null ? null : Number(id));

export interface ApsModel {
  id: number;
  name: string;
  description: string | null;
  modelType: number;
  version: number;
  comment: string | null;
  stencilSet: number;
  referenceId: number | null;
  createdBy: number;
  createdByFullName: string | null;
  lastUpdatedBy: number;
  lastUpdatedByFullName: string | null;
  lastUpdated: string;
  latestVersion: boolean;
  favorite: boolean | null;
  permission: string | null;
  tenantId: number;
}

export function toApsModel(m: ModelView): ApsModel {
  return {
    id: Number(m.id),
    name: m.name,
    description: m.description,
    modelType: m.modelType,
    version: m.version,
    comment: m.comment,
    stencilSet: m.stencilSet === null ? 0 : Number(m.stencilSet),
    referenceId: num(m.referenceId),
    createdBy: Number(m.createdBy),
    createdByFullName: m.createdByFullName,
    lastUpdatedBy: Number(m.lastUpdatedBy),
    lastUpdatedByFullName: m.lastUpdatedByFullName,
    lastUpdated: apsDate(m.lastUpdated)!,
    latestVersion: m.latestVersion,
    favorite: m.favorite,
    permission: m.permission,
    tenantId: Number(m.tenantId),
  };
}

export function toApsAppDefinitionResult(model: ModelView, definition: AppDefinitionSummary): Record<string, unknown> {
  return {
    appDefinition: {
      ...toApsModel(model),
      definition: {
        models: definition.models.map((m) => ({ id: Number(m.modelId), name: m.name, version: m.version, key: m.key })),
        theme: definition.theme,
        icon: definition.icon,
      },
    },
    error: false,
    message: null,
    messageKey: null,
  };
}

export interface ApsRuntimeApp {
  deploymentId: string | null;
  name: string;
  icon: string;
  description: string | null;
  theme: string;
  modelId: number;
  id: number;
}

export function toApsRuntimeApp(a: RuntimeAppView): ApsRuntimeApp {
  return { deploymentId: a.deploymentId, name: a.name, icon: a.icon, description: a.description, theme: a.theme, modelId: Number(a.modelId), id: Number(a.id) };
}

export interface ApsFilter {
  id: number;
  name: string;
  appId: number | null;
  recent: boolean;
  icon: string | null;
  filter: Record<string, unknown>;
  index: number;
}

export function toApsFilter(f: FilterView): ApsFilter {
  return { id: Number(f.id), name: f.name, appId: num(f.appId), recent: f.recent, icon: f.icon, filter: f.filter, index: f.index };
}
