/** Events published by the org-structure context. Types only: this file imports nothing. */
export interface MembershipChangedPayload {
  readonly groupId: string;
  readonly memberType: 'user' | 'group';
  readonly memberId: string;
  readonly change: 'added' | 'removed';
}

export interface GroupDeletedPayload {
  readonly groupId: string;
  readonly title: string;
  readonly kind: 'system' | 'functional';
}

export interface OrgStructureEvents {
  'org-structure.membership.changed': MembershipChangedPayload;
  'org-structure.group.deleted': GroupDeletedPayload;
}
