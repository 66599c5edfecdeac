/**
 * Where a user sits in the organization, as identity's own views show it (ProcessMaker's `dep_uid`
 * and `usr_reports_to`). org-structure owns the answer; identity cannot depend on it, so it
 * declares this port and org-structure registers the implementation through IdentityApi.
 */
export interface UserOrgInfo {
  readonly departmentId: string | null;
  /** The user id of the manager the user reports to. */
  readonly reportsTo: string | null;
}

export interface UserOrgInfoSource {
  /** One answer for many users (lists must not cost a query per user); users without a department may be left out. */
  orgInfoOf(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, UserOrgInfo>>;
}

export const NO_ORG_INFO: UserOrgInfo = { departmentId: null, reportsTo: null };
