import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

@Injectable()
export class GetOAuthClient {
  constructor(private readonly clients: OAuthClientRepository) {}

  async execute(input: { principal: Principal; id: string }): Promise<OAuthClientView> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const row = await this.clients.byId(input.principal.tenantId, input.id);
    if (!row) throw DomainError.notFound('IDENTITY.OAUTH_CLIENT_NOT_FOUND', `OAuth client ${input.id} does not exist`);
    return toClientView(row);
  }
}
