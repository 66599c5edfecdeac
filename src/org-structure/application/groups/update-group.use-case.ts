import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { assertCanNest, normalizeTitle } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import { requireGroupManager } from './group-manager.js';
import type { GroupFields } from './group-fields.js';
import type { GroupView } from './group.view.js';

/** Absent fields stay as they are; `parentId: null` makes the group top-level. The kind never changes. */
export interface UpdateGroupInput extends GroupActorInput, Partial<GroupFields> {
  readonly groupId: string;
}

@Injectable()
export class UpdateGroup {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  @Transactional()
  async execute(input: UpdateGroupInput): Promise<GroupView> {
    const tenantId = groupTenant(input);
    await requireGroupManager(this.identity, tenantId, input.managerId);
    await this.groups.lockGraph(tenantId);
    const group = await this.groups.lockRow(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    const title = input.title === undefined ? undefined : normalizeTitle(input.title);
    if (title !== undefined && (await this.groups.titleTaken(tenantId, title, group.id))) throw GroupErrors.titleTaken(title);
    if (input.parentId !== undefined && input.parentId !== null) {
      if (input.parentId === group.id) throw GroupErrors.selfMember(group.id, 'parentId');
      const parent = await this.groups.lockRow(input.parentId, tenantId);
      if (!parent) throw GroupErrors.parentNotFound(input.parentId);
      assertCanNest(parent, group, await this.groups.ancestorsOf(parent.id), 'parentId');
    }
    await this.groups.update(group.id, tenantId, {
      title,
      status: input.status,
      description: input.description,
      parentId: input.parentId,
      managerId: input.managerId,
      externalId: input.externalId,
      lastSyncAt: input.lastSyncAt,
    });
    return (await this.groups.view(group.id, tenantId))!;
  }
}
