import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { assertCanNest, type GroupKind, normalizeTitle } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import { requireGroupManager } from './group-manager.js';
import type { GroupFields } from './group-fields.js';
import type { GroupView } from './group.view.js';

export interface CreateGroupInput extends GroupActorInput, GroupFields {
  /** Default `functional` (ProcessMaker groups are organizational units). */
  readonly kind?: GroupKind;
}

/** Creates a group; titles are unique per tenant, case-insensitively. Admin only. */
@Injectable()
export class CreateGroup {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  @Transactional()
  async execute(input: CreateGroupInput): Promise<GroupView> {
    const tenantId = groupTenant(input);
    const title = normalizeTitle(input.title);
    const kind = input.kind ?? 'functional';
    await requireGroupManager(this.identity, tenantId, input.managerId);
    await this.groups.lockGraph(tenantId);
    if (await this.groups.titleTaken(tenantId, title)) throw GroupErrors.titleTaken(title);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await this.groups.lockRow(parentId, tenantId);
      if (!parent) throw GroupErrors.parentNotFound(parentId);
      // A new group has no descendants, so only the kinds can be wrong.
      assertCanNest(parent, { id: '0', kind }, new Set([parent.id]), 'parentId');
    }
    const id = await this.groups.insert({
      tenantId,
      title,
      description: input.description ?? null,
      kind,
      parentId,
      managerId: input.managerId ?? null,
      status: input.status ?? 'ACTIVE',
      externalId: input.externalId ?? null,
      lastSyncAt: input.lastSyncAt ?? null,
    });
    return (await this.groups.view(id, tenantId))!;
  }
}
