import { apsDate } from '../../../../libs/dialects/dates.js';
import type { UserSummary } from '../../../identity/index.js';
import type { CapabilityView, GroupView } from '../../application/groups/group.view.js';

export type ApsGroupType = 0 | 1;
export type ApsGroupStatus = 'active' | 'inactive';

/** Seed 004's capability object. */
export interface ApsGroupCapability {
  id: number;
  name: string;
}

/** A member in a group's details: the user object of seed 004 (tenantName, capabilities and groups not loaded). */
export interface ApsGroupUser {
  id: number;
  tenantId: number;
  firstName: string;
  lastName: string;
  fullname: string;
  email: string | null;
  password: null;
  type: string;
  company: string | null;
  externalId: string | null;
  capabilities: null;
  tenantPictureId: null;
  pictureId: null;
  created: string | null;
  lastUpdate: string | null;
  latestSyncTimeStamp: string | null;
  tenantName: null;
  status: 'pending' | 'inactive' | 'active' | 'deleted';
  groups: null;
}

/** The group object of seed 004; lists leave `capabilities`, `users` and `groups` null (not loaded). */
export interface ApsGroup {
  id: number;
  name: string;
  tenantId: number;
  type: ApsGroupType;
  parentGroupId: number | null;
  externalId: string | null;
  status: ApsGroupStatus;
  lastSyncTimeStamp: string | null;
  /** Direct user members, also when `users` is not loaded. */
  userCount: number;
  capabilities: ApsGroupCapability[] | null;
  users: ApsGroupUser[] | null;
  groups: ApsGroup[] | null;
}

/** The picker shape of seed 004 "User and Group lists": exactly id, name, externalId. */
export interface ApsLightGroup {
  id: number;
  name: string;
  externalId: string | null;
}

/** The picker's user shape: exactly id, firstName, lastName, email. */
export interface ApsLightUser {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
}

export const apsGroupType = (kind: GroupView['kind']): ApsGroupType => (kind === 'system' ? 0 : 1);
export const groupKind = (type: ApsGroupType): GroupView['kind'] => (type === 0 ? 'system' : 'functional');

export function toApsGroup(
  g: GroupView,
  loaded: { capabilities?: CapabilityView[]; users?: UserSummary[]; groups?: GroupView[] } = {},
): ApsGroup {
  return {
    id: Number(g.id),
    name: g.title,
    tenantId: Number(g.tenantId),
    type: apsGroupType(g.kind),
    parentGroupId: g.parentId === null ? null : Number(g.parentId),
    externalId: g.externalId,
    status: g.status === 'ACTIVE' ? 'active' : 'inactive',
    lastSyncTimeStamp: apsDate(g.lastSyncAt),
    userCount: g.userCount,
    capabilities: loaded.capabilities?.map(toApsCapability) ?? null,
    users: loaded.users?.map((u) => toApsGroupUser(u, g.tenantId)) ?? null,
    groups: loaded.groups?.map((c) => toApsGroup(c)) ?? null,
  };
}

export function toApsCapability(c: CapabilityView): ApsGroupCapability {
  return { id: Number(c.id), name: c.name };
}

export function toApsGroupUser(u: UserSummary, tenantId: string): ApsGroupUser {
  return {
    id: Number(u.id),
    tenantId: Number(tenantId),
    firstName: u.firstName,
    lastName: u.lastName,
    fullname: [u.firstName, u.lastName].filter((s) => s !== '').join(' '),
    email: u.email,
    password: null,
    type: 'enterprise',
    company: u.company,
    externalId: u.externalId,
    capabilities: null,
    tenantPictureId: null,
    pictureId: null,
    created: apsDate(u.createdAt),
    lastUpdate: apsDate(u.updatedAt),
    latestSyncTimeStamp: apsDate(u.lastSyncAt),
    tenantName: null,
    // Alfresco knows no vacation: such a user still works, so shows as active (as in the identity endpoints).
    status: u.status === 'vacation' ? 'active' : u.status,
    groups: null,
  };
}

export function toApsLightGroup(g: GroupView): ApsLightGroup {
  return { id: Number(g.id), name: g.title, externalId: g.externalId };
}

export function toApsLightUser(u: UserSummary): ApsLightUser {
  return { id: Number(u.id), firstName: u.firstName, lastName: u.lastName, email: u.email };
}
