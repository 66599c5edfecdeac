import { Injectable } from '@nestjs/common';
import type { Principal } from '../../domain/principal.js';
import { type UserCriteria, UserRepository } from '../../infrastructure/user.repository.js';
import { OrganizationMembers } from './organization-members.js';
import { requireUserAdmin, tenantFor } from './user-admin.js';
import type { UserView } from './user.view.js';

export interface ListUsersInput extends Omit<UserCriteria, 'tenantId'> {
  readonly actor: Principal;
  readonly tenantId?: string;
  /** See GetUserInput.purpose. */
  readonly purpose: 'directory' | 'administration';
  /**
   * Only direct members of this organization (an org-structure functional group); `field` names
   * the request parameter for the error when the organization does not exist.
   */
  readonly memberOf?: { readonly organizationId: string; readonly field: string };
}

export interface UserPage {
  readonly total: number;
  readonly items: readonly UserView[];
}

@Injectable()
export class ListUsers {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationMembers,
  ) {}

  async execute(input: ListUsersInput): Promise<UserPage> {
    if (input.purpose === 'administration') requireUserAdmin(input.actor);
    const { actor, purpose: _purpose, tenantId: requested, memberOf, ...criteria } = input;
    const tenantId = tenantFor(actor, requested);
    if (memberOf) {
      const members = await this.organizations.directMemberIds(tenantId, memberOf.organizationId, memberOf.field);
      const includeIds = criteria.includeIds ? members.filter((id) => criteria.includeIds!.includes(id)) : members;
      return this.users.list({ ...criteria, includeIds, tenantId });
    }
    return this.users.list({ ...criteria, tenantId });
  }
}
