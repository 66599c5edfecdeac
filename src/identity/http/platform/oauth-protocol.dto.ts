import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { AUTHORIZE_PARAMS } from '../../application/oauth/prepare-authorization.query.js';
import { OAUTH_GRANTS, OAUTH_SCOPES } from '../../domain/oauth/oauth-rules.js';
import { FORM_TOKEN_COOKIE, FORM_TOKEN_FIELD } from './login-form-token.js';

/*
 * OpenAPI shapes of the OAuth2 protocol endpoints. The requests are schema objects, not DTO
 * classes: the endpoints read raw form or JSON bodies (RFC 6749 leaves unknown parameters to be
 * ignored, and the global ValidationPipe would validate a class-typed body).
 */

const SCOPE: SchemaObject = { type: 'string', description: `Space-separated scopes (${OAUTH_SCOPES.join(', ')}); default all the client may use`, example: 'read write' };
const CLIENT_AUTH: Record<string, SchemaObject> = {
  client_id: { type: 'string', description: 'The client, when it does not authenticate with HTTP Basic', example: 'meridian' },
  client_secret: { type: 'string', format: 'password', description: 'Secret of a confidential client, when it does not use HTTP Basic' },
};

/** RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6; RFC 7636 §4.5. */
export const TOKEN_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['grant_type'],
  properties: {
    grant_type: { type: 'string', enum: [...OAUTH_GRANTS] },
    username: { type: 'string', description: 'password grant: username or e-mail', example: 'admin' },
    password: { type: 'string', format: 'password', description: 'password grant' },
    code: { type: 'string', description: 'authorization_code grant: the code from the redirect' },
    code_verifier: { type: 'string', description: 'authorization_code grant: the PKCE verifier (required for public clients)', minLength: 43, maxLength: 128 },
    redirect_uri: { type: 'string', description: 'authorization_code grant: the redirect URI of the authorization request' },
    refresh_token: { type: 'string', description: 'refresh_token grant: the refresh token (rotated: the answer carries a new one)' },
    ...CLIENT_AUTH,
    scope: SCOPE,
  },
};

const TOKEN_TYPE_HINT: SchemaObject = { type: 'string', enum: ['access_token', 'refresh_token'], description: 'Where to look first' };

/** RFC 7662 §2.1. */
export const INTROSPECTION_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', description: 'An access or refresh token' }, token_type_hint: TOKEN_TYPE_HINT, ...CLIENT_AUTH },
};

/** RFC 7009 §2.1. */
export const REVOCATION_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', description: 'An access or refresh token issued to the calling client' }, token_type_hint: TOKEN_TYPE_HINT, ...CLIENT_AUTH },
};

/** RFC 7009 §2.2: the answer to every authenticated revocation request. */
export const REVOCATION_RESPONSE_SCHEMA: SchemaObject = { type: 'object', properties: {}, additionalProperties: false, example: {} };

const AUTHORIZE_PARAM_DESCRIPTIONS: Record<(typeof AUTHORIZE_PARAMS)[number], SchemaObject> = {
  response_type: { type: 'string', enum: ['code'], description: 'Only `code` is supported' },
  client_id: { type: 'string', example: 'meridian' },
  redirect_uri: { type: 'string', description: 'One of the client\'s registered redirect URIs; may be left out when it has exactly one' },
  scope: SCOPE,
  state: { type: 'string', description: 'Returned unchanged with the code' },
  code_challenge: { type: 'string', description: 'PKCE (RFC 7636): BASE64URL(SHA-256(code_verifier)); required for public clients' },
  code_challenge_method: { type: 'string', enum: ['S256'] },
};

/** The query parameters of GET /oauth/authorize (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export const AUTHORIZE_QUERY = AUTHORIZE_PARAMS.map((name) => ({
  name,
  required: name === 'client_id' || name === 'response_type',
  schema: AUTHORIZE_PARAM_DESCRIPTIONS[name],
  description: AUTHORIZE_PARAM_DESCRIPTIONS[name].description,
}));

/** What the sign-in form posts: the credentials and, as hidden fields, the form token and the authorization request. */
export const AUTHORIZE_FORM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['username', 'password', FORM_TOKEN_FIELD, 'client_id', 'response_type'],
  properties: {
    username: { type: 'string', description: 'Username or e-mail', maxLength: 255 },
    password: { type: 'string', format: 'password', maxLength: 1024 },
    [FORM_TOKEN_FIELD]: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{43}$',
      description:
        `Login CSRF protection (double submit): the hidden field of the form GET rendered, equal to the \`${FORM_TOKEN_COOKIE}\` cookie it set. ` +
        'Missing or different: 400 and the form again; the credentials are not checked.',
    },
    ...AUTHORIZE_PARAM_DESCRIPTIONS,
  },
};

export const HTML_PAGE = { 'text/html': { schema: { type: 'string', description: 'An HTML page' } } } as const;

/** RFC 6749 §5.1. */
export class OAuthTokenResponse {
  @ApiProperty({ description: 'A JWT (ES256) to send as `Authorization: Bearer …`' }) access_token!: string;
  @ApiProperty({ enum: ['bearer'] }) token_type!: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds', example: 3600 }) expires_in!: number;
  @ApiPropertyOptional({ description: 'Not issued for client_credentials; single use (each refresh answers a new one)' }) refresh_token?: string;
  @ApiProperty({ description: 'The granted scopes, space-separated', example: 'read write' }) scope!: string;
}

/** RFC 7662 §2.2; only `active` when the token is unknown, expired, revoked or of another tenant. */
export class OAuthIntrospectionResponse {
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ example: 'read write' }) scope?: string;
  @ApiPropertyOptional({ example: 'meridian' }) client_id?: string;
  @ApiPropertyOptional({ description: 'Absent for client_credentials tokens', example: 'admin' }) username?: string;
  @ApiPropertyOptional({ enum: ['Bearer', 'refresh_token'] }) token_type?: string;
  @ApiPropertyOptional({ description: 'Expiry, seconds since the epoch' }) exp?: number;
  @ApiPropertyOptional({ description: 'Issued at, seconds since the epoch' }) iat?: number;
  @ApiPropertyOptional({ description: 'The user id', example: '1' }) sub?: string;
  @ApiPropertyOptional({ description: 'The issuer (PUBLIC_URL)' }) iss?: string;
  @ApiPropertyOptional({ description: 'Token id (access tokens only)' }) jti?: string;
  @ApiPropertyOptional({ description: 'Tenant id (Meridian extension)', example: '1' }) tenant?: string;
}

/** RFC 8414 fields, served at the OpenID discovery path (no ID tokens are issued). */
export class AuthorizationServerMetadataResponse {
  @ApiProperty({ example: 'http://localhost:8080' }) issuer!: string;
  @ApiProperty({ example: 'http://localhost:8080/oauth/authorize' }) authorization_endpoint!: string;
  @ApiProperty({ example: 'http://localhost:8080/oauth/token' }) token_endpoint!: string;
  @ApiProperty({ example: 'http://localhost:8080/oauth/introspect' }) introspection_endpoint!: string;
  @ApiProperty({ example: 'http://localhost:8080/oauth/revoke' }) revocation_endpoint!: string;
  @ApiProperty({ example: 'http://localhost:8080/.well-known/jwks.json' }) jwks_uri!: string;
  @ApiProperty({ type: [String], example: ['code'] }) response_types_supported!: string[];
  @ApiProperty({ type: [String], example: ['query'] }) response_modes_supported!: string[];
  @ApiProperty({ type: [String], example: [...OAUTH_GRANTS] }) grant_types_supported!: string[];
  @ApiProperty({ type: [String], example: ['S256'] }) code_challenge_methods_supported!: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post', 'none'] }) token_endpoint_auth_methods_supported!: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] }) introspection_endpoint_auth_methods_supported!: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post', 'none'] }) revocation_endpoint_auth_methods_supported!: string[];
  @ApiProperty({ type: [String], example: [...OAUTH_SCOPES] }) scopes_supported!: string[];
  @ApiProperty({ type: [String], example: ['public'] }) subject_types_supported!: string[];
  @ApiProperty({ type: [String], example: ['ES256'] }) access_token_signing_alg_values_supported!: string[];
}

/** A public P-256 signing key (RFC 7517, RFC 7518 §6.2). */
export class JsonWebKeyResponse {
  @ApiProperty({ enum: ['EC'] }) kty!: string;
  @ApiProperty({ enum: ['P-256'] }) crv!: string;
  @ApiProperty({ description: 'base64url x coordinate' }) x!: string;
  @ApiProperty({ description: 'base64url y coordinate' }) y!: string;
  @ApiProperty({ description: 'Key id, the `kid` in the JWT header' }) kid!: string;
  @ApiProperty({ enum: ['ES256'] }) alg!: string;
  @ApiProperty({ enum: ['sig'] }) use!: string;
}

export class JsonWebKeySetResponse {
  @ApiProperty({ type: [JsonWebKeyResponse], description: 'The current key first, then recently retired ones' }) keys!: JsonWebKeyResponse[];
}
