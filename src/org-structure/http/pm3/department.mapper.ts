import { pm3Id } from '../../../../libs/dialects/ids.js';
import type { DepartmentStatus } from '../../domain/department-rules.js';
import type { DepartmentMemberView } from '../../application/departments/list-department-users.query.js';
import type { DepartmentTreeNode, DepartmentUserView, DepartmentView } from '../../application/departments/department.view.js';

export interface Pm3Department {
  dep_uid: string;
  dep_parent: string;
  dep_title: string;
  dep_status: DepartmentStatus;
  dep_manager: string;
  dep_ldap_dn: string;
  dep_last: number;
  dep_manager_username: string;
  dep_manager_firstname: string;
  dep_manager_lastname: string;
  has_children: string;
}

export interface Pm3DepartmentTree extends Pm3Department {
  dep_children: Pm3DepartmentTree[];
}

export interface Pm3DepartmentUser {
  usr_uid: string;
  usr_username: string;
  usr_firstname: string;
  usr_lastname: string;
  usr_status: string;
}

export interface Pm3DepartmentMember extends Pm3DepartmentUser {
  usr_supervisor: boolean;
}

export function toPm3Department(d: DepartmentView): Pm3Department {
  return {
    dep_uid: pm3Id.encode(d.id),
    dep_parent: d.parentId ? pm3Id.encode(d.parentId) : '',
    dep_title: d.title,
    dep_status: d.status,
    dep_manager: d.managerId ? pm3Id.encode(d.managerId) : '',
    dep_ldap_dn: d.ldapDn ?? '',
    dep_last: d.isLast ? 1 : 0,
    dep_manager_username: d.manager?.username ?? '',
    dep_manager_firstname: d.manager?.firstName ?? '',
    dep_manager_lastname: d.manager?.lastName ?? '',
    has_children: String(d.childCount),
  };
}

export function toPm3DepartmentTree(d: DepartmentTreeNode): Pm3DepartmentTree {
  return { ...toPm3Department(d), dep_children: d.children.map(toPm3DepartmentTree) };
}

/** ProcessMaker knows ACTIVE, INACTIVE and VACATION; a pending user (invited elsewhere) reads as INACTIVE. */
function pm3UserStatus(status: string): string {
  return status === 'active' ? 'ACTIVE' : status === 'vacation' ? 'VACATION' : 'INACTIVE';
}

export function toPm3DepartmentUser(u: DepartmentUserView): Pm3DepartmentUser {
  return { usr_uid: pm3Id.encode(u.id), usr_username: u.username, usr_firstname: u.firstName, usr_lastname: u.lastName, usr_status: pm3UserStatus(u.status) };
}

export function toPm3DepartmentMember(u: DepartmentMemberView): Pm3DepartmentMember {
  return { ...toPm3DepartmentUser(u), usr_supervisor: u.isManager };
}
