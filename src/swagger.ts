import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { type Dialect, dialectOf } from '../libs/dialects/dialect.js';
import { PUBLIC_OPERATION_EXTENSION } from '../libs/platform/http/public.decorator.js';
import type { AppConfig } from './config/config.js';

const TITLES: Record<Dialect, string> = {
  aps: 'Alfresco Process Services dialect (/activiti-app/api)',
  pm3: 'ProcessMaker 3 dialect (/api/1.0/{workspace})',
  pm4: 'ProcessMaker 4 dialect (/api/1.0)',
  questetra: 'Questetra BPM Suite dialect (/API, /System)',
  platform: 'Meridian platform (OAuth2, /api/platform)',
};

const CONVENTIONS: Record<Dialect, string> = {
  aps:
    'Ids are numbers; lists are `{size, total, start, data}` (start 0, size 25; `page` wins over `start`); errors are ' +
    '`{message, messageKey}`. Admins may impersonate with the `activiti-user` and `activiti-user-value-type` headers.',
  pm3:
    'Ids are 32-character strings (`00000000000000000000000000000001` is the admin); lists are bare JSON arrays; errors are ' +
    '`{error: {code, message}}`, and ProcessMaker answers 400 for unknown uids and duplicates too. Bodies may be JSON or form-encoded.',
  pm4:
    'Ids are integers; lists are `{data, meta}` (`page` 1-based, `per_page` default 10); errors are `{message, errors}` (422 for validation ' +
    'and refused rules, 404 `{message}` for unknown or malformed ids). Create answers 201, update and delete 204.',
  questetra:
    'Ids are integers; lists are named arrays (`qusers`); every operation takes its parameters from the query string (GET) or a ' +
    'form or JSON body (POST). Refused requests answer 400 `{errors: [{type, name, value, message}]}`.',
  platform:
    'Meridian\'s own endpoints in aps conventions (`{size, total, start, data}`, errors `{message, messageKey}`), and its OAuth2 ' +
    'authorization server, whose endpoints answer RFC 6749 errors `{error, error_description}`.',
};

function description(dialect: Dialect, config: AppConfig): string {
  return [
    CONVENTIONS[dialect],
    '',
    '**How to authorize** (the Authorize button):',
    `- **basic**: a username (or e-mail) and password${config.authBasic ? '' : ' — switched off on this server (AUTH_BASIC=false)'}.`,
    `- **oauth2, authorizationCode**: signs in on Meridian's own form at /oauth/authorize and returns to /docs/oauth2-redirect.html; ` +
      `PKCE (S256) is used automatically. client_id is \`${config.oauthClientId}\`, the bootstrap client, which is confidential: enter its ` +
      'secret (OAUTH_CLIENT_SECRET, or the one printed once at the first start) as client_secret. Tick the scopes read and write.',
    '- **oauth2, password**: a username and password with the same client id and secret.',
    'Tokens come from POST /oauth/token and are sent as `Authorization: Bearer …`; operations without a lock need no credentials.',
  ].join('\n');
}

/** Public operations (marked by @Public()) override the document-level requirement with `security: []`. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<Record<string, unknown>>) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_OPERATION_EXTENSION in operation)) continue;
      delete operation[PUBLIC_OPERATION_EXTENSION];
      operation.security = [];
    }
  }
}

export const DIALECTS: readonly Dialect[] = ['aps', 'pm3', 'pm4', 'questetra', 'platform'];

/**
 * One OpenAPI document per dialect at /docs/{dialect}-json, all in one Swagger UI at /docs. The
 * "Authorize" button runs the authorization-code flow with PKCE against the platform's own OAuth2
 * server (client `OAUTH_CLIENT_ID`), or takes Basic credentials.
 */
export function setupSwagger(app: INestApplication, config: AppConfig): Record<Dialect, OpenAPIObject> {
  const scopes = { read: 'Read access', write: 'Write access' };
  const base = new DocumentBuilder()
    .setTitle('Meridian')
    .setDescription(description('platform', config))
    .setVersion('0.1.0')
    .addBasicAuth({ type: 'http', scheme: 'basic' }, 'basic')
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          authorizationCode: { authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes },
          password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes },
        },
      },
      'oauth2',
    )
    .addSecurityRequirements('basic')
    .addSecurityRequirements('oauth2', ['read', 'write']);
  const full = SwaggerModule.createDocument(app, base.build());
  markPublicOperations(full);

  const documents = {} as Record<Dialect, OpenAPIObject>;
  for (const dialect of DIALECTS) {
    const paths = Object.fromEntries(Object.entries(full.paths).filter(([path]) => dialectOf(path) === dialect));
    documents[dialect] = {
      ...full,
      info: { ...full.info, title: `Meridian — ${TITLES[dialect]}`, description: description(dialect, config) },
      paths,
    };
    SwaggerModule.setup(`docs/${dialect}`, app, documents[dialect], { jsonDocumentUrl: `docs/${dialect}-json`, ui: false });
  }
  SwaggerModule.setup('docs', app, full, {
    explorer: true,
    jsonDocumentUrl: 'docs/all-json',
    swaggerOptions: {
      urls: DIALECTS.map((d) => ({ url: `/docs/${d}-json`, name: d })),
      persistAuthorization: true,
      oauth2RedirectUrl: `${config.publicUrl}/docs/oauth2-redirect.html`,
      initOAuth: { clientId: config.oauthClientId, usePkceWithAuthorizationCodeGrant: true, scopes: ['read', 'write'] },
    },
  });
  return documents;
}
