import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { type AccessTokenRef, OAuthTokenRepository } from '../../infrastructure/oauth/oauth-token.repository.js';
import { SIGNING_ALGORITHM, SigningKeys } from './signing-keys.js';

const VERIFIED_TTL_MS = 5 * 60_000;

/** What the platform's access tokens say (RFC 9068 shape, plus the tenant). */
export interface AccessTokenClaims {
  readonly iss: string;
  /** The user id, or the client_id for client_credentials tokens. */
  readonly sub: string;
  readonly tenant: string;
  readonly client_id: string;
  readonly scope: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  /** Set to `client_credentials` when the token names a client rather than a user. */
  readonly gty?: 'client_credentials';
}

export interface AccessTokenSubject {
  readonly sub: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly scope: readonly string[];
  readonly clientCredentials: boolean;
}

export interface SignedAccessToken {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

/** Signs and verifies the platform's JWT access tokens; verification also checks the denylist. */
@Injectable()
export class AccessTokens {
  /**
   * Tokens whose signature was already checked, until they expire (at most a few minutes): an
   * ES256 verification costs more than the rest of an authenticated request. Revocation is still
   * checked on every request.
   */
  private readonly verified = new LRUCache<string, AccessTokenClaims>({ max: 10_000, ttl: VERIFIED_TTL_MS });

  constructor(
    private readonly keys: SigningKeys,
    private readonly tokens: OAuthTokenRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sign(subject: AccessTokenSubject, lifetimeSeconds: number): Promise<SignedAccessToken> {
    const { kid, key } = await this.keys.forSigning();
    const now = Math.floor(Date.now() / 1000);
    const jti = randomUUID();
    const jwt = new SignJWT({
      tenant: subject.tenantId,
      client_id: subject.clientId,
      scope: subject.scope.join(' '),
      ...(subject.clientCredentials ? { gty: 'client_credentials' } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'at+jwt' })
      .setIssuer(this.config.publicUrl)
      .setSubject(subject.sub)
      .setJti(jti)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds);
    return { token: await jwt.sign(key), jti, expiresAt: new Date((now + lifetimeSeconds) * 1000) };
  }

  /** The claims of a valid, unexpired, unrevoked token of a client that still exists and kept its secret; undefined for anything else. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    const claims = await this.verifySignature(token);
    if (!claims) return undefined;
    if (await this.tokens.isAccessTokenDenied(accessTokenRef(claims))) return undefined;
    return claims;
  }

  /** Signature, issuer and expiry only (revocation needs the claims of a token that may be denied). */
  async verifySignature(token: string): Promise<AccessTokenClaims | undefined> {
    if (token.length > 4096 || token.split('.').length !== 3) return undefined;
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.exp * 1000 > Date.now()) return cached;
      this.verified.delete(token);
    }
    const claims = await this.verifyUncached(token);
    if (claims) this.verified.set(token, claims, { ttl: Math.max(1, Math.min(claims.exp * 1000 - Date.now(), VERIFIED_TTL_MS)) });
    return claims;
  }

  private async verifyUncached(token: string): Promise<AccessTokenClaims | undefined> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return undefined;
    }
    if (!kid) return undefined;
    const key = await this.keys.forVerifying(kid);
    if (!key) return undefined;
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: this.config.publicUrl,
        algorithms: [SIGNING_ALGORITHM],
        typ: 'at+jwt',
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
      });
      if (typeof payload.tenant !== 'string' || typeof payload.client_id !== 'string' || typeof payload.scope !== 'string') {
        return undefined;
      }
      return payload as unknown as AccessTokenClaims;
    } catch (e) {
      if (e instanceof joseErrors.JOSEError) return undefined;
      throw e;
    }
  }
}

export function accessTokenRef(claims: AccessTokenClaims): AccessTokenRef {
  return { jti: claims.jti, clientId: claims.client_id, issuedAt: claims.iat, tenantId: claims.tenant };
}
