import { hasPermission, Permission, type Principal, requirePermission } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';

/** Who administers groups: ProcessMaker 3 PM_USERS / PM_SETUP_ADVANCE, Alfresco tenant admin or manager, Questetra user admin. */
export const GROUP_ADMIN = [
  Permission.ManageUsers,
  Permission.SetupAdvanced,
  Permission.TenantAdmin,
  Permission.TenantManager,
  Permission.UserAdmin,
  Permission.SystemAdmin,
];

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
  if (access === 'admin') requirePermission(input.actor, ...GROUP_ADMIN);
  if (input.tenantId === undefined || input.tenantId === input.actor.tenantId) return input.actor.tenantId;
  if (!hasPermission(input.actor, Permission.TenantManager)) throw GroupErrors.otherTenant();
  return input.tenantId;
}
