import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { hashToken } from '../../domain/oauth/oauth-rules.js';
import { OAuthTokenRepository } from '../../infrastructure/oauth/oauth-token.repository.js';
import { AccessTokens } from './access-tokens.js';
import { type ClientCredentialsInput, ClientAuthenticator } from './client-authenticator.js';
import { NO_STORE, type OAuthResult, oauthError } from './oauth-result.js';

export interface RevokeTokenInput extends ClientCredentialsInput {}

/**
 * RFC 7009 revocation. A refresh token revokes its whole rotation family; an access token's jti
 * goes on the denylist until it expires. Unknown tokens, and tokens issued to another client,
 * answer 200 without effect (the caller learns nothing about them).
 */
@Injectable()
export class RevokeToken {
  constructor(
    private readonly clientAuth: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly tokens: OAuthTokenRepository,
  ) {}

  @Transactional()
  async execute(input: RevokeTokenInput): Promise<OAuthResult> {
    const caller = await this.clientAuth.authenticate(input);
    if (!caller) return oauthError('invalid_client', 'Client authentication failed');
    const token = input.params.token;
    if (!token) return oauthError('invalid_request', 'Missing parameter: token');

    const refresh = token.length <= 512 ? await this.tokens.refreshTokenByHash(hashToken(token)) : undefined;
    if (refresh) {
      if (refresh.clientId === caller.clientId) await this.tokens.revokeFamily(refresh.familyId);
    } else {
      const claims = await this.accessTokens.verifySignature(token);
      if (claims && claims.client_id === caller.clientId) {
        await this.tokens.denyAccessToken(claims.jti, claims.tenant, new Date(claims.exp * 1000));
      }
    }
    return { status: 200, headers: NO_STORE, body: {} };
  }
}
