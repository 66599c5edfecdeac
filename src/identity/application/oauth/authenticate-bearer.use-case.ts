import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { Principal } from '../../domain/principal.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { AuthenticateUser } from '../authenticate-user.use-case.js';
import { AccessTokens } from './access-tokens.js';

const invalidToken = () => DomainError.unauthenticated('IDENTITY.INVALID_TOKEN', 'The access token is invalid, expired or revoked');

/**
 * RFC 6750 bearer authentication with the platform's own JWTs: signature against the database
 * keys, issuer, expiry and the revocation denylist; then the user must still be allowed to sign in.
 *
 * A client_credentials token names a client, not a user. It acts as the client's service user
 * when the client names one (`serviceUserId`), with that user's permissions; otherwise it is
 * authenticated but may use no user-scoped endpoint (403). Its principal's `clientId` is set either way.
 */
@Injectable()
export class AuthenticateBearer {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly clients: OAuthClientRepository,
    private readonly authenticateUser: AuthenticateUser,
  ) {}

  async execute(token: string): Promise<Principal> {
    // Revocation is checked with the user's row (one round trip), not by AccessTokens.verify.
    const claims = await this.accessTokens.verifySignature(token);
    if (!claims) throw invalidToken();
    const extra = { clientId: claims.client_id, scope: claims.scope };
    if (claims.gty === 'client_credentials') {
      const client = await this.clients.byClientId(claims.client_id);
      if (!client || client.tenantId !== claims.tenant) throw invalidToken();
      if (!client.serviceUserId) {
        throw DomainError.forbidden(
          'IDENTITY.CLIENT_HAS_NO_SERVICE_USER',
          'A client_credentials token acts for a user only when its client names a service user',
        );
      }
      return this.principal(client.serviceUserId, claims.tenant, claims.jti, extra);
    }
    return this.principal(claims.sub, claims.tenant, claims.jti, extra);
  }

  private async principal(userId: string, tenantId: string, jti: string, extra: Partial<Principal>): Promise<Principal> {
    const principal = await this.authenticateUser.principalOfToken(userId, jti, extra).catch((e: unknown) => {
      if (e instanceof DomainError) throw invalidToken();
      throw e;
    });
    if (principal.tenantId !== tenantId) throw invalidToken();
    return principal;
  }
}
