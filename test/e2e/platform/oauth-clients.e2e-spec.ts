import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, basic, OAUTH_CLIENT_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { clientBasic, decodeJwtPart, openSignInForm, pkcePair, submitSignIn } from '../../support/oauth.js';

const OPERATOR_PASSWORD = 'operator-password-1';

describe('platform: /api/platform/oauth-clients', () => {
  let t: TestApp;
  let operatorId: string;
  const operator = () => basic('operator', OPERATOR_PASSWORD);

  beforeAll(async () => {
    t = await startTestApp();
    operatorId = await insertUser(t, { username: 'operator', password: OPERATOR_PASSWORD });
  });
  afterAll(async () => {
    await t.close();
  });

  const countClients = async () => (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM identity.oauth_clients`))[0]!.n;

  it('lists the bootstrap client in aps paging shape, without secrets', async () => {
    const res = await t.http().get('/api/platform/oauth-clients').set('Authorization', t.adminBasic).expect(200);
    expect(res.body).toMatchObject({ size: 1, total: 1, start: 0 });
    expect(res.body.data[0]).toMatchObject({
      id: expect.any(Number),
      tenantId: 1,
      clientId: 'meridian',
      confidential: true,
      grants: ['authorization_code', 'password', 'client_credentials', 'refresh_token'],
      redirectUris: [`${t.config.publicUrl}/docs/oauth2-redirect.html`],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret|argon2/i);
  });

  it('creates, reads, updates, rotates the secret of and deletes a client', async () => {
    const created = await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', t.adminBasic)
      .send({ name: 'Reporting', redirectUris: ['https://reports.example.com/cb'], grants: ['client_credentials', 'password', 'refresh_token'] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Reporting', confidential: true, clientId: expect.stringMatching(/^mrd-/), clientSecret: expect.any(String) });
    const { id, clientId, clientSecret } = created.body as { id: number; clientId: string; clientSecret: string };
    const stored = await sql<{ secret_hash: string }>(t, `SELECT secret_hash FROM identity.oauth_clients WHERE id = $1`, [id]);
    expect(stored[0]!.secret_hash).toMatch(/^\$argon2id\$/);

    // The secret works at the token endpoint.
    await t.http().post('/oauth/token').set('Authorization', clientBasic(clientId, clientSecret)).type('form').send({ grant_type: 'client_credentials' }).expect(200);

    const got = await t.http().get(`/api/platform/oauth-clients/${id}`).set('Authorization', t.adminBasic).expect(200);
    expect(got.body.clientSecret).toBeUndefined();
    expect(got.body.name).toBe('Reporting');

    const updated = await t
      .http()
      .put(`/api/platform/oauth-clients/${id}`)
      .set('Authorization', t.adminBasic)
      .send({ name: 'Reporting 2', redirectUris: ['https://reports.example.com/cb2'] })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Reporting 2', redirectUris: ['https://reports.example.com/cb2'], grants: ['client_credentials', 'password', 'refresh_token'] });

    const rotated = await t.http().post(`/api/platform/oauth-clients/${id}/secret`).set('Authorization', t.adminBasic).expect(200);
    expect(rotated.body.clientSecret).not.toBe(clientSecret);
    await t.http().post('/oauth/token').set('Authorization', clientBasic(clientId, clientSecret)).type('form').send({ grant_type: 'client_credentials' }).expect(401);
    await t
      .http()
      .post('/oauth/token')
      .set('Authorization', clientBasic(clientId, rotated.body.clientSecret))
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);

    await t.http().delete(`/api/platform/oauth-clients/${id}`).set('Authorization', t.adminBasic).expect(200);
    await t.http().get(`/api/platform/oauth-clients/${id}`).set('Authorization', t.adminBasic).expect(404);
    await t.http().post('/oauth/token').set('Authorization', clientBasic(clientId, rotated.body.clientSecret)).type('form').send({ grant_type: 'client_credentials' }).expect(401);
  });

  it('pages with start and size', async () => {
    for (const name of ['A', 'B', 'C']) {
      await t.http().post('/api/platform/oauth-clients').set('Authorization', t.adminBasic).send({ name, redirectUris: [], grants: ['password'] }).expect(201);
    }
    const res = await t.http().get('/api/platform/oauth-clients').query({ start: 1, size: 2 }).set('Authorization', t.adminBasic).expect(200);
    expect(res.body).toMatchObject({ size: 2, total: 4, start: 1 });
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(['A', 'B']);
    const page = await t.http().get('/api/platform/oauth-clients').query({ page: 1, size: 3, start: 0 }).set('Authorization', t.adminBasic).expect(200);
    expect(page.body).toMatchObject({ size: 1, total: 4, start: 3 });
  });

  it('a user without tenant-admin gets 403 on every operation; no credentials is 401', async () => {
    const before = await countClients();
    await t.http().get('/api/platform/oauth-clients').set('Authorization', operator()).expect(403);
    await t.http().get('/api/platform/oauth-clients/1000').set('Authorization', operator()).expect(403);
    const res = await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', operator())
      .send({ name: 'X', redirectUris: [], grants: ['password'] })
      .expect(403);
    expect(res.body).toMatchObject({ messageKey: 'GENERAL.ERROR.FORBIDDEN', message: expect.any(String) });
    await t.http().put('/api/platform/oauth-clients/1000').set('Authorization', operator()).send({ name: 'Y' }).expect(403);
    await t.http().delete('/api/platform/oauth-clients/1000').set('Authorization', operator()).expect(403);
    await t.http().post('/api/platform/oauth-clients/1000/secret').set('Authorization', operator()).expect(403);
    await t.http().get('/api/platform/oauth-clients').expect(401);
    expect(await countClients()).toBe(before);

    // The same holds with the operator's bearer token.
    const token = await t
      .http()
      .post('/oauth/token')
      .set('Authorization', clientBasic())
      .type('form')
      .send({ grant_type: 'password', username: 'operator', password: OPERATOR_PASSWORD })
      .expect(200);
    await t.http().get('/api/platform/oauth-clients').set('Authorization', `Bearer ${token.body.access_token}`).expect(403);
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const before = await countClients();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ redirectUris: [], grants: ['password'] }, 'name'],
      [{ name: 'x'.repeat(256), redirectUris: [], grants: ['password'] }, 'name'],
      [{ name: 'Bad', redirectUris: ['/relative'], grants: ['authorization_code'] }, 'redirectUris'],
      [{ name: 'Bad', redirectUris: ['not a url'], grants: ['authorization_code'] }, 'redirectUris'],
      [{ name: 'Bad', redirectUris: ['https://x.example.com/cb'], grants: ['implicit'] }, 'grants'],
      [{ name: 'Bad', redirectUris: [], grants: ['authorization_code'] }, 'redirectUris'],
      [{ name: 'Bad', redirectUris: [], grants: ['client_credentials'], confidential: false }, 'grants'],
      [{ name: 'Bad', redirectUris: [], grants: ['password'], serviceUserId: 999999 }, 'serviceUserId'],
      [{ name: 'Bad', redirectUris: [], grants: ['password'], clientId: 'has space' }, 'clientId'],
      [{ name: 'Bad', redirectUris: [], grants: ['password'], unknownField: 1 }, 'unknownField'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().post('/api/platform/oauth-clients').set('Authorization', t.adminBasic).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body).toMatchObject({ messageKey: 'GENERAL.ERROR.BAD-REQUEST', field });
      expect(res.body.message).toEqual(expect.any(String));
    }
    const [bootstrap] = (await t.http().get('/api/platform/oauth-clients').set('Authorization', t.adminBasic)).body.data;
    const put = await t.http().put(`/api/platform/oauth-clients/${bootstrap.id}`).set('Authorization', t.adminBasic).send({ redirectUris: ['ftp:/x#frag'] });
    expect(put.status).toBe(400);
    expect(put.body.field).toBe('redirectUris');
    await t.http().get('/api/platform/oauth-clients/abc').set('Authorization', t.adminBasic).expect(404);
    expect(await countClients()).toBe(before);
    const after = (await t.http().get(`/api/platform/oauth-clients/${bootstrap.id}`).set('Authorization', t.adminBasic)).body;
    expect(after.redirectUris).toEqual(bootstrap.redirectUris);
  });

  it('a client_credentials token acts as the client service user when the client names one', async () => {
    const created = await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', t.adminBasic)
      .send({ name: 'Robot', redirectUris: [], grants: ['client_credentials'], serviceUserId: Number(operatorId) })
      .expect(201);
    const token = await t
      .http()
      .post('/oauth/token')
      .set('Authorization', clientBasic(created.body.clientId, created.body.clientSecret))
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);
    const me = await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.body.access_token}`).expect(200);
    expect(me.body).toMatchObject({ id: Number(operatorId), username: 'operator', clientId: created.body.clientId });
    expect(me.body.permissions).not.toContain('tenant-admin');

    // Removing the service user takes effect on the tokens already issued.
    await t.http().put(`/api/platform/oauth-clients/${created.body.id}`).set('Authorization', t.adminBasic).send({ serviceUserId: null }).expect(200);
    await t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token.body.access_token}`).expect(403);
  });

  interface Created {
    id: number;
    clientId: string;
    clientSecret: string;
  }

  async function createClient(body: Record<string, unknown> = {}): Promise<Created> {
    const res = await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', t.adminBasic)
      .send({ name: 'Short-lived', redirectUris: [], grants: ['password', 'refresh_token', 'client_credentials'], serviceUserId: Number(operatorId), ...body })
      .expect(201);
    return res.body as Created;
  }

  async function tokenFor(client: Created, grant: Record<string, string>, secret = client.clientSecret) {
    return (await t.http().post('/oauth/token').set('Authorization', clientBasic(client.clientId, secret)).type('form').send(grant).expect(200)).body as {
      access_token: string;
      refresh_token?: string;
    };
  }

  const adminGrant = { grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD };
  const whoami = (token: string) => t.http().get('/api/platform/whoami').set('Authorization', `Bearer ${token}`);
  const introspect = (token: string) => t.http().post('/oauth/introspect').set('Authorization', clientBasic()).type('form').send({ token }).expect(200);

  /** Token times have whole seconds: wait until the clock has left the second a token was issued in. */
  async function afterIssueSecond(token: string): Promise<void> {
    const next = (Number(decodeJwtPart(token, 1).iat) + 1) * 1000;
    while (Date.now() < next) await new Promise((resolve) => setTimeout(resolve, Math.max(1, next - Date.now())));
  }

  it('deleting a client ends its access tokens at once, and a new client under the same client_id does not revive them', async () => {
    const client = await createClient({ clientId: 'short-lived-app' });
    const user = await tokenFor(client, adminGrant);
    const service = await tokenFor(client, { grant_type: 'client_credentials' });
    await whoami(user.access_token).expect(200);
    await whoami(service.access_token).expect(200);
    expect((await introspect(user.access_token)).body.active).toBe(true);

    await t.http().delete(`/api/platform/oauth-clients/${client.id}`).set('Authorization', t.adminBasic).expect(200);

    await whoami(user.access_token).expect(401);
    await whoami(service.access_token).expect(401);
    expect((await introspect(user.access_token)).body).toEqual({ active: false });

    await afterIssueSecond(user.access_token);
    const again = await createClient({ clientId: 'short-lived-app' });
    await whoami(user.access_token).expect(401);
    await whoami((await tokenFor(again, adminGrant)).access_token).expect(200);
  });

  it('rotating a secret ends the access tokens issued before; refresh tokens go on working with the new secret', async () => {
    const client = await createClient();
    const user = await tokenFor(client, adminGrant);
    const service = await tokenFor(client, { grant_type: 'client_credentials' });
    const other = await tokenFor({ clientId: 'meridian', clientSecret: '', id: 0 }, adminGrant, OAUTH_CLIENT_SECRET);
    await whoami(user.access_token).expect(200);
    await afterIssueSecond(service.access_token);

    const rotated = await t.http().post(`/api/platform/oauth-clients/${client.id}/secret`).set('Authorization', t.adminBasic).expect(200);

    await whoami(user.access_token).expect(401);
    await whoami(service.access_token).expect(401);
    expect((await introspect(user.access_token)).body).toEqual({ active: false });
    // Other clients' tokens are untouched.
    await whoami(other.access_token).expect(200);
    // Tokens issued with the new secret work at once, and the refresh token needs that secret.
    await t.http().post('/oauth/token').set('Authorization', clientBasic(client.clientId, client.clientSecret)).type('form').send({ grant_type: 'refresh_token', refresh_token: user.refresh_token }).expect(401);
    const refreshed = await tokenFor(client, { grant_type: 'refresh_token', refresh_token: user.refresh_token! }, rotated.body.clientSecret);
    await whoami(refreshed.access_token).expect(200);
    await whoami((await tokenFor(client, { grant_type: 'client_credentials' }, rotated.body.clientSecret)).access_token).expect(200);
  });

  it('a public client uses the authorization code flow with PKCE and without a secret, and must send a challenge', async () => {
    const created = await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', t.adminBasic)
      .send({ name: 'SPA', redirectUris: ['http://localhost:5173/callback'], grants: ['authorization_code', 'refresh_token'], confidential: false })
      .expect(201);
    expect(created.body.clientSecret).toBeNull();
    const clientId = created.body.clientId as string;
    const redirectUri = 'http://localhost:5173/callback';

    const noPkce = await t.http().get('/oauth/authorize').query({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 'q' }).expect(302);
    expect(new URL(noPkce.headers.location!).searchParams.get('error')).toBe('invalid_request');

    const { verifier, challenge } = pkcePair();
    const form = await openSignInForm(t, { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 'q', code_challenge: challenge, code_challenge_method: 'S256' });
    const res = await submitSignIn(t, form, 'admin', ADMIN_PASSWORD).expect(302);
    const code = new URL(res.headers.location!).searchParams.get('code')!;
    const token = await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier })
      .expect(200);
    const refreshed = await t
      .http()
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: token.body.refresh_token, client_id: clientId })
      .expect(200);
    expect(refreshed.body.access_token).toEqual(expect.any(String));
  });
});
