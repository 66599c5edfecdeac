import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { writeAuditEntry } from './audit-trail.js';

export interface CommentRow {
  readonly id: string;
  readonly message: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const COLUMNS = `c.id::text AS "id", c.message AS "message", c.created_by::text AS "createdBy", c.created_at AS "createdAt"`;

/** Comments of process instances and tasks; a comment on a task of an instance carries both ids. */
@Injectable()
export class CommentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** An instance's comments include those on its tasks; a task's are its own. Oldest first unless `latestFirst`. */
  list(tenantId: string, owner: { readonly instanceId: string } | { readonly taskId: string }, latestFirst: boolean): Promise<CommentRow[]> {
    const [column, id] = 'taskId' in owner ? ['c.task_id', owner.taskId] : ['c.instance_id', owner.instanceId];
    return this.uow.query<CommentRow>(
      `SELECT ${COLUMNS} FROM process_engine.comments c WHERE c.tenant_id = $1 AND ${column} = $2
        ORDER BY c.created_at ${latestFirst ? 'DESC' : 'ASC'}, c.id ${latestFirst ? 'DESC' : 'ASC'}`,
      [tenantId, id],
    );
  }

  async insert(c: { readonly tenantId: string; readonly instanceId: string | null; readonly taskId: string | null; readonly message: string; readonly createdBy: string }): Promise<CommentRow> {
    const [row] = await this.uow.query<CommentRow>(
      `INSERT INTO process_engine.comments AS c (tenant_id, instance_id, task_id, message, created_by)
       VALUES ($1, $2::bigint, $3::bigint, $4, $5::bigint) RETURNING ${COLUMNS}`,
      [c.tenantId, c.instanceId, c.taskId, c.message, c.createdBy],
    );
    return row!;
  }

  /** The audit entry 'comment-added': details {commentId, message}. */
  async audit(c: { readonly tenantId: string; readonly instanceId: string | null; readonly taskId: string | null; readonly userId: string; readonly comment: CommentRow }): Promise<void> {
    await writeAuditEntry(this.uow, {
      tenantId: c.tenantId,
      instanceId: c.instanceId,
      taskId: c.taskId,
      type: 'comment-added',
      userId: c.userId,
      details: { commentId: c.comment.id, message: c.comment.message },
    });
  }
}
