import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { OAUTH_GRANTS, OAUTH_SCOPES } from '../../domain/oauth/oauth-rules.js';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import type { BootstrapStep } from '../bootstrap-platform.use-case.js';
import { SigningKeys } from './signing-keys.js';

/**
 * design.md §7: the confidential client OAUTH_CLIENT_ID (default `meridian`) of the default tenant,
 * with every grant and the Swagger UI redirect. Without OAUTH_CLIENT_SECRET a random secret is
 * generated and printed once. On later starts the client keeps its secret unless
 * OAUTH_CLIENT_SECRET changed, and its redirect URIs gain whatever PUBLIC_URL and
 * OAUTH_REDIRECT_URIS now require. Also makes sure a JWT signing key exists.
 */
@Injectable()
export class BootstrapOAuthClient implements BootstrapStep {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clients: OAuthClientRepository,
    private readonly hasher: PasswordHasher,
    private readonly signingKeys: SigningKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    await this.ensureClient();
    await this.signingKeys.ensureCurrent();
  }

  @Transactional()
  private async ensureClient(): Promise<void> {
    await this.uow.manager.query(`SELECT pg_advisory_xact_lock(7413400200)`);
    const redirectUris = [...new Set([`${this.config.publicUrl}/docs/oauth2-redirect.html`, ...this.config.oauthRedirectUris])];
    const existing = await this.clients.byClientId(this.config.oauthClientId);
    if (existing) {
      const missing = redirectUris.filter((u) => !existing.redirectUris.includes(u));
      if (missing.length > 0) await this.clients.update(existing.tenantId, existing.id, { redirectUris: [...existing.redirectUris, ...missing] });
      const secret = this.config.oauthClientSecret;
      if (secret !== undefined && !(await this.hasher.verify(existing.secretHash, secret))) {
        await this.clients.setSecretHash(existing.tenantId, existing.id, await this.hasher.hash(secret));
        this.logger.log(`OAuth2 client "${existing.clientId}" now uses the secret from OAUTH_CLIENT_SECRET`);
      }
      return;
    }
    const secret = this.config.oauthClientSecret ?? randomBytes(24).toString('base64url');
    await this.clients.insert({
      tenantId: '1',
      clientId: this.config.oauthClientId,
      secretHash: await this.hasher.hash(secret),
      name: 'Meridian',
      redirectUris,
      grants: [...OAUTH_GRANTS],
      confidential: true,
      scopes: [...OAUTH_SCOPES],
      serviceUserId: null,
    });
    if (this.config.oauthClientSecret === undefined) {
      // Printed once, on the console rather than through the logger, like the admin password.
      process.stdout.write(`\nMeridian: created OAuth2 client "${this.config.oauthClientId}" with the generated secret: ${secret}\n\n`);
    }
    this.logger.log(`Created OAuth2 client "${this.config.oauthClientId}"`);
  }
}
