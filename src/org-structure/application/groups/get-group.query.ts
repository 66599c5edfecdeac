import { Injectable } from '@nestjs/common';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupAccess, type GroupActorInput, groupTenant } from './group-access.js';
import type { GroupView } from './group.view.js';

export interface GetGroupInput extends GroupActorInput {
  readonly groupId: string;
  /** Default `admin`. */
  readonly access?: GroupAccess;
}

@Injectable()
export class GetGroup {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: GetGroupInput): Promise<GroupView> {
    const tenantId = groupTenant(input, input.access);
    const group = await this.groups.view(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    return group;
  }
}
