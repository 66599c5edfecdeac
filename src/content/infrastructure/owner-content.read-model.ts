import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface OwnerContentCriteria {
  readonly tenantId: string;
  /** A process instance's list includes the content of its tasks (their rows carry the instance too). */
  readonly owner: { readonly processInstanceId: string } | { readonly taskId: string };
  /** true: related content only; false: field content only; undefined: all. */
  readonly related?: boolean;
  readonly offset: number;
  readonly limit: number;
}

/** Pages of an owner's content ids, oldest first, counted and paged in SQL. */
@Injectable()
export class OwnerContentReadModel {
  constructor(private readonly uow: UnitOfWork) {}

  async page(c: OwnerContentCriteria): Promise<{ total: number; ids: string[] }> {
    const [column, id] = 'taskId' in c.owner ? ['task_id', c.owner.taskId] : ['process_instance_id', c.owner.processInstanceId];
    const where = `tenant_id = $1::bigint AND ${column} = $2::bigint AND ($3::boolean IS NULL OR related_content = $3::boolean)`;
    const params = [c.tenantId, id, c.related ?? null];
    const [count] = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM content.content_items WHERE ${where}`, params);
    const total = count?.n ?? 0;
    if (total === 0 || c.offset >= total) return { total, ids: [] };
    const rows = await this.uow.query<{ id: string }>(
      `SELECT id::text AS id FROM content.content_items WHERE ${where} ORDER BY created_at, id OFFSET $4 LIMIT $5`,
      [...params, c.offset, c.limit],
    );
    return { total, ids: rows.map((r) => r.id) };
  }
}
