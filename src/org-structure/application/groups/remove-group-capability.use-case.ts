import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';

export interface RemoveGroupCapabilityInput extends GroupActorInput {
  readonly groupId: string;
  /** The id of the group's capability row (Alfresco's groupCapabilityId). */
  readonly capabilityId: string;
}

@Injectable()
export class RemoveGroupCapability {
  constructor(private readonly groups: GroupRepository) {}

  @Transactional()
  async execute(input: RemoveGroupCapabilityInput): Promise<void> {
    const tenantId = groupTenant(input);
    const group = await this.groups.lockRow(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    if (!(await this.groups.removeCapability(group.id, input.capabilityId))) throw GroupErrors.capabilityNotFound(input.capabilityId);
  }
}
