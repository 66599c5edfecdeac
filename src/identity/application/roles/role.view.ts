/** A role as every dialect's mapper sees it. */
export interface RoleView {
  readonly id: string;
  /** null for the predefined roles that every tenant shares. */
  readonly tenantId: string | null;
  readonly code: string;
  readonly name: string;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly createdAt: Date;
  readonly updatedAt: Date | null;
  /** Users of the role in the tenant that asked (deleted users not counted). */
  readonly totalUsers: number;
}

export interface PermissionView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface RoleChanges {
  readonly code?: string;
  readonly name?: string;
  readonly status?: 'ACTIVE' | 'INACTIVE';
}
