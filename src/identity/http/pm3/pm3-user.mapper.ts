import { pm3DateTime } from '../../../../libs/dialects/dates.js';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import type { UserView } from '../../application/users/user.view.js';
import { NO_ORG_INFO, type UserOrgInfo } from '../../domain/user-org-info.js';
import type { UserStatus } from '../../domain/user-status.js';

export type Pm3UserStatus = 'ACTIVE' | 'INACTIVE' | 'VACATION';
export const PM3_USER_STATUSES: readonly Pm3UserStatus[] = ['ACTIVE', 'INACTIVE', 'VACATION'];

export function fromPm3Status(status: Pm3UserStatus): UserStatus {
  return status === 'ACTIVE' ? 'active' : status === 'VACATION' ? 'vacation' : 'inactive';
}

/** `pending` users (invited elsewhere, not yet able to sign in) read as INACTIVE, ProcessMaker's nearest status. */
function toPm3Status(status: UserStatus): Pm3UserStatus {
  return status === 'active' ? 'ACTIVE' : status === 'vacation' ? 'VACATION' : 'INACTIVE';
}

export interface Pm3User {
  usr_uid: string;
  usr_username: string;
  usr_password: string;
  usr_firstname: string;
  usr_lastname: string;
  usr_email: string;
  usr_due_date: string;
  usr_create_date: string;
  usr_update_date: string;
  usr_status: Pm3UserStatus;
  usr_country: string;
  usr_city: string;
  usr_location: string;
  usr_address: string;
  usr_phone: string;
  usr_fax: string;
  usr_cellular: string;
  usr_zip_code: string;
  dep_uid: string;
  usr_position: string;
  usr_resume: string;
  usr_birthday: string;
  usr_role: string;
  usr_reports_to: string;
  usr_replaced_by: string;
  usr_ux: string;
}

export interface Pm3UserSummary {
  usr_uid: string;
  usr_username: string;
  usr_firstname: string;
  usr_lastname: string;
  usr_status: Pm3UserStatus;
}

/**
 * `usr_password` is always "": ProcessMaker returns an MD5 of the password, but Meridian keeps only
 * an argon2id hash and never lets it leave the identity context. `dep_uid` and `usr_reports_to` come
 * from org-structure (through the UserOrgInfoSource port); "" when the user is in no department.
 */
export function toPm3User(u: UserView, org: UserOrgInfo = NO_ORG_INFO): Pm3User {
  const p = u.profile;
  return {
    usr_uid: pm3Id.encode(u.id),
    usr_username: u.username,
    usr_password: '',
    usr_firstname: u.firstName,
    usr_lastname: u.lastName,
    usr_email: u.email ?? '',
    usr_due_date: u.dueDate ?? '',
    usr_create_date: pm3DateTime(new Date(u.createdAt)),
    usr_update_date: pm3DateTime(new Date(u.updatedAt)),
    usr_status: toPm3Status(u.status),
    usr_country: p.country ?? '',
    usr_city: p.city ?? '',
    usr_location: p.location ?? '',
    usr_address: p.address ?? '',
    usr_phone: p.phone ?? '',
    usr_fax: p.fax ?? '',
    usr_cellular: p.cellular ?? '',
    usr_zip_code: p.zipCode ?? '',
    dep_uid: org.departmentId ? pm3Id.encode(org.departmentId) : '',
    usr_position: p.position ?? '',
    usr_resume: '',
    usr_birthday: p.birthday ?? '',
    usr_role: u.roleCode ?? '',
    usr_reports_to: org.reportsTo ? pm3Id.encode(org.reportsTo) : '',
    usr_replaced_by: u.replacedBy ? pm3Id.encode(u.replacedBy) : '',
    usr_ux: p.ux ?? 'NORMAL',
  };
}

export function toPm3UserSummary(u: UserView): Pm3UserSummary {
  return {
    usr_uid: pm3Id.encode(u.id),
    usr_username: u.username,
    usr_firstname: u.firstName,
    usr_lastname: u.lastName,
    usr_status: toPm3Status(u.status),
  };
}
