/** Events published by the org-structure context. Types only: this file imports nothing. */

/** A user or (functional groups) a group joined or left a group. */
export interface GroupMembershipChangedPayload {
  readonly scope: 'group';
  readonly groupId: string;
  readonly memberType: 'user' | 'group';
  readonly memberId: string;
  readonly change: 'added' | 'removed';
}

/**
 * A user joined or left a department, or became or stopped being its manager. A move between
 * departments is two events: `removed` from the old one, `added` to the new one.
 */
export interface DepartmentMembershipChangedPayload {
  readonly scope: 'department';
  readonly departmentId: string;
  readonly memberType: 'user';
  readonly memberId: string;
  readonly change: 'added' | 'removed' | 'manager-appointed' | 'manager-removed';
}

/** Discriminated by `scope`: a handler that cares about groups only checks `scope === 'group'`. */
export type MembershipChangedPayload = GroupMembershipChangedPayload | DepartmentMembershipChangedPayload;

export interface GroupDeletedPayload {
  readonly groupId: string;
  readonly title: string;
  readonly kind: 'system' | 'functional';
}

export interface OrgStructureEvents {
  'org-structure.membership.changed': MembershipChangedPayload;
  'org-structure.group.deleted': GroupDeletedPayload;
}
