import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';

/**
 * Deletes a client with its codes and refresh tokens (cascade). Its access tokens stop working at
 * once: bearer checks and introspection accept a token only while its client exists (and a client
 * created later under the same client_id does not revive them, see tokens_not_before).
 * The bootstrap client cannot be deleted: the Swagger UI and the operator rely on it.
 */
@Injectable()
export class DeleteOAuthClient {
  constructor(
    private readonly clients: OAuthClientRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Transactional()
  async execute(input: { principal: Principal; id: string }): Promise<void> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const row = await this.clients.byId(input.principal.tenantId, input.id);
    if (!row) throw DomainError.notFound('IDENTITY.OAUTH_CLIENT_NOT_FOUND', `OAuth client ${input.id} does not exist`);
    if (row.clientId === this.config.oauthClientId) {
      throw DomainError.conflict('IDENTITY.OAUTH_BOOTSTRAP_CLIENT', 'The bootstrap client cannot be deleted');
    }
    await this.clients.delete(input.principal.tenantId, input.id);
  }
}
