/**
 * A group as a user's profile shows it. Groups belong to org-structure, which identity may not
 * import: org-structure implements ProfileGroupsSource and registers it through IdentityApi.
 */
export interface ProfileGroup {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly kind: 'system' | 'functional';
  readonly parentGroupId: string | null;
  readonly externalId: string | null;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly lastSyncAt: Date | null;
}

export interface ProfileGroupsSource {
  /** The groups the user is a direct member of, by name. */
  groupsOf(tenantId: string, userId: string): Promise<readonly ProfileGroup[]>;
}
