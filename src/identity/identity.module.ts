import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthenticateUser } from './application/authenticate-user.use-case.js';
import { BootstrapPlatform } from './application/bootstrap-platform.use-case.js';
import { LoginThrottle } from './application/login-throttle.js';
import { AccessTokens } from './application/oauth/access-tokens.js';
import { AuthenticateBearer } from './application/oauth/authenticate-bearer.use-case.js';
import { BootstrapOAuthClient } from './application/oauth/bootstrap-oauth-client.use-case.js';
import { ClientAuthenticator } from './application/oauth/client-authenticator.js';
import { CompleteAuthorization } from './application/oauth/complete-authorization.use-case.js';
import { CreateOAuthClient } from './application/oauth/create-oauth-client.use-case.js';
import { DeleteOAuthClient } from './application/oauth/delete-oauth-client.use-case.js';
import { DescribeAuthorizationServer } from './application/oauth/describe-authorization-server.query.js';
import { GetOAuthClient } from './application/oauth/get-oauth-client.query.js';
import { IntrospectToken } from './application/oauth/introspect-token.use-case.js';
import { IssueToken } from './application/oauth/issue-token.use-case.js';
import { ListOAuthClients } from './application/oauth/list-oauth-clients.query.js';
import { OAuthModelFactory } from './application/oauth/oauth-model.js';
import { PrepareAuthorization } from './application/oauth/prepare-authorization.query.js';
import { RevokeToken } from './application/oauth/revoke-token.use-case.js';
import { RotateOAuthClientSecret } from './application/oauth/rotate-oauth-client-secret.use-case.js';
import { RotateSigningKey } from './application/oauth/rotate-signing-key.use-case.js';
import { SigningKeys } from './application/oauth/signing-keys.js';
import { UpdateOAuthClient } from './application/oauth/update-oauth-client.use-case.js';
import { AUTH_STRATEGIES } from './http/auth/auth-strategies.js';
import { BasicStrategy } from './http/auth/basic.strategy.js';
import { BearerStrategy } from './http/auth/bearer.strategy.js';
import { MeridianAuthGuard } from './http/auth/meridian-auth.guard.js';
import { OAuthAuthorizeController } from './http/platform/oauth-authorize.controller.js';
import { OAuthClientsController } from './http/platform/oauth-clients.controller.js';
import { OAuthDiscoveryController } from './http/platform/oauth-discovery.controller.js';
import { OAuthIntrospectionController } from './http/platform/oauth-introspection.controller.js';
import { OAuthTokenController } from './http/platform/oauth-token.controller.js';
import { WhoAmIController } from './http/platform/whoami.controller.js';
import { OAuthClientRepository } from './infrastructure/oauth/oauth-client.repository.js';
import { OAuthTokenRepository } from './infrastructure/oauth/oauth-token.repository.js';
import { SigningKeyRepository } from './infrastructure/oauth/signing-key.repository.js';
import { PasswordHasher } from './infrastructure/password-hasher.js';
import { PermissionEntity } from './infrastructure/permission.entity.js';
import { PrincipalLoader } from './infrastructure/principal.loader.js';
import { RoleEntity } from './infrastructure/role.entity.js';
import { TenantEntity } from './infrastructure/tenant.entity.js';
import { UserEntity } from './infrastructure/user.entity.js';
import { IdentityApi } from './identity.api.js';

@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([TenantEntity, UserEntity, RoleEntity, PermissionEntity])],
  controllers: [
    OAuthTokenController,
    OAuthAuthorizeController,
    OAuthIntrospectionController,
    OAuthDiscoveryController,
    OAuthClientsController,
    WhoAmIController,
  ],
  providers: [
    PasswordHasher,
    PrincipalLoader,
    LoginThrottle,
    AuthenticateUser,
    BootstrapPlatform,
    BasicStrategy,
    IdentityApi,
    // OAuth2 authorization server
    OAuthClientRepository,
    OAuthTokenRepository,
    SigningKeyRepository,
    SigningKeys,
    AccessTokens,
    OAuthModelFactory,
    ClientAuthenticator,
    IssueToken,
    PrepareAuthorization,
    CompleteAuthorization,
    IntrospectToken,
    RevokeToken,
    DescribeAuthorizationServer,
    BootstrapOAuthClient,
    ListOAuthClients,
    GetOAuthClient,
    CreateOAuthClient,
    UpdateOAuthClient,
    DeleteOAuthClient,
    RotateOAuthClientSecret,
    RotateSigningKey,
    AuthenticateBearer,
    BearerStrategy,
    {
      provide: AUTH_STRATEGIES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): string[] => (config.authBasic ? ['bearer', 'basic'] : ['bearer']),
    },
    { provide: APP_GUARD, useClass: MeridianAuthGuard },
  ],
  exports: [IdentityApi],
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
