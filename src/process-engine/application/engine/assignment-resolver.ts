import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';

export interface ResolvedRefs {
  readonly users: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
}

/**
 * Users and groups named in models (design.md §8): `assignee` and `candidateUsers` may be a user
 * id, username or email, `candidateGroups` a group id or name. One query each for a whole engine
 * step, through the identity and org-structure facades (the only doors to those contexts).
 */
@Injectable()
export class AssignmentResolver {
  constructor(
    private readonly identity: IdentityApi,
    private readonly org: OrgStructureApi,
  ) {}

  async resolve(tenantId: string, userRefs: readonly string[], groupRefs: readonly string[]): Promise<ResolvedRefs> {
    const users = userRefs.length > 0 ? await this.identity.userIdsByReference(tenantId, userRefs) : new Map<string, string>();
    const groups = groupRefs.length > 0 ? await this.org.groupIdsByReference(tenantId, groupRefs) : new Map<string, string>();
    return { users, groups };
  }
}
