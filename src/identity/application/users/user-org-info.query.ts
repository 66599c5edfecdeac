import { Injectable } from '@nestjs/common';
import { NO_ORG_INFO, type UserOrgInfo, type UserOrgInfoSource } from '../../domain/user-org-info.js';

/** Asks the registered UserOrgInfoSource (org-structure) about users; without one every user is in no department. */
@Injectable()
export class UserOrgInfoQuery {
  private source: UserOrgInfoSource | undefined;

  register(source: UserOrgInfoSource): void {
    this.source = source;
  }

  async of(tenantId: string, userIds: readonly string[]): Promise<(userId: string) => UserOrgInfo> {
    const found = this.source && userIds.length > 0 ? await this.source.orgInfoOf(tenantId, userIds) : new Map<string, UserOrgInfo>();
    return (userId) => found.get(userId) ?? NO_ORG_INFO;
  }
}
