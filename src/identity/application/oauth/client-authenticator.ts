import { Injectable } from '@nestjs/common';
import { ClientSecretVerifier } from './client-secret-verifier.js';
import { OAuthClientRepository, type OAuthClientRow } from '../../infrastructure/oauth/oauth-client.repository.js';

export interface ClientCredentialsInput {
  readonly authorization: string | undefined;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * RFC 6749 §2.3.1 client authentication for introspection and revocation: HTTP Basic, or
 * client_id/client_secret in the body. Public clients present only their client_id.
 */
@Injectable()
export class ClientAuthenticator {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly secrets: ClientSecretVerifier,
  ) {}

  async authenticate(input: ClientCredentialsInput): Promise<OAuthClientRow | undefined> {
    const credentials = parseClientCredentials(input);
    if (!credentials) return undefined;
    const row = await this.clients.byClientId(credentials.clientId);
    if (!row) return undefined;
    if (!row.confidential) return credentials.clientSecret === undefined ? row : undefined;
    if (credentials.clientSecret === undefined) return undefined;
    return (await this.secrets.verify(row, credentials.clientSecret)) ? row : undefined;
  }
}

function parseClientCredentials(input: ClientCredentialsInput): { clientId: string; clientSecret?: string } | undefined {
  const header = input.authorization ?? '';
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    // RFC 6749 §2.3.1: client_id and secret are form-urlencoded before Basic encoding.
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
      };
    } catch {
      return undefined;
    }
  }
  const clientId = input.params.client_id;
  if (!clientId || clientId.length > 100) return undefined;
  return input.params.client_secret !== undefined ? { clientId, clientSecret: input.params.client_secret } : { clientId };
}
