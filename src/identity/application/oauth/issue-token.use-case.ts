import { Injectable } from '@nestjs/common';
import OAuth2Server from '@node-oauth/oauth2-server';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { OAuthModelFactory } from './oauth-model.js';
import { NO_STORE, type OAuthResult, oauthError, stringParams } from './oauth-result.js';

export interface IssueTokenInput {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query: unknown;
  readonly body: unknown;
  readonly address: string;
  /** The ProcessMaker 3 workspace of `/{workspace}/oauth2/token`. */
  readonly workspace?: string;
}

/**
 * The token endpoint (RFC 6749 §3.2): authorization_code (PKCE), password, client_credentials and
 * refresh_token with rotation, handled by @node-oauth/oauth2-server. OAuth errors are answers, not
 * exceptions, so the transaction commits what must stick even when the request fails: a consumed
 * authorization code, a refresh-token family revoked after a replay.
 */
@Injectable()
export class IssueToken {
  constructor(private readonly models: OAuthModelFactory) {}

  @Transactional()
  async execute(input: IssueTokenInput): Promise<OAuthResult> {
    const server = this.models.server({ address: input.address, purpose: 'token', tenantKey: input.workspace });
    const headers = flatHeaders(input.headers);
    const type = headers['content-type'] ?? '';
    // ProcessMaker 3 clients post JSON; the library reads only forms, and the parsed body is the same.
    if (/^application\/(json|[\w.+-]*\+json)\b/i.test(type)) headers['content-type'] = 'application/x-www-form-urlencoded';
    const request = new OAuth2Server.Request({ method: 'POST', headers, query: stringParams(input.query), body: stringParams(input.body) });
    const response = new OAuth2Server.Response({ headers: {} });
    try {
      await server.token(request, response);
    } catch (e) {
      return this.failure(e);
    }
    // The library derives expires_in from a clock read a moment later (3599): state the lifetime the JWT carries.
    const body = { ...(response.body as Record<string, unknown>), token_type: 'bearer', expires_in: this.models.config.accessTokenTtlSeconds };
    return { status: 200, headers: { ...NO_STORE }, body };
  }

  private failure(e: unknown): OAuthResult {
    if (!(e instanceof OAuth2Server.OAuthError)) throw e;
    const inner = (e as { inner?: unknown }).inner;
    if (inner instanceof DomainError && inner.kind === 'too_many_requests') {
      return oauthError('invalid_grant', inner.message, 429, inner.details.retryAfterSeconds);
    }
    if (e instanceof OAuth2Server.ServerError) throw inner ?? e;
    return oauthError(e.name, e.message, e.code);
  }
}

function flatHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[key.toLowerCase()] = value;
    else if (Array.isArray(value)) out[key.toLowerCase()] = value.join(', ');
  }
  return out;
}
