import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { changedOneRow } from './returned-rows.js';

export interface AuthorizationCodeRow {
  readonly codeHash: string;
  readonly tenantId: string;
  readonly clientRowId: string;
  /** The client's public client_id (joined in on reads). */
  readonly clientId: string;
  readonly userId: string;
  readonly redirectUri: string;
  readonly scope: string | null;
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: string | null;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface RefreshTokenRow {
  readonly tokenHash: string;
  readonly tenantId: string;
  readonly familyId: string;
  readonly clientRowId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly username: string;
  readonly scope: string | null;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly createdAt: Date;
}

export interface IssuedAccessToken {
  readonly jti: string;
  readonly expiresAt: Date;
}

/** What decides whether a verified access token may still be used, besides its user. */
export interface AccessTokenRef {
  readonly jti: string;
  readonly clientId: string;
  /** `iat`, seconds since the epoch. */
  readonly issuedAt: number;
  readonly tenantId: string;
}

/**
 * SQL (a boolean) for "this access token may no longer be used": its jti is on the denylist, its
 * client was deleted, or it was issued before the client's tokens_not_before (secret rotation;
 * the same whole-second rule as issuedNotBefore). The arguments are SQL expressions.
 */
export function accessTokenDeniedSql(jti: string, clientId: string, issuedAt: string, tenantId: string): string {
  return `(EXISTS (SELECT 1 FROM identity.oauth_revoked_access_tokens WHERE jti = ${jti})
    OR NOT EXISTS (SELECT 1 FROM identity.oauth_clients
                    WHERE client_id = ${clientId} AND tenant_id = ${tenantId} AND tokens_not_before < to_timestamp(${issuedAt}::bigint + 1)))`;
}

/** Authorization codes, refresh tokens and the access-token denylist; every token by its hash. */
@Injectable()
export class OAuthTokenRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async saveCode(code: Omit<AuthorizationCodeRow, 'usedAt' | 'clientId'>): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO identity.oauth_authorization_codes
         (code_hash, tenant_id, client_id, user_id, redirect_uri, scope, code_challenge, code_challenge_method, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        code.codeHash,
        code.tenantId,
        code.clientRowId,
        code.userId,
        code.redirectUri,
        code.scope,
        code.codeChallenge,
        code.codeChallengeMethod,
        code.expiresAt,
      ],
    );
  }

  async codeByHash(codeHash: string): Promise<AuthorizationCodeRow | undefined> {
    const rows = (await this.uow.manager.query(
      `SELECT a.code_hash AS "codeHash", a.tenant_id::text AS "tenantId", a.client_id::text AS "clientRowId", c.client_id AS "clientId",
              a.user_id::text AS "userId", a.redirect_uri AS "redirectUri", a.scope, a.code_challenge AS "codeChallenge",
              a.code_challenge_method AS "codeChallengeMethod", a.expires_at AS "expiresAt", a.used_at AS "usedAt"
         FROM identity.oauth_authorization_codes a JOIN identity.oauth_clients c ON c.id = a.client_id
        WHERE a.code_hash = $1`,
      [codeHash],
    )) as AuthorizationCodeRow[];
    return rows[0];
  }

  /** Marks a code used; false when it already was (a concurrent or repeated exchange). */
  async consumeCode(codeHash: string): Promise<boolean> {
    return changedOneRow(
      this.uow.manager,
      `UPDATE identity.oauth_authorization_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL RETURNING 1`,
      [codeHash],
    );
  }

  async saveRefreshToken(token: {
    tokenHash: string;
    tenantId: string;
    familyId: string;
    clientRowId: string;
    userId: string;
    scope: string | null;
    expiresAt: Date;
    /** The access token issued with it. */
    access: IssuedAccessToken;
  }): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO identity.oauth_refresh_tokens (token_hash, tenant_id, family_id, client_id, user_id, scope, expires_at, access_jti, access_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [token.tokenHash, token.tenantId, token.familyId, token.clientRowId, token.userId, token.scope, token.expiresAt, token.access.jti, token.access.expiresAt],
    );
  }

  /** What the exchange of a code produced: its access token, and the refresh-token family when one was issued. */
  async recordCodeIssue(codeHash: string, familyId: string | null, access: IssuedAccessToken): Promise<void> {
    await this.uow.manager.query(
      `UPDATE identity.oauth_authorization_codes SET issued_family_id = $2, issued_access_jti = $3, issued_access_expires_at = $4 WHERE code_hash = $1`,
      [codeHash, familyId, access.jti, access.expiresAt],
    );
  }

  /**
   * A code was used twice (RFC 6749 §4.1.2): revoke everything issued from it. Its refresh-token
   * family is revoked, and every access token of the exchange and of the family's rotations that
   * has not expired yet goes on the denylist.
   */
  async revokeIssuedFromCode(codeHash: string): Promise<void> {
    const rows = (await this.uow.manager.query(
      `SELECT issued_family_id::text AS "familyId" FROM identity.oauth_authorization_codes WHERE code_hash = $1`,
      [codeHash],
    )) as { familyId: string | null }[];
    const familyId = rows[0]?.familyId ?? null;
    await this.uow.manager.query(
      `INSERT INTO identity.oauth_revoked_access_tokens (jti, tenant_id, expires_at)
       SELECT issued_access_jti, tenant_id, issued_access_expires_at FROM identity.oauth_authorization_codes
        WHERE code_hash = $1 AND issued_access_jti IS NOT NULL AND issued_access_expires_at > now()
       UNION
       SELECT access_jti, tenant_id, access_expires_at FROM identity.oauth_refresh_tokens
        WHERE family_id = $2::uuid AND access_jti IS NOT NULL AND access_expires_at > now()
       ON CONFLICT (jti) DO NOTHING`,
      [codeHash, familyId],
    );
    if (familyId) await this.revokeFamily(familyId);
  }

  async refreshTokenByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows = (await this.uow.manager.query(
      `SELECT r.token_hash AS "tokenHash", r.tenant_id::text AS "tenantId", r.family_id::text AS "familyId",
              r.client_id::text AS "clientRowId", c.client_id AS "clientId", r.user_id::text AS "userId", u.username AS "username",
              r.scope, r.expires_at AS "expiresAt", r.revoked_at AS "revokedAt", r.created_at AS "createdAt"
         FROM identity.oauth_refresh_tokens r
         JOIN identity.oauth_clients c ON c.id = r.client_id
         JOIN identity.users u ON u.id = r.user_id
        WHERE r.token_hash = $1`,
      [tokenHash],
    )) as RefreshTokenRow[];
    return rows[0];
  }

  /** Revokes one refresh token; false when it already was revoked (a concurrent rotation). */
  async revokeRefreshToken(tokenHash: string): Promise<boolean> {
    return changedOneRow(
      this.uow.manager,
      `UPDATE identity.oauth_refresh_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING 1`,
      [tokenHash],
    );
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.uow.manager.query(
      `UPDATE identity.oauth_refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  async denyAccessToken(jti: string, tenantId: string, expiresAt: Date): Promise<void> {
    await this.uow.manager.query(
      `INSERT INTO identity.oauth_revoked_access_tokens (jti, tenant_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`,
      [jti, tenantId, expiresAt],
    );
    // Entries are needed only until the token would have expired anyway.
    await this.uow.manager.query(`DELETE FROM identity.oauth_revoked_access_tokens WHERE expires_at < now() - interval '5 minutes'`);
  }

  async isAccessTokenDenied(token: AccessTokenRef): Promise<boolean> {
    const rows = (await this.uow.query(`SELECT ${accessTokenDeniedSql('$1', '$2', '$3', '$4::bigint')} AS "denied"`, [
      token.jti,
      token.clientId,
      token.issuedAt,
      token.tenantId,
    ])) as { denied: boolean }[];
    return rows[0]?.denied === true;
  }
}
