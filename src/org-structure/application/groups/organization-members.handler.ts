import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';

/**
 * Answers identity's OrganizationMemberSource port: the direct user members of an organization
 * (a functional group; system groups are not organizations). Identity filters its user lists with
 * the ids, in SQL, so a page of users stays one query however large the organization.
 */
@Injectable()
export class OrganizationMembersSource implements OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly groups: GroupRepository,
  ) {}

  onModuleInit(): void {
    this.identity.registerOrganizationMemberSource({ directMemberIds: (tenantId, id, field) => this.directMemberIds(tenantId, id, field) });
  }

  async directMemberIds(tenantId: string, organizationId: string, field: string): Promise<string[]> {
    const group = await this.groups.view(organizationId, tenantId);
    if (!group || group.kind !== 'functional') throw GroupErrors.notFound(organizationId, field);
    return this.groups.directUserIds(group.id);
  }
}
