import { Injectable } from '@nestjs/common';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

/** One page of the tenant's clients, ordered by id. */
@Injectable()
export class ListOAuthClients {
  constructor(private readonly clients: OAuthClientRepository) {}

  async execute(input: { principal: Principal; start: number; size: number }): Promise<{ total: number; clients: OAuthClientView[] }> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const page = await this.clients.page(input.principal.tenantId, input.start, input.size);
    return { total: page.total, clients: page.rows.map(toClientView) };
  }
}
