import { Injectable } from '@nestjs/common';
import { OAuthClientRepository, type OAuthClientRow } from '../../infrastructure/oauth/oauth-client.repository.js';

/** The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3) that the login form carries along. */
export const AUTHORIZE_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;
export type AuthorizeParams = Partial<Record<(typeof AUTHORIZE_PARAMS)[number], string>>;

export type AuthorizationOutcome =
  | { readonly kind: 'form'; readonly status: number; readonly clientName: string; readonly params: AuthorizeParams; readonly error?: string; readonly retryAfterSeconds?: number }
  | { readonly kind: 'redirect'; readonly location: string }
  /** The client or its redirect URI cannot be trusted: never redirect, show an error page. */
  | { readonly kind: 'error-page'; readonly status: number; readonly message: string };

export interface ValidAuthorizationRequest {
  readonly kind: 'valid';
  readonly client: OAuthClientRow;
  readonly redirectUri: string;
  readonly params: AuthorizeParams;
}

export function pickAuthorizeParams(source: Readonly<Record<string, string>>): AuthorizeParams {
  const params: AuthorizeParams = {};
  for (const key of AUTHORIZE_PARAMS) {
    const value = source[key];
    if (value !== undefined && value !== '' && value.length <= 2000) params[key] = value;
  }
  return params;
}

/** `redirect_uri` with `error`, `error_description` and `state` added (RFC 6749 §4.1.2.1). */
export function errorRedirect(redirectUri: string, error: string, description: string, state: string | undefined): AuthorizationOutcome {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  if (state !== undefined) url.searchParams.set('state', state);
  return { kind: 'redirect', location: url.toString() };
}

/**
 * Checks an authorization request before the login form is shown (and again when it is posted).
 * Unknown clients and unregistered redirect URIs get an error page; everything else that is wrong
 * is reported to the client through its redirect URI.
 */
@Injectable()
export class PrepareAuthorization {
  constructor(private readonly clients: OAuthClientRepository) {}

  async execute(params: AuthorizeParams): Promise<ValidAuthorizationRequest | AuthorizationOutcome> {
    if (!params.client_id) return { kind: 'error-page', status: 400, message: 'The request names no client (client_id is missing).' };
    const client = await this.clients.byClientId(params.client_id);
    if (!client) return { kind: 'error-page', status: 400, message: 'Unknown client.' };
    if (!client.grants.includes('authorization_code')) {
      return { kind: 'error-page', status: 400, message: 'This client may not use the authorization code flow.' };
    }
    const redirectUri = params.redirect_uri ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
    if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
      return { kind: 'error-page', status: 400, message: 'The redirect URI is not registered for this client.' };
    }
    const state = params.state;
    if (params.response_type !== 'code') {
      return params.response_type === undefined
        ? errorRedirect(redirectUri, 'invalid_request', 'Missing parameter: response_type', state)
        : errorRedirect(redirectUri, 'unsupported_response_type', 'Only response_type=code is supported', state);
    }
    if (params.code_challenge_method !== undefined && params.code_challenge_method !== 'S256') {
      return errorRedirect(redirectUri, 'invalid_request', 'code_challenge_method must be S256', state);
    }
    if (!client.confidential && !params.code_challenge) {
      return errorRedirect(redirectUri, 'invalid_request', 'Public clients must use PKCE (code_challenge with S256)', state);
    }
    return { kind: 'valid', client, redirectUri, params: { ...params, redirect_uri: redirectUri } };
  }
}
