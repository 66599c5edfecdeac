import type { GroupKind, GroupStatus, MembershipRole } from '../../domain/group-rules.js';

/** A group as every dialect's mapper sees it. Counts are of direct members. */
export interface GroupView {
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly description: string | null;
  readonly kind: GroupKind;
  readonly parentId: string | null;
  readonly managerId: string | null;
  readonly status: GroupStatus;
  readonly externalId: string | null;
  readonly lastSyncAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Users who are direct members (deleted users leave their groups, so they are not counted). */
  readonly userCount: number;
  /** Groups that are direct members (ProcessMaker 4 group-in-group). */
  readonly memberGroupCount: number;
  /** Groups whose parent this is. */
  readonly childCount: number;
}

export interface MembershipView {
  readonly id: string;
  readonly groupId: string;
  readonly memberType: 'user' | 'group';
  readonly memberId: string;
  readonly role: MembershipRole;
  readonly description: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface CapabilityView {
  readonly id: string;
  readonly groupId: string;
  readonly name: string;
}
