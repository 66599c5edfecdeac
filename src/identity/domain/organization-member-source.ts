/**
 * Identity filters user lists by organization (Questetra's `qgroupId` on Quser/list), but
 * organizations live in org-structure, which depends on identity and not the other way round.
 * org-structure provides this port through IdentityApi.registerOrganizationMemberSource.
 */
export interface OrganizationMemberSource {
  /**
   * Ids of the users who are direct members of the tenant's organization `organizationId`
   * (members of nested organizations do not count). When the tenant has no such organization it
   * throws a not-found DomainError naming `field`, the request parameter that carried the id.
   */
  directMemberIds(tenantId: string, organizationId: string, field: string): Promise<readonly string[]>;
}
