import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

/**
 * Replaces a confidential client's secret; the new one is shown this once, the old one stops
 * working, and so do the access tokens issued until now: a rotation is how an operator answers a
 * leaked secret, and tokens obtained with it must not outlive it. Refresh tokens are kept: they
 * need the client's secret, so only the holder of the new one can use them.
 */
@Injectable()
export class RotateOAuthClientSecret {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  @Transactional()
  async execute(input: { principal: Principal; id: string }): Promise<{ client: OAuthClientView; clientSecret: string }> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const row = await this.clients.byId(input.principal.tenantId, input.id);
    if (!row) throw DomainError.notFound('IDENTITY.OAUTH_CLIENT_NOT_FOUND', `OAuth client ${input.id} does not exist`);
    if (!row.confidential) throw DomainError.validation('IDENTITY.OAUTH_PUBLIC_CLIENT_SECRET', 'A public client has no secret');
    const clientSecret = randomBytes(32).toString('base64url');
    await this.clients.setSecretHash(row.tenantId, row.id, await this.hasher.hash(clientSecret));
    return { client: toClientView(row), clientSecret };
  }
}
