import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

/**
 * ProcessMaker's `{workspace}` path segment names a tenant by its key. Whether the caller may act
 * in that tenant is each use case's question (tenantFor); this only finds it.
 */
@Injectable()
export class ResolveWorkspace {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(key: string): Promise<string> {
    const rows = (key.length <= 64
      ? await this.uow.manager.query(`SELECT id::text AS id FROM identity.tenants WHERE lower(key) = lower($1)`, [key])
      : []) as { id: string }[];
    const tenant = rows[0];
    if (!tenant) {
      throw DomainError.notFound('IDENTITY.WORKSPACE_NOT_FOUND', `The workspace '${key}' does not exist`, { field: 'workspace', value: key });
    }
    return tenant.id;
  }
}
