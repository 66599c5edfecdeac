import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';

export interface DeleteGroupInput extends GroupActorInput {
  readonly groupId: string;
}

/**
 * Deletes the group with its memberships (as member and as container) and capabilities; its
 * sub-groups become top-level. Unlike ProcessMaker 3, which leaves GROUP_USER rows behind, no
 * membership outlives its group: an orphan row would still count in nothing and mean nothing.
 */
@Injectable()
export class DeleteGroup {
  constructor(
    private readonly groups: GroupRepository,
    private readonly bus: DomainEventBus,
  ) {}

  @Transactional()
  async execute(input: DeleteGroupInput): Promise<void> {
    const tenantId = groupTenant(input);
    await this.groups.lockGraph(tenantId);
    const group = await this.groups.lockRow(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    await this.groups.delete(group.id, tenantId);
    await this.bus.publish('org-structure.group.deleted', { groupId: group.id, title: group.title, kind: group.kind }, tenantId);
  }
}
