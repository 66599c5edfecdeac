import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import type { TaskRow } from '../../infrastructure/task.read-model.js';

/** A user as task JSON shows them (aps "light user"). */
export interface TaskUser {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
}

/** A group as task JSON shows it (aps "light group"); name and status are null for a group deleted since. */
export interface TaskGroup {
  readonly id: string;
  readonly name: string | null;
  readonly externalId: string | null;
  readonly status: 'active' | 'inactive' | null;
}

/** A task with its people resolved: what the aps task representation is built from. */
export interface TaskView {
  readonly task: TaskRow;
  readonly assignee: TaskUser | null;
  readonly involvedPeople: TaskUser[];
  /** The candidate groups of the task. */
  readonly involvedGroups: TaskGroup[];
  /** The viewer manages one of the candidate groups. */
  readonly managerOfCandidateGroup: boolean;
}

/** Turns task rows into views, resolving every user of a page in one identity lookup and every group in one org-structure lookup. */
@Injectable()
export class TaskViews {
  constructor(
    private readonly identity: IdentityApi,
    private readonly org: OrgStructureApi,
  ) {}

  async of(viewer: { readonly tenantId: string; readonly userId: string }, rows: readonly TaskRow[]): Promise<TaskView[]> {
    const tenantId = viewer.tenantId;
    const ids = new Set<string>();
    const groupIds = new Set<string>();
    for (const r of rows) {
      if (r.assigneeId !== null) ids.add(r.assigneeId);
      for (const u of r.involvedUserIds) ids.add(u);
      for (const g of r.candidateGroupIds) groupIds.add(g);
    }
    const groups = new Map((await this.org.groupSummariesByIds(tenantId, [...groupIds])).map((g) => [g.id, g]));
    const group = (id: string): TaskGroup => {
      const g = groups.get(id);
      return g
        ? { id, name: g.name, externalId: g.externalId, status: g.status === 'ACTIVE' ? 'active' : 'inactive' }
        : { id, name: null, externalId: null, status: null };
    };
    const users = await this.identity.userSummariesById(tenantId, ids);
    // A user deleted since keeps their id on the task: show the id without a name rather than drop it.
    const user = (id: string): TaskUser => {
      const u = users.get(id);
      return u ? { id, firstName: u.firstName, lastName: u.lastName, email: u.email } : { id, firstName: '', lastName: '', email: null };
    };
    return rows.map((task) => ({
      task,
      assignee: task.assigneeId === null ? null : user(task.assigneeId),
      involvedPeople: task.involvedUserIds.map(user),
      involvedGroups: task.candidateGroupIds.map(group),
      managerOfCandidateGroup: task.candidateGroupIds.some((g) => groups.get(g)?.managerId === viewer.userId),
    }));
  }

  async one(viewer: { readonly tenantId: string; readonly userId: string }, row: TaskRow): Promise<TaskView> {
    return (await this.of(viewer, [row]))[0]!;
  }
}
