import { Injectable } from '@nestjs/common';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { OrganizationMemberSource } from '../../domain/organization-member-source.js';

/** Holds the organization-member port that org-structure registers at start-up. */
@Injectable()
export class OrganizationMembers {
  private source: OrganizationMemberSource | undefined;

  register(source: OrganizationMemberSource): void {
    this.source = source;
  }

  /** Without org-structure (a trimmed-down app) the filter is refused rather than ignored. */
  directMemberIds(tenantId: string, organizationId: string, field: string): Promise<readonly string[]> {
    if (!this.source) throw IdentityErrors.unsupportedFilter(field, organizationId, 'organizations are not available');
    return this.source.directMemberIds(tenantId, organizationId, field);
  }
}
