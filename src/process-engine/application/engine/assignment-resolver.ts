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

  /** `knownUserIds`: ids already known to name live users of the tenant (the caller): not looked up. */
  async resolve(tenantId: string, userRefs: readonly string[], groupRefs: readonly string[], knownUserIds: readonly string[] = []): Promise<ResolvedRefs> {
    const lookup = userRefs.filter((r) => !knownUserIds.includes(r));
    const users = lookup.length > 0 ? await this.identity.userIdsByReference(tenantId, lookup) : new Map<string, string>();
    for (const id of knownUserIds) users.set(id, id);
    const groups = groupRefs.length > 0 ? await this.org.groupIdsByReference(tenantId, groupRefs) : new Map<string, string>();
    return { users, groups };
  }
}
