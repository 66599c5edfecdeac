import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IdentityApi, type ProfileGroup, type ProfileGroupsSource } from '../../../identity/index.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';

/**
 * Answers identity's ProfileGroupsSource port: the groups a user is a direct member of (system and
 * functional, INACTIVE ones too, as their status says), by title. Seed 004's profile example lists
 * direct memberships only; inherited ones would be a surprise in "the groups that the user is part of".
 */
@Injectable()
export class GroupProfileSource implements ProfileGroupsSource, OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly groups: GroupRepository,
  ) {}

  onModuleInit(): void {
    this.identity.registerProfileGroupsSource(this);
  }

  async groupsOf(tenantId: string, userId: string): Promise<ProfileGroup[]> {
    const direct = (await this.groups.groupsOfUser(userId, tenantId, false)).filter((g) => g.direct).map((g) => g.id);
    if (direct.length === 0) return [];
    return (await this.groups.views(direct, tenantId))
      .sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || Number(a.id) - Number(b.id))
      .map((g) => ({
        id: g.id,
        tenantId: g.tenantId,
        name: g.title,
        kind: g.kind,
        parentGroupId: g.parentId,
        externalId: g.externalId,
        status: g.status,
        lastSyncAt: g.lastSyncAt,
      }));
  }
}
