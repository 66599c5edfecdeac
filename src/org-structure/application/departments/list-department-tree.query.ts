import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DepartmentRepository, type DepartmentListRow } from '../../infrastructure/department.repository.js';
import { requireDepartmentAdmin } from './department-admin.js';
import { DepartmentViews } from './department-views.js';
import type { DepartmentTreeNode } from './department.view.js';

export interface ListDepartmentTreeInput {
  readonly actor: Principal;
  readonly tenantId: string;
}

/**
 * Every department of the tenant, INACTIVE ones included, as a tree of top-level departments.
 * The whole tree comes from one query and is assembled in memory, so depth costs nothing.
 */
@Injectable()
export class ListDepartmentTree {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly views: DepartmentViews,
  ) {}

  async execute(input: ListDepartmentTreeInput): Promise<DepartmentTreeNode[]> {
    requireDepartmentAdmin(input);
    const rows = await this.departments.listAll(input.tenantId);
    const childrenOf = new Map<string | null, typeof rows>();
    for (const row of rows) {
      const siblings = childrenOf.get(row.parentId) ?? [];
      siblings.push(row);
      childrenOf.set(row.parentId, siblings);
    }
    const listed: DepartmentListRow[] = rows.map((row) => {
      const siblings = childrenOf.get(row.parentId)!;
      return { ...row, childCount: childrenOf.get(row.id)?.length ?? 0, isLast: siblings[siblings.length - 1] === row };
    });
    const views = new Map((await this.views.of(input.tenantId, listed)).map((v) => [v.id, v]));
    // Built down from the top-level departments: a cycle (which the rules never let in) would have no root and could not loop.
    const build = (parentId: string | null): DepartmentTreeNode[] =>
      (childrenOf.get(parentId) ?? []).map((r): DepartmentTreeNode => ({ ...views.get(r.id)!, children: build(r.id) }));
    return build(null);
  }
}
