import { Injectable } from '@nestjs/common';
import { ResolveWorkspace } from './application/tenants/resolve-workspace.query.js';
import { UserOrgInfoQuery } from './application/users/user-org-info.query.js';
import type { UserOrgInfoSource } from './domain/user-org-info.js';
import { type GrantSource, PrincipalLoader } from './infrastructure/principal.loader.js';
import { type UserSummary, UserRepository } from './infrastructure/user.repository.js';

/** The identity context's facade: what other contexts may ask of it. */
@Injectable()
export class IdentityApi {
  constructor(
    private readonly principals: PrincipalLoader,
    private readonly workspaces: ResolveWorkspace,
    private readonly users: UserRepository,
    private readonly orgInfo: UserOrgInfoQuery,
  ) {}

  /** org-structure registers the capabilities its system groups grant to their members. */
  registerGrantSource(source: GrantSource): void {
    this.principals.registerGrantSource(source);
  }

  /** org-structure registers where users sit in the organization (ProcessMaker's dep_uid and usr_reports_to). */
  registerUserOrgInfoSource(source: UserOrgInfoSource): void {
    this.orgInfo.register(source);
  }

  /** ProcessMaker's `{workspace}` path segment → tenant id; an unknown workspace is IDENTITY.WORKSPACE_NOT_FOUND. */
  tenantIdOfWorkspace(workspace: string): Promise<string> {
    return this.workspaces.execute(workspace);
  }

  /** Users of the tenant (not deleted) with these ids, ordered by username; ids not found are left out. */
  userSummaries(tenantId: string, ids: readonly string[]): Promise<UserSummary[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.users.summaries(tenantId, { ids });
  }

  /** Every user of the tenant (not deleted) except these, ordered by username. */
  userSummariesExcept(tenantId: string, excludeIds: readonly string[]): Promise<UserSummary[]> {
    return this.users.summaries(tenantId, { excludeIds });
  }
}
