import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { writeAuditEntry } from './audit-trail.js';

/** Whose link: a process instance's or a task's. */
export type LinkOwner =
  | { readonly kind: 'instance'; readonly tenantId: string; readonly instanceId: string }
  | { readonly kind: 'task'; readonly tenantId: string; readonly taskId: string };

export type LinkFamily = 'users' | 'groups';

/** An identity link: exactly one of userId and groupId is set. */
export interface IdentityLinkRow {
  readonly userId: string | null;
  readonly groupId: string | null;
  readonly type: string;
  readonly createdAt: Date | null;
}

function ownerWhere(o: LinkOwner): { sql: string; params: unknown[] } {
  return o.kind === 'instance'
    ? { sql: `l.tenant_id = $1 AND l.instance_id = $2`, params: [o.tenantId, o.instanceId] }
    : { sql: `l.tenant_id = $1 AND l.task_id = $2`, params: [o.tenantId, o.taskId] };
}

const COLUMNS = `l.user_id::text AS "userId", l.group_id::text AS "groupId", l.type AS "type", l.created_at AS "createdAt"`;

/**
 * identity_links rows of instances and tasks (candidate starters of definitions are not here).
 * A task's assignee and owner are columns of the task, not rows: `taskPeople` reads them so that
 * callers can show them as links the way Activiti does.
 */
@Injectable()
export class IdentityLinkRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Links of the owner, users first, then groups, each by id and type. */
  list(owner: LinkOwner, family?: LinkFamily): Promise<IdentityLinkRow[]> {
    const w = ownerWhere(owner);
    const familySql = family === 'users' ? ' AND l.user_id IS NOT NULL' : family === 'groups' ? ' AND l.group_id IS NOT NULL' : '';
    return this.uow.query<IdentityLinkRow>(
      `SELECT ${COLUMNS} FROM process_engine.identity_links l WHERE ${w.sql}${familySql}
        ORDER BY l.user_id IS NULL, l.user_id, l.group_id, l.type`,
      w.params,
    );
  }

  async find(owner: LinkOwner, family: LinkFamily, identityId: string, type: string): Promise<IdentityLinkRow | null> {
    const w = ownerWhere(owner);
    const column = family === 'users' ? 'l.user_id' : 'l.group_id';
    const rows = await this.uow.query<IdentityLinkRow>(
      `SELECT ${COLUMNS} FROM process_engine.identity_links l WHERE ${w.sql} AND ${column} = $3 AND l.type = $4`,
      [...w.params, identityId, type],
    );
    return rows[0] ?? null;
  }

  /** Adds the link unless it exists; answers whether a row was added. */
  async add(owner: LinkOwner, family: LinkFamily, identityId: string, type: string): Promise<boolean> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.identity_links (tenant_id, instance_id, task_id, user_id, group_id, type)
       VALUES ($1, $2::bigint, $3::bigint, $4::bigint, $5::bigint, $6)
       ON CONFLICT (tenant_id, coalesce(instance_id, 0), coalesce(task_id, 0), coalesce(definition_id, ''),
                    coalesce(user_id, 0), coalesce(group_id, 0), type) DO NOTHING
       RETURNING id`,
      [
        owner.tenantId,
        owner.kind === 'instance' ? owner.instanceId : null,
        owner.kind === 'task' ? owner.taskId : null,
        family === 'users' ? identityId : null,
        family === 'groups' ? identityId : null,
        type,
      ],
    );
    return rows.length > 0;
  }

  /** Removes the link; answers whether there was one. */
  async remove(owner: LinkOwner, family: LinkFamily, identityId: string, type: string): Promise<boolean> {
    const w = ownerWhere(owner);
    const column = family === 'users' ? 'user_id' : 'group_id';
    const rows = await this.uow.query<{ id: string }>(
      `DELETE FROM process_engine.identity_links l WHERE ${w.sql} AND l.${column} = $3 AND l.type = $4 RETURNING l.id`,
      [...w.params, identityId, type],
    );
    return rows.length > 0;
  }

  /** The task's assignee and owner (null when unset). */
  async taskPeople(tenantId: string, taskId: string): Promise<{ assigneeId: string | null; ownerId: string | null }> {
    const [row] = await this.uow.query<{ assigneeId: string | null; ownerId: string | null }>(
      `SELECT assignee_id::text AS "assigneeId", owner_id::text AS "ownerId" FROM process_engine.tasks WHERE id = $1 AND tenant_id = $2`,
      [taskId, tenantId],
    );
    return row ?? { assigneeId: null, ownerId: null };
  }

  /**
   * The audit entry of an involvement change, as engine-tasks' involve and remove-involved actions
   * write it (for instance links too): 'task-involved' or 'task-involvement-removed' with details
   * {involvedUserId | involvedGroupId, linkType}.
   */
  async audit(entry: {
    readonly tenantId: string;
    readonly instanceId: string | null;
    readonly taskId: string | null;
    readonly userId: string;
    readonly change: 'added' | 'removed';
    readonly family: LinkFamily;
    readonly identityId: string;
    readonly type: string;
  }): Promise<void> {
    const details = { [entry.family === 'users' ? 'involvedUserId' : 'involvedGroupId']: entry.identityId, linkType: entry.type };
    await writeAuditEntry(this.uow, {
      tenantId: entry.tenantId,
      instanceId: entry.instanceId,
      taskId: entry.taskId,
      type: entry.change === 'added' ? 'task-involved' : 'task-involvement-removed',
      userId: entry.userId,
      details,
    });
    // A task's people changed: its version moves, as for every change of a task (engine-tasks' involve does the same).
    if (entry.taskId !== null) {
      await this.uow.query(`UPDATE process_engine.tasks SET version = version + 1 WHERE id = $1 AND tenant_id = $2`, [entry.taskId, entry.tenantId]);
    }
  }
}
