import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { OAUTH_SCOPES, type OAuthGrant } from '../../domain/oauth/oauth-rules.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { assertClientSettings } from './oauth-client-rules.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

export interface CreateOAuthClientInput {
  readonly principal: Principal;
  readonly name: string;
  readonly clientId?: string;
  readonly redirectUris: readonly string[];
  readonly grants: readonly OAuthGrant[];
  readonly confidential: boolean;
  readonly scopes?: readonly string[];
  readonly serviceUserId?: string | null;
}

/** Registers a client in the caller's tenant; a confidential client's secret is shown this once. */
@Injectable()
export class CreateOAuthClient {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  @Transactional()
  async execute(input: CreateOAuthClientInput): Promise<{ client: OAuthClientView; clientSecret: string | null }> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const tenantId = input.principal.tenantId;
    const serviceUserId = input.serviceUserId ?? null;
    await assertClientSettings(this.clients, tenantId, { ...input, serviceUserId });
    const clientId = input.clientId ?? `mrd-${randomBytes(12).toString('hex')}`;
    if (await this.clients.byClientId(clientId)) {
      throw DomainError.conflict('IDENTITY.OAUTH_CLIENT_ID_TAKEN', `The client id "${clientId}" is already taken`, { field: 'clientId' });
    }
    const clientSecret = input.confidential ? randomBytes(32).toString('base64url') : null;
    const row = await this.clients.insert({
      tenantId,
      clientId,
      secretHash: clientSecret === null ? null : await this.hasher.hash(clientSecret),
      name: input.name,
      redirectUris: input.redirectUris,
      grants: [...new Set(input.grants)],
      confidential: input.confidential,
      scopes: input.scopes ? [...new Set(input.scopes)] : [...OAUTH_SCOPES],
      serviceUserId,
    });
    return { client: toClientView(row), clientSecret };
  }
}
