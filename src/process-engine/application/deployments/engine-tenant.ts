import { Injectable } from '@nestjs/common';
import { hasPermission, IdentityApi, Permission, type Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';

/**
 * The Activiti subset's `tenantId` (design.md §8): the tenant's number or its key, optional
 * (default the caller's). Only tenant managers may name another tenant than their own (403).
 */
@Injectable()
export class EngineTenant {
  constructor(private readonly identity: IdentityApi) {}

  async resolve(actor: Principal, raw: string | undefined): Promise<string> {
    if (raw === undefined || raw === '') return actor.tenantId;
    const tenantId = /^\d{1,18}$/.test(raw) ? String(BigInt(raw)) : raw === actor.tenantKey ? actor.tenantId : await this.identity.tenantIdOfWorkspace(raw);
    if (tenantId !== actor.tenantId && !hasPermission(actor, Permission.TenantManager)) throw EngineErrors.tenantNotAllowed(raw);
    return tenantId;
  }
}
