import { Module } from '@nestjs/common';
import { AccessTokens } from '../../application/oauth/access-tokens.js';
import { AuthenticateBearer } from '../../application/oauth/authenticate-bearer.use-case.js';
import { BootstrapOAuthClient } from '../../application/oauth/bootstrap-oauth-client.use-case.js';
import { ClientSecretVerifier } from '../../application/oauth/client-secret-verifier.js';
import { ClientAuthenticator } from '../../application/oauth/client-authenticator.js';
import { CompleteAuthorization } from '../../application/oauth/complete-authorization.use-case.js';
import { CreateOAuthClient } from '../../application/oauth/create-oauth-client.use-case.js';
import { DeleteOAuthClient } from '../../application/oauth/delete-oauth-client.use-case.js';
import { DescribeAuthorizationServer } from '../../application/oauth/describe-authorization-server.query.js';
import { GetOAuthClient } from '../../application/oauth/get-oauth-client.query.js';
import { IntrospectToken } from '../../application/oauth/introspect-token.use-case.js';
import { IssueToken } from '../../application/oauth/issue-token.use-case.js';
import { ListOAuthClients } from '../../application/oauth/list-oauth-clients.query.js';
import { OAuthModelFactory } from '../../application/oauth/oauth-model.js';
import { PrepareAuthorization } from '../../application/oauth/prepare-authorization.query.js';
import { RevokeToken } from '../../application/oauth/revoke-token.use-case.js';
import { RotateOAuthClientSecret } from '../../application/oauth/rotate-oauth-client-secret.use-case.js';
import { RotateSigningKey } from '../../application/oauth/rotate-signing-key.use-case.js';
import { SigningKeys } from '../../application/oauth/signing-keys.js';
import { UpdateOAuthClient } from '../../application/oauth/update-oauth-client.use-case.js';
import { IdentityCoreModule } from '../../identity-core.module.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';
import { OAuthTokenRepository } from '../../infrastructure/oauth/oauth-token.repository.js';
import { SigningKeyRepository } from '../../infrastructure/oauth/signing-key.repository.js';
import { BearerStrategy } from '../auth/bearer.strategy.js';
import { OAuthAuthorizeController } from './oauth-authorize.controller.js';
import { OAuthClientsController } from './oauth-clients.controller.js';
import { OAuthDiscoveryController } from './oauth-discovery.controller.js';
import { OAuthIntrospectionController } from './oauth-introspection.controller.js';
import { OAuthTokenController } from './oauth-token.controller.js';
import { WhoAmIController } from './whoami.controller.js';

/** The platform's own OAuth2 authorization server, its bearer strategy and `/api/platform` identity endpoints. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [
    OAuthTokenController,
    OAuthAuthorizeController,
    OAuthIntrospectionController,
    OAuthDiscoveryController,
    OAuthClientsController,
    WhoAmIController,
  ],
  providers: [
    OAuthClientRepository,
    OAuthTokenRepository,
    SigningKeyRepository,
    SigningKeys,
    AccessTokens,
    OAuthModelFactory,
    ClientAuthenticator,
    ClientSecretVerifier,
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
  ],
  exports: [BootstrapOAuthClient],
})
export class IdentityPlatformModule {}
