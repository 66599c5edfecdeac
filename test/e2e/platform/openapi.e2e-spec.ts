import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { clientBasic, formTokenSetCookie, hiddenFields, pkcePair } from '../../support/oauth.js';
import { answerProblems, isObject, type Json } from '../../support/openapi.js';

interface Operation {
  readonly dialect: string;
  readonly method: string;
  readonly path: string;
  readonly op: Json;
  readonly doc: Json;
}

const DIALECTS = ['aps', 'pm3', 'pm4', 'questetra', 'platform'] as const;
const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** Operations that answer without credentials (@Public() routes); everything else must declare Basic and OAuth2. */
const PUBLIC = new Set([
  'post /oauth/token',
  'post /oauth2/token',
  'post /oauth/protocol/openid-connect/token',
  'get /oauth/authorize',
  'post /oauth/authorize',
  'post /oauth/introspect',
  'post /oauth/revoke',
  'get /.well-known/openid-configuration',
  'get /.well-known/jwks.json',
  'post /activiti-app/app/authentication',
  'get /activiti-app/app/logout',
]);

/** The error body each dialect's exception filter renders (libs/dialects/error-body.ts). */
const ERROR_SCHEMA: Record<string, string> = {
  aps: 'ApsErrorBody',
  pm3: 'Pm3ErrorBody',
  pm4: 'Pm4ErrorBody',
  questetra: 'QuestetraErrorBody',
  platform: 'ApsErrorBody',
};

const key = (o: Pick<Operation, 'method' | 'path'>): string => `${o.method} ${o.path}`;

function operations(dialect: string, doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ dialect, method, path, op: op as Json, doc });
    }
  }
  return out;
}

/** A schema that says something: a $ref, a type, or a composition. */
function isSchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  return typeof schema.$ref === 'string' || typeof schema.type === 'string' || ['oneOf', 'anyOf', 'allOf'].some((k) => Array.isArray(schema[k]));
}

function contentSchemas(content: unknown): unknown[] {
  return isObject(content) ? Object.values(content).map((media) => (isObject(media) ? media.schema : undefined)) : [];
}

function effectiveSecurity(o: Operation): unknown[] {
  return (o.op.security ?? o.doc.security ?? []) as unknown[];
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('platform: OpenAPI documents and Swagger UI', () => {
  let t: TestApp;
  const docs: Record<string, Json> = {};
  let ops: Operation[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    for (const dialect of DIALECTS) {
      const res = await t.http().get(`/docs/${dialect}-json`).expect(200);
      docs[dialect] = res.body as Json;
      ops = ops.concat(operations(dialect, docs[dialect]!));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves one OpenAPI 3 document per dialect, together holding every documented operation', async () => {
    for (const dialect of DIALECTS) expect(docs[dialect]!.openapi).toMatch(/^3\./);
    const all = operations('all', (await t.http().get('/docs/all-json').expect(200)).body as Json).map(key).sort();
    expect(ops.map(key).sort()).toEqual(all);
    expect(ops.length).toBeGreaterThan(50);
  });

  it('every operation has a success response, and every non-empty one a content schema', () => {
    const problems: string[] = [];
    for (const o of ops) {
      const responses = o.op.responses as Record<string, Json>;
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s) || (/^3\d\d$/.test(s) && o.path === '/oauth/authorize'));
      if (success.length === 0) problems.push(`${key(o)}: no 2xx response`);
      for (const status of success.filter((s) => s.startsWith('2'))) {
        const response = responses[status]!;
        const explicitlyEmpty = response.content === undefined && /^Empty body/.test(String(response.description));
        if (explicitlyEmpty) continue;
        const schemas = contentSchemas(response.content);
        if (schemas.length === 0 || !schemas.every(isSchema)) problems.push(`${key(o)}: ${status} without a content schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every POST and PUT documents its request body with a schema, or says explicitly that it takes none', () => {
    const problems: string[] = [];
    for (const o of ops.filter((x) => BODY_METHODS.has(x.method))) {
      const body = o.op.requestBody as Json | undefined;
      if (body === undefined) {
        if (o.op['x-no-request-body'] !== true) problems.push(`${key(o)}: no requestBody and no x-no-request-body`);
        continue;
      }
      const schemas = contentSchemas(body.content);
      if (schemas.length === 0 || !schemas.every(isSchema)) problems.push(`${key(o)}: requestBody without a schema`);
    }
    expect(problems).toEqual([]);
  });

  it('public operations declare no security; all others declare Basic and OAuth2 and document the dialect\'s 401 body', () => {
    const problems: string[] = [];
    for (const o of ops) {
      if (PUBLIC.has(key(o))) {
        if (!Array.isArray(o.op.security) || o.op.security.length !== 0) problems.push(`${key(o)}: public but security is not []`);
        continue;
      }
      const schemes = effectiveSecurity(o).flatMap((r) => (isObject(r) ? Object.keys(r) : []));
      if (!schemes.includes('basic') || !schemes.includes('oauth2')) problems.push(`${key(o)}: security ${JSON.stringify(schemes)}`);
      const unauthorized = (o.op.responses as Record<string, Json>)['401'];
      const ref = contentSchemas(unauthorized?.content).map((s) => (isObject(s) ? s.$ref : undefined))[0];
      if (ref !== `#/components/schemas/${ERROR_SCHEMA[o.dialect]}`) problems.push(`${key(o)}: 401 schema ${String(ref)}`);
    }
    expect(problems).toEqual([]);
    for (const k of PUBLIC) expect(ops.map(key)).toContain(k);
  });

  it('operations documented as secured really answer 401 without credentials', async () => {
    const secured = ops.filter((o) => effectiveSecurity(o).length > 0);
    const answers: string[] = [];
    for (const o of secured) {
      const url = o.path.replace('{workspace}', 'workflow').replace(/\{[^}]+\}/g, '1');
      const res = await t.http()[o.method as 'get' | 'post' | 'put' | 'delete'](url);
      if (res.status !== 401) answers.push(`${key(o)}: ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('real answers, successes and errors, have the documented shape', async () => {
    const pm3Admin = '00000000000000000000000000000001';
    const token = await t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD });
    const created = await t.http().post('/api/platform/oauth-clients').set('Authorization', t.adminBasic).send({ name: 'Docs', redirectUris: [], grants: ['password'] });
    const rolUid = ((await t.http().get('/api/1.0/workflow/roles').set('Authorization', t.adminBasic)).body as Json[])[0]!.rol_uid as string;
    const department = await t.http().post('/api/1.0/workflow/department').set('Authorization', t.adminBasic).send({ dep_title: 'Docs', dep_manager: pm3Admin });
    const depUid = (department.body as Json).dep_uid as string;
    await t.http().post('/api/1.0/workflow/department').set('Authorization', t.adminBasic).send({ dep_title: 'Docs child', dep_parent: depUid }).expect(201);
    const calls: Array<[string, string, string, () => Promise<{ status: number; body: unknown; text: string }>]> = [
      ['aps', 'get', '/activiti-app/api/enterprise/app-version', () => t.http().get('/activiti-app/api/enterprise/app-version').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/profile', () => t.http().get('/activiti-app/api/enterprise/profile').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/users', () => t.http().get('/activiti-app/api/enterprise/users').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/users/{userId}', () => t.http().get('/activiti-app/api/enterprise/users/999999').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/admin/users', () => t.http().get('/activiti-app/api/enterprise/admin/users').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/admin/tenants', () => t.http().get('/activiti-app/api/enterprise/admin/tenants').set('Authorization', t.adminBasic)],
      ['aps', 'get', '/activiti-app/api/enterprise/admin/tenants/{tenantId}', () => t.http().get('/activiti-app/api/enterprise/admin/tenants/1').set('Authorization', t.adminBasic)],
      ['aps', 'post', '/activiti-app/api/enterprise/admin/tenants', () => t.http().post('/activiti-app/api/enterprise/admin/tenants').set('Authorization', t.adminBasic).send({ name: '' })],
      ['aps', 'get', '/activiti-app/api/enterprise/profile', () => t.http().get('/activiti-app/api/enterprise/profile')],
      ['pm3', 'get', '/api/1.0/{workspace}/users', () => t.http().get('/api/1.0/workflow/users').set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/user/{usr_uid}', () => t.http().get(`/api/1.0/workflow/user/${pm3Admin}`).set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/user/{usr_uid}', () => t.http().get('/api/1.0/workflow/user/00000000000000000000000000999999').set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/roles', () => t.http().get('/api/1.0/workflow/roles').set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/role/{rol_uid}/users', () => t.http().get(`/api/1.0/workflow/role/${rolUid}/users`).set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/role/{rol_uid}/permissions', () => t.http().get(`/api/1.0/workflow/role/${rolUid}/permissions`).set('Authorization', t.adminBasic)],
      ['pm3', 'post', '/api/1.0/{workspace}/department', async () => department],
      ['pm3', 'post', '/api/1.0/{workspace}/department', () => t.http().post('/api/1.0/workflow/department').set('Authorization', t.adminBasic).send({ dep_title: 'Docs' })],
      ['pm3', 'get', '/api/1.0/{workspace}/departments', () => t.http().get('/api/1.0/workflow/departments').set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/department/{dep_uid}', () => t.http().get(`/api/1.0/workflow/department/${depUid}`).set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/department/{dep_uid}/assigned-user', () => t.http().get(`/api/1.0/workflow/department/${depUid}/assigned-user`).set('Authorization', t.adminBasic)],
      ['pm3', 'get', '/api/1.0/{workspace}/department/{dep_uid}/available-user', () => t.http().get(`/api/1.0/workflow/department/${depUid}/available-user`).set('Authorization', t.adminBasic)],
      ['pm3', 'put', '/api/1.0/{workspace}/department/{dep_uid}/set-manager/{usr_uid}', () => t.http().put(`/api/1.0/workflow/department/${depUid}/set-manager/${pm3Admin}`).set('Authorization', t.adminBasic)],
      ['questetra', 'get', '/API/User/Quser/self', () => t.http().get('/API/User/Quser/self').set('Authorization', t.adminBasic)],
      ['questetra', 'get', '/API/User/Quser/list', () => t.http().get('/API/User/Quser/list?limit=10').set('Authorization', t.adminBasic)],
      ['questetra', 'get', '/API/User/Quser/find', () => t.http().get('/API/User/Quser/find?id=999999').set('Authorization', t.adminBasic)],
      ['questetra', 'get', '/API/User/Quser/find', () => t.http().get('/API/User/Quser/find?id=1')],
      ['platform', 'post', '/oauth/token', async () => token],
      ['platform', 'post', '/oauth/token', () => t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({ grant_type: 'password', username: 'admin', password: 'wrong' })],
      ['platform', 'post', '/oauth/introspect', () => t.http().post('/oauth/introspect').set('Authorization', clientBasic()).type('form').send({ token: (token.body as Json).access_token as string })],
      ['platform', 'post', '/oauth/introspect', () => t.http().post('/oauth/introspect').set('Authorization', clientBasic()).type('form').send({ token: (token.body as Json).refresh_token as string })],
      ['platform', 'post', '/oauth/revoke', () => t.http().post('/oauth/revoke').set('Authorization', clientBasic()).type('form').send({ token: 'unknown' })],
      ['platform', 'get', '/.well-known/openid-configuration', () => t.http().get('/.well-known/openid-configuration')],
      ['platform', 'get', '/.well-known/jwks.json', () => t.http().get('/.well-known/jwks.json')],
      ['platform', 'post', '/api/platform/oauth-clients', async () => created],
      ['platform', 'get', '/api/platform/oauth-clients', () => t.http().get('/api/platform/oauth-clients').set('Authorization', t.adminBasic)],
      ['platform', 'get', '/api/platform/oauth-clients/{id}', () => t.http().get('/api/platform/oauth-clients/999999').set('Authorization', t.adminBasic)],
      ['platform', 'get', '/api/platform/whoami', () => t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${String((token.body as Json).access_token)}`)],
    ];
    const problems: string[] = [];
    for (const [dialect, method, path, call] of calls) {
      const res = await call();
      problems.push(...answerProblems(docs[dialect]!, method, path, res));
    }
    expect(problems).toEqual([]);
  });

  it('every $ref resolves to a component schema', () => {
    for (const dialect of DIALECTS) {
      const doc = docs[dialect]!;
      const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
      const broken = refsIn(doc.paths).concat(refsIn(schemas)).filter((ref) => !(ref.startsWith('#/components/schemas/') && ref.slice(21) in schemas));
      expect({ dialect, broken }).toEqual({ dialect, broken: [] });
    }
  });

  it('documents the OAuth2 endpoints: form and JSON token requests, token response, RFC 6749 errors, HTML and redirects of /oauth/authorize', () => {
    const paths = docs.platform!.paths as Record<string, Record<string, Json>>;
    const token = paths['/oauth/token']!.post!;
    const content = (token.requestBody as Json).content as Record<string, Json>;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    const requestSchema = content['application/x-www-form-urlencoded']!.schema as Json;
    const props = requestSchema.properties as Record<string, Json>;
    expect(props.grant_type!.enum).toEqual(['authorization_code', 'password', 'client_credentials', 'refresh_token']);
    for (const p of ['username', 'password', 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'client_id', 'client_secret', 'scope']) {
      expect(props).toHaveProperty(p);
    }
    const responses = token.responses as Record<string, Json>;
    const ok = (responses['200']!.content as Record<string, Json>)['application/json']!.schema as Json;
    const schemas = (docs.platform!.components as Json).schemas as Record<string, Json>;
    expect(Object.keys(schemas[String(ok.$ref).slice(21)]!.properties as Json)).toEqual(
      expect.arrayContaining(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope']),
    );
    for (const status of ['400', '401']) {
      expect(((responses[status]!.content as Record<string, Json>)['application/json']!.schema as Json).$ref).toBe('#/components/schemas/OAuthErrorBody');
    }

    const form = paths['/oauth/authorize']!.get!;
    expect(Object.keys(((form.responses as Record<string, Json>)['200']!.content as Json))).toEqual(['text/html']);
    expect((form.parameters as Json[]).map((p) => p.name)).toEqual(
      expect.arrayContaining(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method']),
    );
    const submit = paths['/oauth/authorize']!.post!;
    const redirect = (submit.responses as Record<string, Json>)['302']!;
    expect(redirect.headers).toHaveProperty('Location');
    expect(Object.keys((submit.requestBody as Json).content as Json)).toEqual(['application/x-www-form-urlencoded']);
    const submitSchema = ((submit.requestBody as Json).content as Record<string, Json>)['application/x-www-form-urlencoded']!.schema as Json;
    expect(submitSchema.required).toEqual(expect.arrayContaining(['username', 'password', 'form_token']));
    expect(String(((submitSchema.properties as Record<string, Json>).form_token as Json).description)).toMatch(/meridian_oauth_form/);
  });

  it('points the OAuth2 security scheme at the real authorization and token endpoints', async () => {
    const scheme = ((docs.platform!.components as Json).securitySchemes as Record<string, Json>).oauth2!;
    const flows = scheme.flows as Record<string, Json>;
    expect(flows.authorizationCode).toMatchObject({ authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token' });
    expect(flows.password).toMatchObject({ tokenUrl: '/oauth/token' });
    // The URLs resolve against the server: the form answers, and the token endpoint speaks RFC 6749.
    await t.http().get('/oauth/authorize').expect(400);
    const res = await t.http().post('/oauth/token').type('form').send({ grant_type: 'password' });
    expect(res.body).toHaveProperty('error');
    for (const dialect of DIALECTS) expect(String((docs[dialect]!.info as Json).description)).toMatch(/Authorize/);
  });

  it('serves the Swagger UI with its OAuth2 redirect page, configured for the bootstrap client with PKCE', async () => {
    const redirect = await t.http().get('/docs/oauth2-redirect.html').expect(200);
    expect(redirect.headers['content-type']).toMatch(/text\/html/);
    expect(redirect.text).toContain('oauth2');
    const page = await t.http().get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui-init.js');
    const init = await t.http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toMatch(/"clientId":\s*"meridian"/);
    expect(init.text).toMatch(/"usePkceWithAuthorizationCodeGrant":\s*true/);
    expect(init.text).toContain(`"oauth2RedirectUrl": "${t.config.publicUrl}/docs/oauth2-redirect.html"`);
  });

  it('the Authorize button\'s authorization-code flow works as Swagger UI runs it: the document\'s URLs, the UI\'s client and redirect, PKCE and the secret in the body', async () => {
    const init = (await t.http().get('/docs/swagger-ui-init.js').expect(200)).text;
    const clientId = /"clientId":\s*"([^"]+)"/.exec(init)![1]!;
    const redirectUri = /"oauth2RedirectUrl":\s*"([^"]+)"/.exec(init)![1]!;
    const flow = (((docs.platform!.components as Json).securitySchemes as Record<string, Json>).oauth2!.flows as Record<string, Json>).authorizationCode!;
    const { verifier, challenge } = pkcePair();
    const request = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'read write', state: 'docs', code_challenge: challenge, code_challenge_method: 'S256' };
    const form = await t.http().get(String(flow.authorizationUrl)).query(request).expect(200);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    // The browser posts the form it was shown, with its hidden fields and the cookie it was given.
    const signedIn = await t
      .http()
      .post(String(flow.authorizationUrl))
      .set('Cookie', formTokenSetCookie(form.headers)!.split(';')[0]!)
      .type('form')
      .send({ ...hiddenFields(form.text), username: 'admin', password: ADMIN_PASSWORD })
      .expect(302);
    const location = new URL(String(signedIn.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('docs');
    const token = await t
      .http()
      .post(String(flow.tokenUrl))
      .type('form')
      .send({ grant_type: 'authorization_code', code: location.searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: verifier, client_id: clientId, client_secret: OAUTH_CLIENT_SECRET })
      .expect(200);
    await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${String((token.body as Json).access_token)}`).expect(200);
  });
});
