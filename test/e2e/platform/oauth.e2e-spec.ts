import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser } from '../../support/db.js';
import { CLIENT_ID, clientBasic, decodeJwtPart, FORM_TOKEN_COOKIE, formTokenSetCookie as formTokenSetCookieOf, hiddenFields, openSignInForm, pkcePair, submitSignIn } from '../../support/oauth.js';

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

describe('platform: OAuth2 authorization server', () => {
  let t: TestApp;
  const redirectUri = () => `${t.config.publicUrl}/docs/oauth2-redirect.html`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function passwordGrant(username = 'admin', password = ADMIN_PASSWORD): Promise<TokenBody> {
    const res = await t
      .http()
      .post('/oauth/token')
      .set('Authorization', clientBasic())
      .type('form')
      .send({ grant_type: 'password', username, password })
      .expect(200);
    return res.body as TokenBody;
  }

  describe('token endpoint', () => {
    it('password grant with the username answers an RFC 6749 token response, not cached', async () => {
      const res = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        access_token: expect.any(String),
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: expect.any(String),
        scope: 'read write',
      });
      const claims = decodeJwtPart(res.body.access_token, 1);
      expect(claims).toMatchObject({ iss: t.config.publicUrl, sub: '1', tenant: '1', client_id: CLIENT_ID, scope: 'read write' });
      expect(claims.jti).toEqual(expect.any(String));
      expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    });

    it('password grant accepts the e-mail address and client credentials in the body', async () => {
      const res = await t
        .http()
        .post('/oauth/token')
        .type('form')
        .send({ grant_type: 'password', username: 'admin@example.com', password: ADMIN_PASSWORD, client_id: CLIENT_ID, client_secret: OAUTH_CLIENT_SECRET, scope: 'read' })
        .expect(200);
      expect(res.body.scope).toBe('read');
      expect(decodeJwtPart(res.body.access_token, 1).sub).toBe('1');
    });

    it('accepts JSON bodies (ProcessMaker 3 clients) and the /oauth2/token and /workflow/oauth2/token aliases', async () => {
      for (const path of ['/oauth2/token', '/workflow/oauth2/token', '/oauth/token']) {
        const res = await t
          .http()
          .post(path)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, client_id: CLIENT_ID, client_secret: OAUTH_CLIENT_SECRET }))
          .expect(200);
        expect(res.body.token_type).toBe('bearer');
      }
      const otherWorkspace = await t
        .http()
        .post('/elsewhere/oauth2/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD });
      expect(otherWorkspace.status).toBe(400);
      expect(otherWorkspace.body.error).toBe('invalid_grant');
    });

    it('a wrong password is 400 invalid_grant', async () => {
      const res = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'password', username: 'admin', password: 'wrong-password' })
        .expect(400);
      expect(res.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    });

    it('an unknown client or a wrong secret is 401 invalid_client, with a Basic challenge', async () => {
      const unknown = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic('nobody', 'whatever-secret'))
        .type('form')
        .send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD })
        .expect(401);
      expect(unknown.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
      expect(unknown.headers['www-authenticate']).toMatch(/^Basic /);
      const wrong = await t
        .http()
        .post('/oauth/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: 'not-the-secret' })
        .expect(401);
      expect(wrong.body.error).toBe('invalid_client');
      const missing = await t.http().post('/oauth/token').type('form').send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, client_id: CLIENT_ID });
      expect(missing.status).toBe(401);
      expect(missing.body.error).toBe('invalid_client');
    });

    it('unsupported grants and missing parameters are RFC errors', async () => {
      const grant = await t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({ grant_type: 'implicit' }).expect(400);
      expect(grant.body.error).toBe('unsupported_grant_type');
      const noGrant = await t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({}).expect(400);
      expect(noGrant.body.error).toBe('invalid_request');
      const scope = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, scope: 'admin' })
        .expect(400);
      expect(scope.body.error).toBe('invalid_scope');
    });

    it('client_credentials issues a token for the client without a refresh token', async () => {
      const res = await t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({ grant_type: 'client_credentials' }).expect(200);
      expect(res.body.refresh_token).toBeUndefined();
      const claims = decodeJwtPart(res.body.access_token, 1);
      expect(claims).toMatchObject({ sub: CLIENT_ID, client_id: CLIENT_ID, gty: 'client_credentials', tenant: '1' });
      // The bootstrap client names no service user: authenticated, but not allowed on user endpoints.
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${res.body.access_token}`).expect(403);
    });

    it('throttles the password grant: 429 with Retry-After after 10 failures for one account', async () => {
      await insertUser(t, { username: 'throttled', password: 'throttled-password-1' });
      for (let i = 0; i < 10; i++) {
        await t.http().post('/oauth/token').set('Authorization', clientBasic()).type('form').send({ grant_type: 'password', username: 'throttled', password: `bad-${i}` }).expect(400);
      }
      const res = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'password', username: 'throttled', password: 'throttled-password-1' })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.error).toEqual(expect.any(String));
    });
  });

  describe('bearer tokens on API endpoints', () => {
    it('a bearer token authenticates GET /api/platform/whoami', async () => {
      const token = await passwordGrant();
      const res = await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.access_token}`).expect(200);
      expect(res.body).toMatchObject({ id: 1, username: 'admin', tenantId: 1, via: 'bearer', clientId: CLIENT_ID, scope: 'read write' });
      expect(res.body.permissions).toContain('tenant-admin');
    });

    it('a bad or tampered token is 401 in the dialect shape', async () => {
      const token = await passwordGrant();
      const [h, p, s] = token.access_token.split('.');
      const payload = { ...decodeJwtPart(token.access_token, 1), sub: '2' };
      const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
      for (const bad of ['garbage', tampered, `${h}.${p}.${s!.slice(0, -4)}AAAA`]) {
        const res = await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${bad}`).expect(401);
        expect(res.body).toMatchObject({ message: expect.any(String), messageKey: 'GENERAL.ERROR.UNAUTHORIZED' });
      }
    });
  });

  describe('refresh tokens', () => {
    it('rotate: the new pair works, the old refresh token fails, and its reuse revokes the new one too', async () => {
      const first = await passwordGrant();
      const refreshed = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
        .expect(200);
      expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
      expect(refreshed.body.scope).toBe('read write');
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${refreshed.body.access_token}`).expect(200);

      const replay = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
        .expect(400);
      expect(replay.body.error).toBe('invalid_grant');

      const afterReuse = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token })
        .expect(400);
      expect(afterReuse.body.error).toBe('invalid_grant');
    });

    it('may narrow but not widen the scope', async () => {
      const first = await passwordGrant();
      const narrowed = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: 'read' })
        .expect(200);
      expect(narrowed.body.scope).toBe('read');
      const widened = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: narrowed.body.refresh_token, scope: 'read write' })
        .expect(400);
      expect(widened.body.error).toBe('invalid_scope');
    });
  });

  describe('authorization code with PKCE', () => {
    async function authorize(challenge: string | undefined, state = 'st-123'): Promise<string> {
      const query: Record<string, string> = { response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), state, scope: 'read write' };
      if (challenge) Object.assign(query, { code_challenge: challenge, code_challenge_method: 'S256' });
      const form = await t.http().get('/oauth/authorize').query(query).expect(200);
      expect(form.headers['content-type']).toMatch(/^text\/html/);
      expect(form.text).toContain('<form method="post" action="/oauth/authorize">');
      expect(form.text).not.toMatch(/<(script|link)\b/);
      const res = await submitSignIn(t, await openSignInForm(t, query), 'admin@example.com', ADMIN_PASSWORD).expect(302);
      const location = new URL(res.headers.location!);
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri());
      expect(location.searchParams.get('state')).toBe(state);
      return location.searchParams.get('code')!;
    }

    function exchange(code: string, verifier: string | undefined, auth = clientBasic()) {
      const body: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: redirectUri() };
      if (verifier) body.code_verifier = verifier;
      return t.http().post('/oauth/token').set('Authorization', auth).type('form').send(body);
    }

    it('end to end: form, sign-in, redirect with code and state, exchange with the verifier; the code is single-use', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await authorize(challenge);
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const token = await exchange(code, verifier).expect(200);
      expect(token.body).toMatchObject({ token_type: 'bearer', refresh_token: expect.any(String), scope: 'read write' });
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.body.access_token}`).expect(200);

      const reuse = await exchange(code, verifier).expect(400);
      expect(reuse.body.error).toBe('invalid_grant');
    });

    it('a code used twice revokes what its first exchange issued (RFC 6749 §4.1.2): access token 401, refresh token rejected', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await authorize(challenge);
      const first = await exchange(code, verifier).expect(200);
      const bearer = `Bearer ${first.body.access_token}`;
      await t.http().get('/api/platform/whoami').set('Authorization', bearer).expect(200);

      const reuse = await exchange(code, verifier).expect(400);
      expect(reuse.body.error).toBe('invalid_grant');

      await t.http().get('/api/platform/whoami').set('Authorization', bearer).expect(401);
      expect((await t.http().post('/oauth/introspect').set('Authorization', clientBasic()).type('form').send({ token: first.body.access_token }).expect(200)).body).toEqual({
        active: false,
      });
      const refresh = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token })
        .expect(400);
      expect(refresh.body.error).toBe('invalid_grant');
    });

    it('code reuse also revokes the tokens of later refreshes, and leaves other sign-ins alone', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await authorize(challenge);
      const first = await exchange(code, verifier).expect(200);
      const rotated = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token })
        .expect(200);
      const unrelated = await passwordGrant();
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${rotated.body.access_token}`).expect(200);

      await exchange(code, verifier).expect(400);

      for (const token of [first.body.access_token, rotated.body.access_token]) {
        await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token}`).expect(401);
      }
      await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: rotated.body.refresh_token })
        .expect(400);
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${unrelated.access_token}`).expect(200);
      await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: unrelated.refresh_token })
        .expect(200);
    });

    it('a wrong verifier fails and consumes the code', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await authorize(challenge);
      const wrong = await exchange(code, pkcePair().verifier).expect(400);
      expect(wrong.body.error).toBe('invalid_grant');
      const afterwards = await exchange(code, verifier).expect(400);
      expect(afterwards.body.error).toBe('invalid_grant');
      const missing = await exchange(await authorize(challenge), undefined).expect(400);
      expect(missing.body.error).toBe('invalid_grant');
    });

    it('confidential clients may skip PKCE', async () => {
      const code = await authorize(undefined);
      await exchange(code, undefined).expect(200);
    });

    it('wrong credentials re-show the form; an unknown client or redirect URI is an error page, never a redirect', async () => {
      const bad = await submitSignIn(
        t,
        await openSignInForm(t, { response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), state: 's' }),
        'admin',
        'nope-nope',
      ).expect(401);
      expect(bad.text).toContain('Invalid username or password');
      expect(bad.headers.location).toBeUndefined();

      const unknownClient = await t.http().get('/oauth/authorize').query({ response_type: 'code', client_id: 'nobody', redirect_uri: redirectUri() }).expect(400);
      expect(unknownClient.headers.location).toBeUndefined();
      expect(unknownClient.text).toContain('Unknown client');
      const form = await openSignInForm(t, { response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri() });
      const evil = await submitSignIn(t, { ...form, fields: { ...form.fields, redirect_uri: 'https://evil.example.com/cb' } }, 'admin', ADMIN_PASSWORD).expect(400);
      expect(evil.headers.location).toBeUndefined();
    });

    it('other errors go back to the client with error and state', async () => {
      const res = await t
        .http()
        .get('/oauth/authorize')
        .query({ response_type: 'token', client_id: CLIENT_ID, redirect_uri: redirectUri(), state: 'abc' })
        .expect(302);
      const location = new URL(res.headers.location!);
      expect(location.searchParams.get('error')).toBe('unsupported_response_type');
      expect(location.searchParams.get('state')).toBe('abc');
    });

    it('escapes what it echoes into the form', async () => {
      const res = await t
        .http()
        .get('/oauth/authorize')
        .query({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), state: '"><script>alert(1)</script>' })
        .expect(200);
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('&quot;&gt;&lt;script&gt;');
    });
  });

  describe('sign-in form: login CSRF (double-submit token)', () => {
    const request = () => ({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), state: 'csrf-state' });
    const post = (fields: Record<string, string>, cookie?: string) => {
      const req = t.http().post('/oauth/authorize').type('form');
      return (cookie ? req.set('Cookie', cookie) : req).send(fields);
    };
    const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

    it('GET sets a random HttpOnly, SameSite=Strict cookie scoped to /oauth and renders the same token as a hidden field', async () => {
      const form = await openSignInForm(t, request());
      const attributes = form.setCookie.split(';').map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/oauth']));
      expect(attributes).not.toContain('secure');
      expect(tokenOf(form.cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(form.fields.form_token).toBe(tokenOf(form.cookie));
      const other = await openSignInForm(t, request());
      expect(tokenOf(other.cookie)).not.toBe(tokenOf(form.cookie));
      // The browser keeps its token while it holds one, so two open sign-in tabs both work.
      const again = await t.http().get('/oauth/authorize').query(request()).set('Cookie', form.cookie).expect(200);
      expect(hiddenFields(again.text).form_token).toBe(form.fields.form_token);
      expect(again.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    });

    it('a post without the cookie, without the field, or with tokens that differ is 400 with the form again, never a redirect', async () => {
      const form = await openSignInForm(t, request());
      const other = await openSignInForm(t, request());
      const { form_token: _token, ...withoutToken } = form.fields;
      const credentials = { username: 'admin', password: ADMIN_PASSWORD };
      const forged = [
        post({ ...form.fields, ...credentials }),
        post({ ...withoutToken, ...credentials }, form.cookie),
        post({ ...form.fields, ...credentials }, other.cookie),
        post({ ...form.fields, form_token: tamperedToken(form.fields.form_token!), ...credentials }, form.cookie),
        post({ ...form.fields, form_token: '', ...credentials }, `${FORM_TOKEN_COOKIE}=`),
      ];
      for (const res of await Promise.all(forged)) {
        expect(res.status).toBe(400);
        expect(res.headers.location).toBeUndefined();
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        expect(res.text).toContain('<form method="post" action="/oauth/authorize">');
        expect(res.text).toContain('was not sent by Meridian');
        // The form shown again carries a token that matches the cookie it sets.
        const retry = { fields: hiddenFields(res.text), cookie: (formTokenSetCookieOf(res.headers) ?? '').split(';')[0]! };
        expect(retry.fields.form_token).toBe(tokenOf(retry.cookie));
      }
      // The genuine form still works.
      await submitSignIn(t, form, 'admin', ADMIN_PASSWORD).expect(302);
    });

    it('a forged post never checks the password: no 401, no throttle, no redirect even for a request error', async () => {
      await insertUser(t, { username: 'csrf-victim', password: 'csrf-victim-password-1' });
      for (let i = 0; i < 12; i++) {
        const res = await post({ ...request(), form_token: 'x'.repeat(43), username: 'csrf-victim', password: `wrong-${i}` }, `${FORM_TOKEN_COOKIE}=${'y'.repeat(43)}`);
        expect(res.status).toBe(400);
      }
      // Twelve checked failures would have throttled the account (429): none were checked.
      const signedIn = await submitSignIn(t, await openSignInForm(t, request()), 'csrf-victim', 'csrf-victim-password-1').expect(302);
      expect(new URL(signedIn.headers.location!).searchParams.get('code')).toEqual(expect.any(String));

      const wrongType = await post({ ...request(), response_type: 'token', username: 'admin', password: ADMIN_PASSWORD }).expect(400);
      expect(wrongType.headers.location).toBeUndefined();
      expect(wrongType.text).toContain('was not sent by Meridian');
    });

    it('after a wrong password the form shown again (401) carries a token that works', async () => {
      const form = await openSignInForm(t, request());
      const bad = await submitSignIn(t, form, 'admin', 'not-the-password').expect(401);
      const retry = { fields: hiddenFields(bad.text), cookie: formTokenSetCookieOf(bad.headers)!.split(';')[0]!, setCookie: '' };
      await submitSignIn(t, retry, 'admin', ADMIN_PASSWORD).expect(302);
    });
  });

  describe('introspection and revocation', () => {
    function introspect(token: string, auth = clientBasic()) {
      return t.http().post('/oauth/introspect').set('Authorization', auth).type('form').send({ token });
    }

    it('describes active access and refresh tokens, and {active:false} for unknown ones', async () => {
      const token = await passwordGrant();
      const access = await introspect(token.access_token).expect(200);
      expect(access.body).toMatchObject({ active: true, sub: '1', username: 'admin', client_id: CLIENT_ID, scope: 'read write', token_type: 'Bearer' });
      expect(access.body.exp).toEqual(expect.any(Number));
      const refresh = await introspect(token.refresh_token!).expect(200);
      expect(refresh.body).toMatchObject({ active: true, token_type: 'refresh_token', username: 'admin' });
      expect((await introspect('no-such-token').expect(200)).body).toEqual({ active: false });
      await introspect(token.access_token, clientBasic(CLIENT_ID, 'wrong-secret-value')).expect(401);
    });

    it('a revoked access token is inactive and 401 on API endpoints', async () => {
      const token = await passwordGrant();
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.access_token}`).expect(200);
      await t.http().post('/oauth/revoke').set('Authorization', clientBasic()).type('form').send({ token: token.access_token, token_type_hint: 'access_token' }).expect(200);
      await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.access_token}`).expect(401);
      expect((await introspect(token.access_token).expect(200)).body).toEqual({ active: false });
    });

    it('revoking a refresh token revokes its family; unknown tokens answer 200', async () => {
      const token = await passwordGrant();
      const rotated = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: token.refresh_token })
        .expect(200);
      await t.http().post('/oauth/revoke').type('form').send({ token: rotated.body.refresh_token, client_id: CLIENT_ID, client_secret: OAUTH_CLIENT_SECRET }).expect(200);
      expect((await introspect(rotated.body.refresh_token).expect(200)).body).toEqual({ active: false });
      const refresh = await t
        .http()
        .post('/oauth/token')
        .set('Authorization', clientBasic())
        .type('form')
        .send({ grant_type: 'refresh_token', refresh_token: rotated.body.refresh_token })
        .expect(400);
      expect(refresh.body.error).toBe('invalid_grant');
      await t.http().post('/oauth/revoke').set('Authorization', clientBasic()).type('form').send({ token: 'never-issued' }).expect(200);
      const noClient = await t.http().post('/oauth/revoke').type('form').send({ token: 'x' }).expect(401);
      expect(noClient.body.error).toBe('invalid_client');
    });
  });

  describe('discovery, JWKS and key rotation', () => {
    it('serves the metadata and a JWKS that verifies issued tokens', async () => {
      const meta = await t.http().get('/.well-known/openid-configuration').expect(200);
      expect(meta.body).toMatchObject({
        issuer: t.config.publicUrl,
        token_endpoint: `${t.config.publicUrl}/oauth/token`,
        authorization_endpoint: `${t.config.publicUrl}/oauth/authorize`,
        jwks_uri: `${t.config.publicUrl}/.well-known/jwks.json`,
        code_challenge_methods_supported: ['S256'],
      });
      const jwks = await t.http().get('/.well-known/jwks.json').expect(200);
      expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: expect.any(String) });
      expect(jwks.body.keys[0].d).toBeUndefined();
      const token = await passwordGrant();
      const { payload } = await jwtVerify(token.access_token, createLocalJWKSet(jwks.body), { issuer: t.config.publicUrl });
      expect(payload.sub).toBe('1');
    });

    it('after a key rotation, tokens of the old key still verify and the JWKS carries both keys', async () => {
      const before = await passwordGrant();
      const rotated = await t.http().post('/api/platform/oauth-signing-keys/rotate').set('Authorization', t.adminBasic).expect(200);
      const after = await passwordGrant();
      const oldKid = decodeJwtPart(before.access_token, 0).kid;
      const newKid = decodeJwtPart(after.access_token, 0).kid;
      expect(newKid).toBe(rotated.body.kid);
      expect(newKid).not.toBe(oldKid);
      for (const token of [before, after]) {
        await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.access_token}`).expect(200);
      }
      const jwks = await t.http().get('/.well-known/jwks.json').expect(200);
      expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
      await jwtVerify(before.access_token, createLocalJWKSet(jwks.body));
    });

    it('the Swagger document declares the OAuth2 flows at the right paths', async () => {
      const doc = await t.http().get('/docs/platform-json').expect(200);
      const flows = doc.body.components.securitySchemes.oauth2.flows;
      expect(flows.authorizationCode).toMatchObject({ authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token' });
      expect(doc.body.paths).toHaveProperty(['/api/platform/whoami']);
      expect(doc.body.paths).toHaveProperty(['/oauth/token']);
    });
  });
});

/** The token with its last character changed (always changed: a fixed replacement equals it one time in 64). */
function tamperedToken(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
}
