import type { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';

/** A group's manager, when one is given, must be a user of the tenant. */
export async function requireGroupManager(identity: IdentityApi, tenantId: string, managerId: string | null | undefined): Promise<void> {
  if (managerId === undefined || managerId === null) return;
  const [found] = await identity.existingUserIds(tenantId, [managerId]);
  if (!found) throw GroupErrors.managerNotFound(managerId);
}
