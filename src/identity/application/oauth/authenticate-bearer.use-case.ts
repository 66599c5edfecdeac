import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { Principal } from '../../domain/principal.js';
import { issuedNotBefore } from '../../domain/oauth/oauth-rules.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import type { AccessTokenRef } from '../../infrastructure/oauth/oauth-token.repository.js';
import { AuthenticateUser } from '../authenticate-user.use-case.js';
import { accessTokenRef, AccessTokens } from './access-tokens.js';

const invalidToken = () => DomainError.unauthenticated('IDENTITY.INVALID_TOKEN', 'The access token is invalid, expired or revoked');

/**
 * RFC 6750 bearer authentication with the platform's own JWTs: signature against the database
 * keys, issuer, expiry, the revocation denylist, and the token's client (still there, secret not
 * rotated since the token was issued); then the user must still be allowed to sign in.
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
    const ref = accessTokenRef(claims);
    if (claims.gty === 'client_credentials') {
      const client = await this.clients.byClientId(claims.client_id);
      if (!client || client.tenantId !== claims.tenant || !issuedNotBefore(claims.iat, client.tokensNotBefore)) throw invalidToken();
      if (!client.serviceUserId) {
        throw DomainError.forbidden(
          'IDENTITY.CLIENT_HAS_NO_SERVICE_USER',
          'A client_credentials token acts for a user only when its client names a service user',
        );
      }
      return this.principal(client.serviceUserId, ref, extra);
    }
    return this.principal(claims.sub, ref, extra);
  }

  private async principal(userId: string, token: AccessTokenRef, extra: Partial<Principal>): Promise<Principal> {
    const principal = await this.authenticateUser.principalOfToken(userId, token, extra).catch((e: unknown) => {
      if (e instanceof DomainError) throw invalidToken();
      throw e;
    });
    if (principal.tenantId !== token.tenantId) throw invalidToken();
    return principal;
  }
}
