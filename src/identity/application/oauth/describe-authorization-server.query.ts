import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { OAUTH_GRANTS, OAUTH_SCOPES } from '../../domain/oauth/oauth-rules.js';
import { SIGNING_ALGORITHM, SigningKeys } from './signing-keys.js';

/** Authorization-server metadata (RFC 8414 fields, served at the OpenID discovery path) and the JWKS. */
@Injectable()
export class DescribeAuthorizationServer {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  metadata(): Record<string, unknown> {
    const base = this.config.publicUrl;
    return {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      introspection_endpoint: `${base}/oauth/introspect`,
      revocation_endpoint: `${base}/oauth/revoke`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: [...OAUTH_GRANTS],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      scopes_supported: [...OAUTH_SCOPES],
      subject_types_supported: ['public'],
      access_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    };
  }

  jwks(): ReturnType<SigningKeys['jwks']> {
    return this.keys.jwks();
  }
}
