import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

/** Replaces a confidential client's secret; the new one is shown this once, the old one stops working. */
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
