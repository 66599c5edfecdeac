import { Injectable } from '@nestjs/common';
import { hasPermission, Permission, type Principal } from '../../../identity/index.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';

export interface GroupTenantInput {
  readonly actor: Principal;
  readonly groupId: string;
}

/**
 * The tenant a request about one group (named by id alone) acts in. A tenant manager reaches a
 * group of any tenant, so the group's own tenant is looked up; anyone else stays in their own
 * tenant, where another tenant's group does not exist (404). The use case then checks access to
 * that tenant as always.
 */
@Injectable()
export class GroupTenant {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: GroupTenantInput): Promise<string> {
    if (!hasPermission(input.actor, Permission.TenantManager)) return input.actor.tenantId;
    return (await this.groups.tenantOf(input.groupId)) ?? input.actor.tenantId;
  }
}
