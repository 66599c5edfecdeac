import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BootstrapPlatform } from './application/bootstrap-platform.use-case.js';
import { BootstrapOAuthClient } from './application/oauth/bootstrap-oauth-client.use-case.js';
import { ApsImpersonation } from './http/aps/aps-impersonation.js';
import { IdentityApsModule } from './http/aps/identity-aps.module.js';
import { AUTHENTICATED_REQUEST_STEPS, type AuthenticatedRequestStep } from './http/auth/authenticated-request-step.js';
import { AUTH_STRATEGIES } from './http/auth/auth-strategies.js';
import { BasicStrategy } from './http/auth/basic.strategy.js';
import { MeridianAuthGuard } from './http/auth/meridian-auth.guard.js';
import { IdentityPlatformModule } from './http/platform/identity-platform.module.js';
import { IdentityPm3Module } from './http/pm3/identity-pm3.module.js';
import { IdentityPm4Module } from './http/pm4/identity-pm4.module.js';
import { IdentityQuestetraModule } from './http/questetra/identity-questetra.module.js';
import { IdentityCoreModule } from './identity-core.module.js';

/** The identity context: authentication for every route, and the identity endpoints of each dialect. */
@Module({
  imports: [IdentityCoreModule, IdentityPlatformModule, IdentityApsModule, IdentityPm3Module, IdentityPm4Module, IdentityQuestetraModule],
  providers: [
    BasicStrategy,
    {
      provide: AUTH_STRATEGIES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): string[] => (config.authBasic ? ['bearer', 'basic'] : ['bearer']),
    },
    {
      provide: AUTHENTICATED_REQUEST_STEPS,
      inject: [ApsImpersonation],
      useFactory: (aps: ApsImpersonation): AuthenticatedRequestStep[] => [aps],
    },
    { provide: APP_GUARD, useClass: MeridianAuthGuard },
  ],
  exports: [IdentityCoreModule],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrap: BootstrapPlatform,
    private readonly bootstrapOAuth: BootstrapOAuthClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The OAuth2 client belongs to the default tenant, so the tenant and admin come first.
    await this.bootstrap.execute();
    await this.bootstrapOAuth.run();
  }
}
