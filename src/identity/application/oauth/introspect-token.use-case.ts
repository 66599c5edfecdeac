import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { hashToken } from '../../domain/oauth/oauth-rules.js';
import { OAuthTokenRepository } from '../../infrastructure/oauth/oauth-token.repository.js';
import { AuthenticateUser } from '../authenticate-user.use-case.js';
import { AccessTokens } from './access-tokens.js';
import { type ClientCredentialsInput, ClientAuthenticator } from './client-authenticator.js';
import { NO_STORE, type OAuthResult, oauthError } from './oauth-result.js';

export interface IntrospectTokenInput extends ClientCredentialsInput {}

const INACTIVE: OAuthResult = { status: 200, headers: NO_STORE, body: { active: false } };

/**
 * RFC 7662 introspection for confidential clients. Access and refresh tokens of the caller's
 * tenant are described; anything unknown, expired, revoked, of another tenant, or whose user may
 * no longer sign in is `{active:false}`.
 */
@Injectable()
export class IntrospectToken {
  constructor(
    private readonly clientAuth: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly tokens: OAuthTokenRepository,
    private readonly authenticateUser: AuthenticateUser,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Transactional()
  async execute(input: IntrospectTokenInput): Promise<OAuthResult> {
    const caller = await this.clientAuth.authenticate(input);
    if (!caller || !caller.confidential) return oauthError('invalid_client', 'Client authentication failed');
    const token = input.params.token;
    if (!token) return oauthError('invalid_request', 'Missing parameter: token');

    const hint = input.params.token_type_hint;
    const order = hint === 'refresh_token' ? [this.refresh, this.access] : [this.access, this.refresh];
    for (const describe of order) {
      const body = await describe.call(this, token, caller.tenantId);
      if (body) return { status: 200, headers: NO_STORE, body: { active: true, ...body } };
    }
    return INACTIVE;
  }

  private async access(token: string, tenantId: string): Promise<Record<string, unknown> | undefined> {
    const claims = await this.accessTokens.verify(token);
    if (!claims || claims.tenant !== tenantId) return undefined;
    let username: string | undefined;
    if (!claims.gty) {
      username = await this.usernameOf(claims.sub);
      if (username === undefined) return undefined;
    }
    return {
      scope: claims.scope,
      client_id: claims.client_id,
      ...(username !== undefined ? { username } : {}),
      token_type: 'Bearer',
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      iss: claims.iss,
      jti: claims.jti,
      tenant: claims.tenant,
    };
  }

  private async refresh(token: string, tenantId: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.tokens.refreshTokenByHash(hashToken(token));
    if (!row || row.revokedAt || new Date(row.expiresAt) < new Date() || row.tenantId !== tenantId) return undefined;
    if ((await this.usernameOf(row.userId)) === undefined) return undefined;
    return {
      ...(row.scope ? { scope: row.scope } : {}),
      client_id: row.clientId,
      username: row.username,
      token_type: 'refresh_token',
      exp: Math.floor(new Date(row.expiresAt).getTime() / 1000),
      iat: Math.floor(new Date(row.createdAt).getTime() / 1000),
      sub: row.userId,
      iss: this.config.publicUrl,
      tenant: row.tenantId,
    };
  }

  private async usernameOf(userId: string): Promise<string | undefined> {
    try {
      return (await this.authenticateUser.principalOf(userId)).username;
    } catch (e) {
      if (e instanceof DomainError) return undefined;
      throw e;
    }
  }
}
