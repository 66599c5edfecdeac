import { apsDate } from '../../../../libs/dialects/dates.js';
import type { TenantView } from '../../application/tenants/tenant.view.js';
import type { UserView } from '../../application/users/user.view.js';
import type { ProfileGroup } from '../../domain/profile-groups.js';
import type { UserStatus } from '../../domain/user-status.js';

/** The permission codes that Alfresco calls capabilities (the `capability` kind of the catalog). */
const APS_CAPABILITIES: ReadonlySet<string> = new Set([
  'tenant-mgmt',
  'tenant-admin',
  'access-reports',
  'access-editor',
  'access-rest-api',
  'publish-app-to-user-dashboard',
]);

export type ApsUserStatus = 'pending' | 'inactive' | 'active' | 'deleted';
export const APS_USER_STATUSES: readonly ApsUserStatus[] = ['pending', 'inactive', 'active', 'deleted'];

/** Alfresco knows no vacation: a user on vacation still signs in and works, so aps shows them active. */
function apsStatus(status: UserStatus): ApsUserStatus {
  return status === 'vacation' ? 'active' : status;
}

/** Filtering by aps status `active` therefore also finds users on vacation. */
export function statusesForApsFilter(status: ApsUserStatus): UserStatus[] {
  return status === 'active' ? ['active', 'vacation'] : [status];
}

export interface ApsLightUser {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export interface ApsUser extends ApsLightUser {
  externalId: string | null;
  company: string | null;
  pictureId: number | null;
  fullname: string;
  password: null;
  type: string;
  status: ApsUserStatus;
  created: string | null;
  lastUpdate: string | null;
  tenantId: number;
  tenantName: string;
  tenantPictureId: number | null;
  latestSyncTimeStamp: string | null;
  capabilities: string[];
  /** The profile's direct groups; [] in user lists and admin views. */
  groups: ApsProfileGroup[];
}

/** A group as seed 004's profile shows it: capabilities, users and groups are not loaded there (null). */
export interface ApsProfileGroup {
  id: number;
  name: string;
  tenantId: number;
  type: 0 | 1;
  parentGroupId: number | null;
  externalId: string | null;
  status: 'active' | 'inactive';
  lastSyncTimeStamp: string | null;
  capabilities: null;
  users: null;
  groups: null;
}

function toApsProfileGroup(g: ProfileGroup): ApsProfileGroup {
  return {
    id: Number(g.id),
    name: g.name,
    tenantId: Number(g.tenantId),
    type: g.kind === 'system' ? 0 : 1,
    parentGroupId: g.parentGroupId === null ? null : Number(g.parentGroupId),
    externalId: g.externalId,
    status: g.status === 'ACTIVE' ? 'active' : 'inactive',
    lastSyncTimeStamp: apsDate(g.lastSyncAt),
    capabilities: null,
    users: null,
    groups: null,
  };
}

export interface ApsAppVersion {
  edition: string;
  majorVersion: string;
  revisionVersion: string;
  minorVersion: string;
  type: string;
}

export interface ApsTenant {
  id: number;
  name: string;
  key: string;
  domain: string | null;
  active: boolean;
  maxUsers: number | null;
  logoId: number | null;
  created: string | null;
  lastUpdate: string | null;
}

/** The picker shape of seed 004 "User and Group lists": exactly id, firstName, lastName, email. */
export function toApsLightUser(u: UserView): ApsLightUser {
  return { id: Number(u.id), firstName: u.firstName, lastName: u.lastName, email: u.email };
}

/** A user's picture ids (content's, through identity's PictureSource); absent = none known. */
export interface ApsUserPictures {
  readonly pictureId: string | null;
  readonly tenantPictureId: string | null;
}

export function toApsUser(u: UserView, groups: readonly ProfileGroup[] = [], pictures?: ApsUserPictures): ApsUser {
  return {
    id: Number(u.id),
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    externalId: u.externalId,
    company: u.company,
    pictureId: pictures?.pictureId ? Number(pictures.pictureId) : null,
    fullname: [u.firstName, u.lastName].filter((s) => s !== '').join(' '),
    password: null,
    type: u.profile.accountType ?? 'enterprise',
    status: apsStatus(u.status),
    created: apsDate(new Date(u.createdAt)),
    lastUpdate: apsDate(new Date(u.updatedAt)),
    tenantId: Number(u.tenantId),
    tenantName: u.tenantName,
    tenantPictureId: pictures?.tenantPictureId ? Number(pictures.tenantPictureId) : null,
    latestSyncTimeStamp: apsDate(u.lastSyncAt ? new Date(u.lastSyncAt) : null),
    capabilities: u.permissions.filter((p) => APS_CAPABILITIES.has(p)).sort(),
    groups: groups.map(toApsProfileGroup),
  };
}

export function toApsTenant(t: TenantView): ApsTenant {
  return {
    id: Number(t.id),
    name: t.name,
    key: t.key,
    domain: t.domain,
    active: t.active,
    maxUsers: t.maxUsers,
    logoId: t.logoId === null ? null : Number(t.logoId),
    created: apsDate(new Date(t.createdAt)),
    lastUpdate: apsDate(new Date(t.updatedAt)),
  };
}
