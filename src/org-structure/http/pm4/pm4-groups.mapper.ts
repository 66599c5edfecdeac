import { pm4Date } from '../../../../libs/dialects/dates.js';
import type { UserSummary } from '../../../identity/index.js';
import type { GroupView, MembershipView } from '../../application/groups/group.view.js';
import {
  type Pm4AvailableGroupResponse,
  type Pm4GroupMemberResponse,
  type Pm4GroupResponse,
  type Pm4MemberUserResponse,
  PM4_GROUP_MODEL,
  PM4_USER_MODEL,
} from './pm4-groups.dto.js';

const int = (id: string): number => Number(id);

export function toPm4Group(g: GroupView): Pm4GroupResponse {
  return {
    id: int(g.id),
    name: g.title,
    description: g.description,
    manager_id: g.managerId === null ? null : int(g.managerId),
    status: g.status,
    created_at: pm4Date(g.createdAt)!,
    updated_at: pm4Date(g.updatedAt)!,
  };
}

export function toPm4AvailableGroup(g: GroupView): Pm4AvailableGroupResponse {
  return { id: int(g.id), description: g.description, name: g.title, status: g.status, created_at: pm4Date(g.createdAt)!, updated_at: pm4Date(g.updatedAt)! };
}

/** `pending` (invited, cannot sign in yet) and `inactive` read INACTIVE; vacation is ProcessMaker's OUT_OF_OFFICE. */
export function toPm4MemberUser(u: UserSummary): Pm4MemberUserResponse {
  const fullname = `${u.firstName} ${u.lastName}`.trim();
  return {
    id: int(u.id),
    username: u.username,
    email: u.email,
    firstname: u.firstName,
    lastname: u.lastName,
    fullname: fullname === '' ? u.username : fullname,
    status: u.status === 'active' ? 'ACTIVE' : u.status === 'vacation' ? 'OUT_OF_OFFICE' : 'INACTIVE',
  };
}

export function toPm4GroupMember(m: MembershipView): Pm4GroupMemberResponse {
  return {
    id: int(m.id),
    group_id: int(m.groupId),
    member_id: int(m.memberId),
    member_type: m.memberType === 'user' ? PM4_USER_MODEL : PM4_GROUP_MODEL,
    description: m.description,
    created_at: pm4Date(m.createdAt)!,
    updated_at: pm4Date(m.updatedAt)!,
  };
}
