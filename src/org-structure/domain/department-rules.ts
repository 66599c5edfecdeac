import { DepartmentErrors } from './department.errors.js';

export type DepartmentStatus = 'ACTIVE' | 'INACTIVE';
export const DEPARTMENT_STATUSES: readonly DepartmentStatus[] = ['ACTIVE', 'INACTIVE'];
export const DEFAULT_DEPARTMENT_STATUS: DepartmentStatus = 'ACTIVE';

/**
 * A department may not sit below itself. `ancestorsOfParent` is the new parent and every
 * department above it (one recursive query); `departmentId` is null for a department being created.
 */
export function assertParentAllowed(departmentId: string | null, parentId: string, ancestorsOfParent: readonly string[]): void {
  if (departmentId !== null && (parentId === departmentId || ancestorsOfParent.includes(departmentId))) {
    throw DepartmentErrors.parentCycle(parentId);
  }
}

/** Sub-departments and members would be left dangling, so both must be gone first. */
export function assertDeletable(departmentId: string, memberCount: number, childCount: number): void {
  if (memberCount > 0) throw DepartmentErrors.hasMembers(departmentId);
  if (childCount > 0) throw DepartmentErrors.hasChildren(departmentId);
}

export interface AssignmentState {
  readonly userId: string;
  readonly departmentId: string;
  /** The department's manager now. */
  readonly managerId: string | null;
  /** The user's department now, if any. */
  readonly currentDepartmentId: string | null;
  /** The department the user manages now, if any (it is then also currentDepartmentId). */
  readonly managesDepartmentId: string | null;
}

export interface AssignmentPlan {
  /** Already a member here: nothing changes. */
  readonly unchanged: boolean;
  /**
   * A manager who moves leaves their old department without a manager: a manager is a member of
   * the department they manage, and a user is a member of one department only.
   */
  readonly clearManagerOf: string | null;
  /** The first user assigned to a department without a manager becomes its manager. */
  readonly becomesManager: boolean;
}

/** Assigning moves a user: they leave their old department, if any. */
export function planAssignment(s: AssignmentState): AssignmentPlan {
  if (s.currentDepartmentId === s.departmentId) return { unchanged: true, clearManagerOf: null, becomesManager: false };
  return { unchanged: false, clearManagerOf: s.managesDepartmentId, becomesManager: s.managerId === null };
}

export interface ManagerState {
  readonly userId: string;
  readonly departmentId: string;
  /** The user's department now, if any. */
  readonly currentDepartmentId: string | null;
}

/**
 * The manager is a member of the department they manage, so a user of another department cannot
 * become its manager (unassign them there first); a user in no department joins it.
 */
export function planManager(s: ManagerState, field: 'managerId' | 'userId'): { readonly joins: boolean } {
  if (s.currentDepartmentId !== null && s.currentDepartmentId !== s.departmentId) {
    throw DepartmentErrors.managerInOtherDepartment(s.userId, field);
  }
  return { joins: s.currentDepartmentId === null };
}

export interface UnassignmentState {
  readonly userId: string;
  readonly departmentId: string;
  readonly managerId: string | null;
  readonly currentDepartmentId: string | null;
}

/**
 * Unassigning the manager leaves the department without a manager (nobody is promoted silently);
 * the next user assigned becomes its manager, or one is set explicitly.
 */
export function planUnassignment(s: UnassignmentState): { readonly clearsManager: boolean } {
  if (s.currentDepartmentId !== s.departmentId) throw DepartmentErrors.userNotInDepartment(s.userId);
  return { clearsManager: s.managerId === s.userId };
}
