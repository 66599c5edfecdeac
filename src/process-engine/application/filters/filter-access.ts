import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import type { FilterKind, FilterScope } from '../../infrastructure/filter.repository.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';

export function filterScope(actor: Principal, kind: FilterKind): FilterScope {
  return { tenantId: actor.tenantId, userId: actor.userId, kind };
}

/** A filter's `appId` names an app model (type 3) of the caller's tenant, or nothing. */
export async function checkFilterApp(models: ModelRepository, actor: Principal, appId: string | null): Promise<void> {
  if (appId === null) return;
  const type = (await models.typesOf([appId], actor.tenantId)).get(appId);
  if (type !== 3) throw EngineErrors.invalidFilter('appId', `App ${appId} does not exist`, appId);
}
