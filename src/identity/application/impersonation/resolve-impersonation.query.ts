import { Injectable } from '@nestjs/common';
import { Permission } from '../../domain/permissions.js';
import { hasPermission, type Principal } from '../../domain/principal.js';
import { ImpersonationErrors } from '../../domain/tenant.errors.js';
import { canSignIn } from '../../domain/user-status.js';
import { PrincipalLoader } from '../../infrastructure/principal.loader.js';
import { UserRepository } from '../../infrastructure/user.repository.js';

type ImpersonationKey = 'id' | 'email' | 'externalId';

const VALUE_TYPES: Readonly<Record<string, ImpersonationKey>> = {
  userIdType: 'id',
  userEmailType: 'email',
  userExternalIdType: 'externalId',
};

export interface ResolveImpersonationInput {
  readonly actor: Principal;
  /** The `activiti-user` header. */
  readonly value: string | undefined;
  /** The `activiti-user-value-type` header: userIdType | userEmailType | userExternalIdType. */
  readonly valueType: string | undefined;
}

/**
 * Alfresco impersonation (seed 004 "ReST API Authorization", design.md §8): a tenant administrator
 * acts as another user of their own tenant, named by database id, e-mail or external id. The user
 * must exist (404 otherwise) and be allowed to sign in (403 otherwise); the call then runs with
 * exactly that user's permissions, never the administrator's.
 */
@Injectable()
export class ResolveImpersonation {
  constructor(
    private readonly users: UserRepository,
    private readonly principals: PrincipalLoader,
  ) {}

  async execute(input: ResolveImpersonationInput): Promise<Principal> {
    // Permission first: a caller who may not impersonate learns nothing about the headers' values.
    if (!hasPermission(input.actor, Permission.TenantAdmin)) throw ImpersonationErrors.notAllowed();
    const { value, valueType } = input;
    if (value === undefined) throw ImpersonationErrors.missingHeader('activiti-user');
    if (valueType === undefined) throw ImpersonationErrors.missingHeader('activiti-user-value-type');
    const by = Object.hasOwn(VALUE_TYPES, valueType) ? VALUE_TYPES[valueType] : undefined;
    if (by === undefined) throw ImpersonationErrors.badType(valueType);
    const userId = await this.find(input.actor, by, value);
    if (userId === undefined) throw ImpersonationErrors.unknownUser(value);
    const row = await this.principals.rowById(userId);
    if (!row) throw ImpersonationErrors.unknownUser(value);
    if (!canSignIn(row.status) || !row.tenantActive || row.roleStatus === 'INACTIVE') {
      throw ImpersonationErrors.userCannotSignIn(value);
    }
    return this.principals.toPrincipal(row, input.actor.via, { clientId: input.actor.clientId, scope: input.actor.scope });
  }

  private async find(actor: Principal, by: ImpersonationKey, value: string): Promise<string | undefined> {
    const tenantId = actor.tenantId;
    if (by === 'id') {
      if (!/^[1-9]\d{0,17}$/.test(value)) return undefined;
      return (await this.users.view(value, tenantId))?.id;
    }
    const criteria = by === 'email' ? { email: value } : { externalId: { value, caseInsensitive: false } };
    const page = await this.users.list({ tenantId, ...criteria, limit: 1, sort: { field: 'id', direction: 'asc' } });
    return page.items[0]?.id;
  }
}
