import { type Principal, requirePermission } from '../../../identity/index.js';
import { actingTenant, ORG_ADMIN } from '../org-admin.js';

/**
 * `admin`: group administration; `member`: any authenticated user of the tenant (the pickers that
 * the dialects document as open to everyone, such as Alfresco's `api/enterprise/groups`).
 */
export type GroupAccess = 'admin' | 'member';

export interface GroupActorInput {
  readonly actor: Principal;
  /** Default the actor's tenant; another one only for a tenant manager. */
  readonly tenantId?: string;
}

/** Checks access and answers the tenant the request acts in. */
export function groupTenant(input: GroupActorInput, access: GroupAccess = 'admin'): string {
  if (access === 'admin') requirePermission(input.actor, ...ORG_ADMIN);
  return actingTenant(input.actor, input.tenantId);
}
