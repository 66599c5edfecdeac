import { Injectable } from '@nestjs/common';
import { IdentityApi, type UserSummary } from '../../../identity/index.js';
import type { DepartmentListRow } from '../../infrastructure/department.repository.js';
import type { DepartmentUserView, DepartmentView } from './department.view.js';

export function toDepartmentUserView(u: UserSummary): DepartmentUserView {
  return { id: u.id, username: u.username, firstName: u.firstName, lastName: u.lastName, status: u.status };
}

/** Turns rows into views, naming every manager with one question to identity. */
@Injectable()
export class DepartmentViews {
  constructor(private readonly identity: IdentityApi) {}

  async of(tenantId: string, rows: readonly DepartmentListRow[]): Promise<DepartmentView[]> {
    const managerIds = [...new Set(rows.flatMap((r) => (r.managerId ? [r.managerId] : [])))];
    const managers = new Map((await this.identity.userSummariesByIds(tenantId, managerIds)).map((u) => [u.id, toDepartmentUserView(u)]));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      parentId: r.parentId,
      status: r.status,
      ldapDn: r.ldapDn,
      managerId: r.managerId,
      manager: r.managerId ? (managers.get(r.managerId) ?? null) : null,
      childCount: r.childCount,
      isLast: r.isLast,
    }));
  }
}
