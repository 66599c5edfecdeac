import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { OAuthGrant } from '../../domain/oauth/oauth-rules.js';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { assertClientSettings } from './oauth-client-rules.js';
import { type OAuthClientView, toClientView } from './oauth-client-view.js';

export interface UpdateOAuthClientInput {
  readonly principal: Principal;
  readonly id: string;
  readonly name?: string;
  readonly redirectUris?: readonly string[];
  readonly grants?: readonly OAuthGrant[];
  readonly serviceUserId?: string | null;
}

/** Changes a client's name, redirect URIs, grants or service user; absent fields stay as they are. */
@Injectable()
export class UpdateOAuthClient {
  constructor(private readonly clients: OAuthClientRepository) {}

  @Transactional()
  async execute(input: UpdateOAuthClientInput): Promise<OAuthClientView> {
    requirePermission(input.principal, Permission.TenantAdmin);
    const tenantId = input.principal.tenantId;
    const current = await this.clients.byId(tenantId, input.id);
    if (!current) throw DomainError.notFound('IDENTITY.OAUTH_CLIENT_NOT_FOUND', `OAuth client ${input.id} does not exist`);
    await assertClientSettings(this.clients, tenantId, {
      confidential: current.confidential,
      grants: input.grants ?? current.grants,
      redirectUris: input.redirectUris ?? current.redirectUris,
      serviceUserId: input.serviceUserId !== undefined ? input.serviceUserId : current.serviceUserId,
    });
    const row = await this.clients.update(tenantId, input.id, {
      name: input.name,
      redirectUris: input.redirectUris,
      grants: input.grants ? [...new Set(input.grants)] : undefined,
      serviceUserId: input.serviceUserId,
    });
    return toClientView(row!);
  }
}
