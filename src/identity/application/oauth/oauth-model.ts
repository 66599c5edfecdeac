import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import OAuth2Server from '@node-oauth/oauth2-server';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { grantedScopes, hashToken } from '../../domain/oauth/oauth-rules.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { OAuthClientRepository, type OAuthClientRow } from '../../infrastructure/oauth/oauth-client.repository.js';
import { OAuthTokenRepository } from '../../infrastructure/oauth/oauth-token.repository.js';
import { AuthenticateUser } from '../authenticate-user.use-case.js';
import { ClientSecretVerifier } from './client-secret-verifier.js';
import { AccessTokens, type SignedAccessToken } from './access-tokens.js';

type Client = OAuth2Server.Client;
type User = OAuth2Server.User;
type Token = OAuth2Server.Token;
type RefreshToken = OAuth2Server.RefreshToken;
type AuthorizationCode = OAuth2Server.AuthorizationCode;

/** The resource owner as the library carries it: a user, or a client acting for itself. */
export interface OAuthUser extends User {
  readonly id: string;
  readonly tenantId: string;
  readonly clientCredentials?: boolean;
}

export interface OAuthClient extends Client {
  readonly row: OAuthClientRow;
}

export interface OAuthRequestContext {
  /** Client address, for login throttling. */
  readonly address: string;
  /** `authorize` looks clients up without a secret; `token` authenticates confidential clients. */
  readonly purpose: 'authorize' | 'token';
  /** ProcessMaker's `/{workspace}/oauth2/token`: users must belong to that tenant. */
  readonly tenantKey?: string;
}

const AUTHORIZATION_CODE_SECONDS = 300;

/**
 * The storage model @node-oauth/oauth2-server calls back into. One instance per request: it
 * carries the request context and the refresh-token family being rotated. Codes and refresh
 * tokens are random 256-bit strings stored as SHA-256 digests; access tokens are JWTs.
 */
class RequestModel {
  private rotatingFamily: string | undefined;
  /** The access token this request signed (at most one). */
  private issuedAccess: SignedAccessToken | undefined;
  /** The hash of the authorization code this request consumed, to record what it produced. */
  private exchangedCode: string | undefined;

  constructor(
    private readonly deps: OAuthModelFactory,
    private readonly ctx: OAuthRequestContext,
  ) {}

  async getClient(clientId: string, clientSecret: string | null | undefined): Promise<OAuthClient | false> {
    const row = await this.deps.clients.byClientId(clientId);
    if (!row) return false;
    if (this.ctx.purpose === 'token') {
      if (row.confidential) {
        if (!clientSecret || !(await this.deps.secrets.verify(row, clientSecret))) return false;
      } else if (clientSecret) {
        return false;
      }
    }
    return toLibraryClient(row);
  }

  async getUser(username: string, password: string, client: Client): Promise<OAuthUser | false> {
    try {
      const principal = await this.deps.authenticateUser.execute({ login: username, password, address: this.ctx.address });
      if (principal.tenantId !== rowOf(client).tenantId) return false;
      if (this.ctx.tenantKey !== undefined && principal.tenantKey.toLowerCase() !== this.ctx.tenantKey.toLowerCase()) return false;
      return { id: principal.userId, tenantId: principal.tenantId, username: principal.username };
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'unauthenticated') return false;
      throw e;
    }
  }

  async getUserFromClient(client: Client): Promise<OAuthUser> {
    const row = rowOf(client);
    return { id: row.clientId, tenantId: row.tenantId, clientCredentials: true };
  }

  async validateScope(_user: User, client: Client, scope?: string[]): Promise<string[] | false> {
    return grantedScopes(scope, rowOf(client).scopes) ?? false;
  }

  async generateAccessToken(client: Client, user: User, scope: string[]): Promise<string> {
    const owner = user as OAuthUser;
    this.issuedAccess = await this.deps.accessTokens.sign(
      { sub: owner.id, tenantId: owner.tenantId, clientId: rowOf(client).clientId, scope, clientCredentials: owner.clientCredentials === true },
      this.deps.config.accessTokenTtlSeconds,
    );
    return this.issuedAccess.token;
  }

  async generateRefreshToken(): Promise<string> {
    return randomBytes(32).toString('base64url');
  }

  async generateAuthorizationCode(): Promise<string> {
    return randomBytes(32).toString('base64url');
  }

  async saveToken(token: Token, client: Client, user: User): Promise<Token> {
    const owner = user as OAuthUser;
    const access = this.issuedAccess;
    if (!access || access.token !== token.accessToken) throw new Error('saveToken: the access token was not signed by this request');
    let familyId: string | null = null;
    if (token.refreshToken && token.refreshTokenExpiresAt && !owner.clientCredentials) {
      familyId = this.rotatingFamily ?? randomUUID();
      await this.deps.tokens.saveRefreshToken({
        tokenHash: hashToken(token.refreshToken),
        tenantId: owner.tenantId,
        familyId,
        clientRowId: rowOf(client).id,
        userId: owner.id,
        scope: token.scope?.join(' ') ?? null,
        expiresAt: token.refreshTokenExpiresAt,
        access,
      });
    }
    if (this.exchangedCode) await this.deps.tokens.recordCodeIssue(this.exchangedCode, familyId, access);
    return { ...token, client, user };
  }

  /** A refresh token that was already rotated or revoked is a replay: the whole family is revoked. */
  async getRefreshToken(refreshToken: string): Promise<RefreshToken | false> {
    const row = await this.deps.tokens.refreshTokenByHash(hashToken(refreshToken));
    if (!row) return false;
    if (row.revokedAt) {
      await this.deps.tokens.revokeFamily(row.familyId);
      return false;
    }
    if (!(await this.userMayStillSignIn(row.userId))) return false;
    this.rotatingFamily = row.familyId;
    return {
      refreshToken,
      refreshTokenExpiresAt: new Date(row.expiresAt),
      scope: row.scope ? row.scope.split(' ') : undefined,
      client: { id: row.clientId, grants: [] },
      user: { id: row.userId, tenantId: row.tenantId, username: row.username } satisfies OAuthUser,
    };
  }

  async revokeToken(token: RefreshToken): Promise<boolean> {
    const hash = hashToken(token.refreshToken);
    if (await this.deps.tokens.revokeRefreshToken(hash)) return true;
    // Lost a race with another rotation of the same token: that is reuse as well.
    const row = await this.deps.tokens.refreshTokenByHash(hash);
    if (row) await this.deps.tokens.revokeFamily(row.familyId);
    return false;
  }

  async saveAuthorizationCode(
    code: Pick<AuthorizationCode, 'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'>,
    client: Client,
    user: User,
  ): Promise<AuthorizationCode> {
    const row = rowOf(client);
    if (!code.codeChallenge) {
      if (!row.confidential) throw new OAuth2Server.InvalidRequestError('Invalid request: public clients must send a PKCE `code_challenge` (S256)');
    } else if (code.codeChallengeMethod !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(code.codeChallenge)) {
      throw new OAuth2Server.InvalidRequestError('Invalid request: `code_challenge` must be an S256 challenge');
    }
    const owner = user as OAuthUser;
    await this.deps.tokens.saveCode({
      codeHash: hashToken(code.authorizationCode),
      tenantId: owner.tenantId,
      clientRowId: row.id,
      userId: owner.id,
      redirectUri: code.redirectUri,
      scope: code.scope?.join(' ') ?? null,
      codeChallenge: code.codeChallenge ?? null,
      codeChallengeMethod: code.codeChallenge ? 'S256' : null,
      expiresAt: code.expiresAt,
    });
    return { ...code, client, user };
  }

  /** A code used a second time is a replay (RFC 6749 §4.1.2): what its first use produced is revoked. */
  async getAuthorizationCode(authorizationCode: string): Promise<AuthorizationCode | false> {
    const hash = hashToken(authorizationCode);
    const row = await this.deps.tokens.codeByHash(hash);
    if (!row) return false;
    if (row.usedAt) {
      await this.deps.tokens.revokeIssuedFromCode(hash);
      return false;
    }
    if (!(await this.userMayStillSignIn(row.userId))) return false;
    return {
      authorizationCode,
      expiresAt: new Date(row.expiresAt),
      redirectUri: row.redirectUri,
      scope: row.scope ? row.scope.split(' ') : undefined,
      ...(row.codeChallenge ? { codeChallenge: row.codeChallenge, codeChallengeMethod: row.codeChallengeMethod ?? 'S256' } : {}),
      client: { id: row.clientId, grants: [] },
      user: { id: row.userId, tenantId: row.tenantId } satisfies OAuthUser,
    };
  }

  async revokeAuthorizationCode(code: AuthorizationCode): Promise<boolean> {
    const hash = hashToken(code.authorizationCode);
    if (await this.deps.tokens.consumeCode(hash)) {
      this.exchangedCode = hash;
      return true;
    }
    // Lost a race with another exchange of the same code, which has committed by now: reuse as well.
    await this.deps.tokens.revokeIssuedFromCode(hash);
    return false;
  }

  async validateRedirectUri(redirectUri: string, client: Client): Promise<boolean> {
    return rowOf(client).redirectUris.includes(redirectUri);
  }

  /** Resource-server checks do not go through the library (see the bearer strategy). */
  async getAccessToken(): Promise<false> {
    return false;
  }

  private async userMayStillSignIn(userId: string): Promise<boolean> {
    try {
      await this.deps.authenticateUser.principalOf(userId);
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  }
}

function toLibraryClient(row: OAuthClientRow): OAuthClient {
  return { id: row.clientId, grants: [...row.grants], redirectUris: [...row.redirectUris], row };
}

function rowOf(client: Client): OAuthClientRow {
  return (client as OAuthClient).row;
}

/** Builds the library server around a per-request model. */
@Injectable()
export class OAuthModelFactory {
  constructor(
    readonly clients: OAuthClientRepository,
    readonly tokens: OAuthTokenRepository,
    readonly hasher: PasswordHasher,
    readonly secrets: ClientSecretVerifier,
    readonly authenticateUser: AuthenticateUser,
    readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {}

  server(ctx: OAuthRequestContext): OAuth2Server {
    return new OAuth2Server({
      model: new RequestModel(this, ctx) as unknown as OAuth2Server.ServerOptions['model'],
      accessTokenLifetime: this.config.accessTokenTtlSeconds,
      refreshTokenLifetime: this.config.refreshTokenTtlSeconds,
      authorizationCodeLifetime: AUTHORIZATION_CODE_SECONDS,
      allowEmptyState: true,
      alwaysIssueNewRefreshToken: true,
      // Public clients authenticate with PKCE (authorization_code) or not at all; the model
      // still demands the secret of every confidential client.
      requireClientAuthentication: { authorization_code: false, password: false, refresh_token: false, client_credentials: true },
    });
  }
}
