import { Injectable } from '@nestjs/common';
import type { ProfileGroup, ProfileGroupsSource } from '../../domain/profile-groups.js';

/** Holds the registered ProfileGroupsSource; without one (org-structure not loaded) a profile shows no groups. */
@Injectable()
export class ProfileGroupsQuery {
  private source: ProfileGroupsSource | undefined;

  register(source: ProfileGroupsSource): void {
    this.source = source;
  }

  async of(tenantId: string, userId: string): Promise<readonly ProfileGroup[]> {
    return this.source ? this.source.groupsOf(tenantId, userId) : [];
  }
}
