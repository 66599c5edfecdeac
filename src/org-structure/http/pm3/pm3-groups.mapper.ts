import { pm3Id } from '../../../../libs/dialects/ids.js';
import type { UserSummary } from '../../../identity/index.js';
import type { GroupView } from '../../application/groups/group.view.js';
import type { Pm3CreatedGroupResponse, Pm3GroupResponse, Pm3GroupUserResponse } from './pm3-groups.dto.js';

export function toPm3Group(g: GroupView): Pm3GroupResponse {
  return { grp_uid: pm3Id.encode(g.id), grp_title: g.title, grp_status: g.status, grp_users: g.userCount, grp_tasks: 0 };
}

export function toPm3CreatedGroup(g: GroupView): Pm3CreatedGroupResponse {
  return { grp_uid: pm3Id.encode(g.id), grp_title: g.title, grp_status: g.status };
}

/** `pending` users (invited, not yet able to sign in) read as INACTIVE, ProcessMaker's nearest status. */
export function toPm3GroupUser(u: UserSummary): Pm3GroupUserResponse {
  return {
    usr_uid: pm3Id.encode(u.id),
    usr_username: u.username,
    usr_firstname: u.firstName,
    usr_lastname: u.lastName,
    usr_email: u.email ?? '',
    usr_status: u.status === 'active' ? 'ACTIVE' : u.status === 'vacation' ? 'VACATION' : 'INACTIVE',
  };
}
