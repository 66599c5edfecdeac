import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { CapabilityView } from './group.view.js';

export interface ListGroupCapabilitiesInput extends GroupActorInput {
  readonly groupId: string;
  /** `assigned`: the group's capabilities ({id, name}); `potential`: capabilities it could still get (id = the code). */
  readonly which?: 'assigned' | 'potential';
}

/** Admin only. A functional group has none, and none potential. */
@Injectable()
export class ListGroupCapabilities {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListGroupCapabilitiesInput): Promise<CapabilityView[]> {
    const tenantId = groupTenant(input);
    const group = await this.groups.view(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    const assigned = await this.groups.capabilities(group.id);
    if ((input.which ?? 'assigned') === 'assigned') return assigned;
    if (group.kind !== 'system') return [];
    const have = new Set(assigned.map((c) => c.name));
    return (await this.identity.capabilities()).filter((c) => !have.has(c.code)).map((c) => ({ id: c.code, groupId: group.id, name: c.code }));
  }
}
