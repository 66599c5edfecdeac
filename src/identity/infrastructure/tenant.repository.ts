import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { TENANT_VIEW_SELECT, type TenantView } from '../application/tenants/tenant.view.js';
import { TenantEntity } from './tenant.entity.js';

/** Tenants: listed and counted in SQL, every value a bound parameter. */
@Injectable()
export class TenantRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async list(offset: number, limit: number): Promise<{ total: number; items: TenantView[] }> {
    const [items, count] = await Promise.all([
      this.uow.manager.query(`${TENANT_VIEW_SELECT} ORDER BY t.id LIMIT $1 OFFSET $2`, [limit, offset]) as Promise<TenantView[]>,
      this.uow.manager.query(`SELECT count(*)::int AS n FROM identity.tenants`) as Promise<{ n: number }[]>,
    ]);
    return { total: count[0]?.n ?? 0, items };
  }

  async view(id: string): Promise<TenantView | undefined> {
    const rows = (await this.uow.manager.query(`${TENANT_VIEW_SELECT} WHERE t.id = $1`, [id])) as TenantView[];
    return rows[0];
  }

  async findEntity(id: string): Promise<TenantEntity | null> {
    return this.uow.manager.getRepository(TenantEntity).findOne({ where: { id } });
  }

  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const rows = (await this.uow.manager.query(
      `SELECT 1 FROM identity.tenants WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::bigint LIMIT 1`,
      [name, exceptId ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Keys already used that start with the given stem (case-insensitive), for picking a free one. */
  async keysLike(stem: string): Promise<Set<string>> {
    const rows = (await this.uow.manager.query(
      `SELECT lower(key) AS k FROM identity.tenants WHERE lower(key) = lower($1) OR lower(key) LIKE lower($1) || '-%'`,
      [stem],
    )) as { k: string }[];
    return new Set(rows.map((r) => r.k));
  }

  /** Every user row (soft-deleted ones too: they keep the tenant's history and its foreign key). */
  async userRows(id: string): Promise<number> {
    const rows = (await this.uow.manager.query(`SELECT count(*)::int AS n FROM identity.users WHERE tenant_id = $1`, [id])) as {
      n: number;
    }[];
    return rows[0]?.n ?? 0;
  }

  async save(tenant: TenantEntity): Promise<TenantEntity> {
    return this.uow.manager.getRepository(TenantEntity).save(tenant);
  }

  async delete(id: string): Promise<void> {
    // Tenant-scoped roles (and, by cascade, their permissions) go with the tenant; nothing else refers to an empty tenant.
    await this.uow.manager.query(`DELETE FROM identity.roles WHERE tenant_id = $1`, [id]);
    await this.uow.manager.query(`DELETE FROM identity.tenants WHERE id = $1`, [id]);
  }
}
