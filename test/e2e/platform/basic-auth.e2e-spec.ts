import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, basic, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, passwordHash, sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';

/** The Basic credential cache, login throttling and 401 shapes, seen through a real endpoint. */
const SELF = '/API/User/Quser/self';

async function verifications(t: TestApp): Promise<number> {
  const res = await t.http().get('/metrics').expect(200);
  const line = res.text.split('\n').find((l) => l.startsWith('meridian_password_verifications_total '));
  return Number(line?.split(' ')[1] ?? NaN);
}

async function createUser(t: TestApp, username: string, password: string): Promise<string> {
  return insertUser(t, { username, password, firstName: 'Test' });
}

describe('HTTP Basic authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts the username or the e-mail address, case-insensitively', async () => {
    await t.http().get(SELF).set('Authorization', t.adminBasic).expect(200);
    await t.http().get(SELF).set('Authorization', basic('admin@example.com', ADMIN_PASSWORD)).expect(200);
    await t.http().get(SELF).set('Authorization', basic('ADMIN', ADMIN_PASSWORD)).expect(200);
  });

  it('verifies a repeated credential once, not on every request', async () => {
    await createUser(t, 'cached', 'cached-password-1');
    const auth = basic('cached', 'cached-password-1');
    const before = await verifications(t);
    for (let i = 0; i < 5; i++) await t.http().get(SELF).set('Authorization', auth).expect(200);
    expect((await verifications(t)) - before).toBe(1);
  });

  it('drops a cached credential when the status or the password is changed in SQL by hand (NOTIFY reaches the node)', async () => {
    const id = await createUser(t, 'changing', 'changing-password-1');
    const auth = basic('changing', 'changing-password-1');
    const status = async (a: string): Promise<number> => (await t.http().get(SELF).set('Authorization', a)).status;
    expect(await status(auth)).toBe(200);

    // A writer outside this node: the database triggers' NOTIFY drops the node's cache within moments.
    await sql(t, `UPDATE identity.users SET status = 'inactive', credential_version = credential_version + 1 WHERE id = $1`, [id]);
    await waitFor('the inactive user to be refused', async () => (await status(auth)) === 401, 2000);

    await sql(t, `UPDATE identity.users SET status = 'active', credential_version = credential_version + 1 WHERE id = $1`, [id]);
    await waitFor('the active user to be let in again', async () => (await status(auth)) === 200, 2000);
    const newHash = await passwordHash('changed-password-2');
    await sql(t, `UPDATE identity.users SET password_hash = $2, credential_version = credential_version + 1 WHERE id = $1`, [id, newHash]);
    await waitFor('the old password to be refused', async () => (await status(auth)) === 401, 2000);
    expect(await status(basic('changing', 'changed-password-2'))).toBe(200);
  });

  it('drops a cached principal at once when a grant changes through the API on this node', async () => {
    const id = await createUser(t, 'granted', 'granted-password-1');
    const auth = basic('granted', 'granted-password-1');
    // An operator may not list users (pm3 needs PM_USERS) …
    await t.http().get('/api/1.0/workflow/users').set('Authorization', auth).expect(403);
    // … until the admin moves them to the manager role, which holds PM_USERS: the very next request sees it.
    await t
      .http()
      .post('/api/1.0/workflow/role/00000000000000000000000000000004/user')
      .set('Authorization', t.adminBasic)
      .send({ usr_uid: id.padStart(32, '0') })
      .expect(201);
    await t.http().get('/api/1.0/workflow/users').set('Authorization', auth).expect(200);
    await t
      .http()
      .put(`/api/1.0/workflow/user/${id.padStart(32, '0')}`)
      .set('Authorization', t.adminBasic)
      .send({ usr_status: 'INACTIVE' })
      .expect(200);
    await t.http().get('/api/1.0/workflow/users').set('Authorization', auth).expect(401);
  });

  it('answers 401 in each dialect shape without credentials or with a bad one', async () => {
    const q = await t.http().get(SELF).expect(401);
    expect(q.body).toEqual({ errors: [expect.objectContaining({ type: expect.any(String), message: expect.any(String) })] });
    expect(q.headers['www-authenticate']).toContain('Basic');
    const wrong = await t.http().get(SELF).set('Authorization', basic('admin', 'not-the-password')).expect(401);
    expect(wrong.body.errors).toHaveLength(1);
    const scheme = await t.http().get(SELF).set('Authorization', 'Digest abc').expect(401);
    expect(scheme.body.errors[0].message).toMatch(/scheme/i);
  });

  it('takes a password with colons whole (RFC 7617: only the first colon separates the user id)', async () => {
    await createUser(t, 'colons', 'pass:word:with:colons');
    await t.http().get(SELF).set('Authorization', basic('colons', 'pass:word:with:colons')).expect(200);
    await t.http().get(SELF).set('Authorization', basic('colons', 'pass')).expect(401);
  });

  it('answers 401 to malformed Basic credentials: no colon, empty parts, not base64', async () => {
    const encoded = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    for (const header of [encoded('admin'), encoded(':password'), encoded('admin:'), 'Basic', 'Basic !!!not-base64!!!']) {
      const res = await t.http().get(SELF).set('Authorization', header).expect(401);
      expect(res.body.errors).toHaveLength(1);
    }
  });

  it('throttles an account after 10 failed logins within 5 minutes: 429 with Retry-After', async () => {
    await createUser(t, 'victim', 'victim-password-1');
    for (let i = 0; i < 10; i++) {
      await t.http().get(SELF).set('Authorization', basic('victim', `wrong-${i}`)).expect(401);
    }
    const blocked = await t.http().get(SELF).set('Authorization', basic('victim', 'victim-password-1')).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(300);
    // Another account from the same address is not affected.
    await t.http().get(SELF).set('Authorization', t.adminBasic).expect(200);
  });
});

describe('AUTH_BASIC=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_BASIC: 'false' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses Basic credentials with 401', async () => {
    await t.http().get(SELF).set('Authorization', t.adminBasic).expect(401);
  });
});
