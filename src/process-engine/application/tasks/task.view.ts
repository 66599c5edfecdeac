import { Injectable } from '@nestjs/common';
import { IdentityApi } from '../../../identity/index.js';
import type { TaskRow } from '../../infrastructure/task.read-model.js';

/** A user as task JSON shows them (aps "light user"). */
export interface TaskUser {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
}

/** A task with its people resolved: what the aps task representation is built from. */
export interface TaskView {
  readonly task: TaskRow;
  readonly assignee: TaskUser | null;
  readonly involvedPeople: TaskUser[];
}

/** Turns task rows into views, resolving every user of a page in one identity lookup. */
@Injectable()
export class TaskViews {
  constructor(private readonly identity: IdentityApi) {}

  async of(tenantId: string, rows: readonly TaskRow[]): Promise<TaskView[]> {
    const ids = new Set<string>();
    for (const r of rows) {
      if (r.assigneeId !== null) ids.add(r.assigneeId);
      for (const u of r.involvedUserIds) ids.add(u);
    }
    const users = new Map(
      (await this.identity.userSummariesByIds(tenantId, [...ids])).map((u) => [
        u.id,
        { id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email } satisfies TaskUser,
      ]),
    );
    // A user deleted since keeps their id on the task: show the id without a name rather than drop it.
    const user = (id: string): TaskUser => users.get(id) ?? { id, firstName: '', lastName: '', email: null };
    return rows.map((task) => ({
      task,
      assignee: task.assigneeId === null ? null : user(task.assigneeId),
      involvedPeople: task.involvedUserIds.map(user),
    }));
  }

  async one(tenantId: string, row: TaskRow): Promise<TaskView> {
    return (await this.of(tenantId, [row]))[0]!;
  }
}
