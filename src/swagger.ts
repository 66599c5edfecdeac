import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { type Dialect, dialectOf } from '../libs/dialects/dialect.js';
import type { AppConfig } from './config/config.js';

const TITLES: Record<Dialect, string> = {
  aps: 'Alfresco Process Services dialect (/activiti-app/api)',
  pm3: 'ProcessMaker 3 dialect (/api/1.0/{workspace})',
  pm4: 'ProcessMaker 4 dialect (/api/1.0)',
  questetra: 'Questetra BPM Suite dialect (/API, /System)',
  platform: 'Meridian platform (OAuth2, /api/platform)',
};

export const DIALECTS: readonly Dialect[] = ['aps', 'pm3', 'pm4', 'questetra', 'platform'];

/**
 * One OpenAPI document per dialect at /docs/{dialect}-json, all in one Swagger UI at /docs. The
 * "Authorize" button runs the authorization-code flow with PKCE against the platform's own OAuth2
 * server (client `OAUTH_CLIENT_ID`), or takes Basic credentials.
 */
export function setupSwagger(app: INestApplication, config: AppConfig): Record<Dialect, OpenAPIObject> {
  const base = new DocumentBuilder()
    .setVersion('0.1.0')
    .addBasicAuth({ type: 'http', scheme: 'basic' }, 'basic')
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: '/oauth/authorize',
            tokenUrl: '/oauth/token',
            refreshUrl: '/oauth/token',
            scopes: { read: 'Read access', write: 'Write access' },
          },
          password: { tokenUrl: '/oauth/token', refreshUrl: '/oauth/token', scopes: { read: 'Read access', write: 'Write access' } },
        },
      },
      'oauth2',
    )
    .addSecurityRequirements('basic')
    .addSecurityRequirements('oauth2', ['read', 'write']);
  const full = SwaggerModule.createDocument(app, base.build());

  const documents = {} as Record<Dialect, OpenAPIObject>;
  for (const dialect of DIALECTS) {
    const paths = Object.fromEntries(Object.entries(full.paths).filter(([path]) => dialectOf(path) === dialect));
    documents[dialect] = { ...full, info: { ...full.info, title: `Meridian — ${TITLES[dialect]}` }, paths };
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
