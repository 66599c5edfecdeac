import type { OAuthClientRow } from '../../infrastructure/oauth/oauth-client.repository.js';

/** An OAuth2 client as the platform API shows it (never its secret hash). */
export interface OAuthClientView {
  readonly id: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly grants: readonly string[];
  readonly confidential: boolean;
  readonly scopes: readonly string[];
  readonly serviceUserId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toClientView(row: OAuthClientRow): OAuthClientView {
  const { secretHash: _secret, tokensNotBefore: _cutoff, ...view } = row;
  return view;
}
