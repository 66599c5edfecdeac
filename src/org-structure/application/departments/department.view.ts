import type { DepartmentStatus } from '../../domain/department-rules.js';

/** A user as department lists show them. */
export interface DepartmentUserView {
  readonly id: string;
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: string;
}

/** A department as every dialect's mapper sees it. */
export interface DepartmentView {
  readonly id: string;
  readonly title: string;
  readonly parentId: string | null;
  readonly status: DepartmentStatus;
  readonly ldapDn: string | null;
  readonly manager: DepartmentUserView | null;
  /** The manager's id even when the user is gone from identity (deleted), so that it is never silently hidden. */
  readonly managerId: string | null;
  readonly childCount: number;
  readonly isLast: boolean;
}

export interface DepartmentTreeNode extends DepartmentView {
  readonly children: readonly DepartmentTreeNode[];
}
