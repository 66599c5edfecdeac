import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

/**
 * ProcessMaker's `{workspace}` path segment names a tenant by its key. Whether the caller may act
 * in that tenant is each use case's question (tenantFor); this only finds it.
 */
@Injectable()
export class ResolveWorkspace {
  /**
   * A tenant's key never changes once created, and only a tenant without users can be deleted, so
   * a key found is kept for a minute: every ProcessMaker request starts with this lookup.
   */
  private readonly found = new LRUCache<string, string>({ max: 1000, ttl: 60_000 });

  constructor(private readonly uow: UnitOfWork) {}

  async execute(key: string): Promise<string> {
    const cached = this.found.get(key.toLowerCase());
    if (cached) return cached;
    const rows = (key.length <= 64
      ? await this.uow.query(`SELECT id::text AS id FROM identity.tenants WHERE lower(key) = lower($1)`, [key])
      : []) as { id: string }[];
    const tenant = rows[0];
    if (!tenant) {
      throw DomainError.notFound('IDENTITY.WORKSPACE_NOT_FOUND', `The workspace '${key}' does not exist`, { field: 'workspace', value: key });
    }
    this.found.set(key.toLowerCase(), tenant.id);
    return tenant.id;
  }
}
