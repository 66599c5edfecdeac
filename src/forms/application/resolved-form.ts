import type { ResolvedForm } from '../forms.api.types.js';
import type { LoadedForm } from '../infrastructure/form-definition.cache.js';

/** The published view of a stored definition. */
export function toResolvedForm({ row, form }: LoadedForm): ResolvedForm {
  return {
    id: row.id,
    tenantId: row.tenantId,
    key: row.key,
    name: row.name,
    source: row.source,
    deploymentId: row.deploymentId,
    modelId: row.modelId,
    version: row.version,
    outcomes: form.outcomes.map((o) => ({ id: o.id, name: o.name })),
  };
}
