import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { addQuser, snapshot } from './questetra-support.js';

const SYSTEM_ADMIN_PERMISSION_ID = '200';

describe('questetra: UGA/Quser/add and Admin/SystemAuthority/addToQuser', () => {
  let t: TestApp;
  let plain: { id: number; name: string; email: string };
  let userAdmin: { id: number; name: string; email: string };
  const plainAuth = basic('plain@example.com', 'plain-password-1');
  const userAdminAuth = basic('uadmin@example.com', 'uadmin-password-1');

  beforeAll(async () => {
    t = await startTestApp();
    plain = await addQuser(t, 'Plain User', 'plain@example.com', 'plain-password-1');
    userAdmin = await addQuser(t, 'User Admin', 'uadmin@example.com', 'uadmin-password-1');
    await sql(t, `INSERT INTO identity.user_authorities (user_id, permission_id) VALUES ($1, 202)`, [userAdmin.id]);
  });
  afterAll(async () => {
    await t.close();
  });

  const add = (auth: string | undefined, params: Record<string, string>) => {
    const req = t.http().post('/API/UGA/Quser/add').type('form');
    return (auth ? req.set('Authorization', auth) : req).send(params);
  };
  const grant = (auth: string | undefined, params: Record<string, string>) => {
    const req = t.http().post('/API/Admin/SystemAuthority/addToQuser').type('form');
    return (auth ? req.set('Authorization', auth) : req).send(params);
  };

  describe('Quser/add', () => {
    it('creates a user who reads back unchanged and can sign in with the e-mail address', async () => {
      const res = await add(t.adminBasic, { name: 'Eve Example', email: 'Eve@Example.com', password: 'eve-password-1' }).expect(200);
      expect(res.body).toEqual({ quser: { id: expect.any(Number), name: 'Eve Example', email: 'Eve@Example.com' } });
      const id = res.body.quser.id as number;
      expect(id).toBeGreaterThan(userAdmin.id);

      const self = await t.http().get('/API/User/Quser/self').set('Authorization', basic('eve@example.com', 'eve-password-1')).expect(200);
      expect(self.body).toEqual({ quser: { id, name: 'Eve Example', email: 'Eve@Example.com' } });
      const rows = await sql(t, `SELECT username, first_name, last_name, status, role_id::text AS role FROM identity.users WHERE id = $1`, [id]);
      expect(rows).toEqual([{ username: 'Eve@Example.com', first_name: 'Eve Example', last_name: '', status: 'active', role: '3' }]);
      // An operator holds no authority.
      expect(await sql(t, `SELECT 1 FROM identity.user_authorities WHERE user_id = $1`, [id])).toEqual([]);
    });

    it('accepts the parameters in the query string and as JSON', async () => {
      const qs = await t.http().post('/API/UGA/Quser/add').query({ name: 'Query String', email: 'qs@example.com', password: 'qs-password-1' }).set('Authorization', t.adminBasic).expect(200);
      expect(qs.body.quser).toEqual({ id: expect.any(Number), name: 'Query String', email: 'qs@example.com' });
      const json = await t.http().post('/API/UGA/Quser/add').set('Authorization', t.adminBasic).send({ name: 'Json Body', email: 'json@example.com', password: 'json-password-1' }).expect(200);
      expect(json.body.quser).toEqual({ id: json.body.quser.id, name: 'Json Body', email: 'json@example.com' });
      expect(json.body.quser.id).toBeGreaterThan(qs.body.quser.id);
    });

    it('is allowed to a holder of the user-admin authority', async () => {
      const res = await add(userAdminAuth, { name: 'By User Admin', email: 'byua@example.com', password: 'byua-password-1' }).expect(200);
      expect(res.body.quser).toMatchObject({ name: 'By User Admin', email: 'byua@example.com' });
    });

    it('answers 403 to a user without an administrator authority, and creates nothing', async () => {
      const before = await snapshot(t);
      const res = await add(plainAuth, { name: 'Sneaky', email: 'sneaky@example.com', password: 'sneaky-password-1' }).expect(403);
      expect(res.body).toEqual({ errors: [{ type: 'Forbidden', name: null, value: null, message: expect.stringContaining('permission') }] });
      expect(await snapshot(t)).toEqual(before);
    });

    it('answers 401 without credentials, and creates nothing', async () => {
      const before = await snapshot(t);
      const res = await add(undefined, { name: 'Anon', email: 'anon@example.com', password: 'anon-password-1' }).expect(401);
      expect(res.body).toEqual({ errors: [{ type: 'Unauthorized', name: null, value: null, message: 'Authentication required' }] });
      expect(await snapshot(t)).toEqual(before);
    });

    const long = 'x'.repeat(256);
    const longEmail = `${'m'.repeat(60)}@${'d'.repeat(40)}.example.com`;
    it.each([
      ['without email', { name: 'No Mail', password: 'password-123' }, [{ type: 'Validation', name: 'email', value: null, message: 'email is required' }]],
      ['with an invalid email', { name: 'Bad Mail', email: 'not-an-email', password: 'password-123' }, [{ type: 'Validation', name: 'email', value: 'not-an-email', message: 'email must be an email' }]],
      ['with an email over 100 characters', { name: 'Long Mail', email: longEmail, password: 'password-123' }, [{ type: 'Validation', name: 'email', value: longEmail, message: 'email must be shorter than or equal to 100 characters' }]],
      ['without name', { email: 'noname@example.com', password: 'password-123' }, [{ type: 'Validation', name: 'name', value: null, message: 'name is required' }]],
      ['with a blank email', { name: 'Blank Mail', email: '', password: 'password-123' }, [{ type: 'Validation', name: 'email', value: '', message: 'email is required' }]],
      ['without password', { name: 'No Pass', email: 'nopass@example.com' }, [{ type: 'Validation', name: 'password', value: null, message: 'password is required' }]],
      ['with a too short password', { name: 'Short Pass', email: 'short@example.com', password: 'short' }, [{ type: 'Validation', name: 'password', value: null, message: 'A password must be 8 to 1024 characters long' }]],
      ['with an over-long name', { name: long, email: 'longname@example.com', password: 'password-123' }, [{ type: 'Validation', name: 'name', value: long, message: 'name must be shorter than or equal to 255 characters' }]],
      ['with a blank name', { name: '   ', email: 'blank@example.com', password: 'password-123' }, [{ type: 'Validation', name: 'name', value: '   ', message: 'name must not be blank' }]],
      ['with a taken email (any case)', { name: 'Copy', email: 'PLAIN@example.com', password: 'password-123' }, [{ type: 'QuserAlreadyExists', name: 'email', value: 'PLAIN@example.com', message: "E-mail 'PLAIN@example.com' is already used by another user" }]],
      ['with several problems, one entry each', { email: 'x', password: 'short' }, [
        { type: 'Validation', name: 'name', value: null, message: 'name is required' },
        { type: 'Validation', name: 'email', value: 'x', message: 'email must be an email' },
      ]],
      ['with an unknown parameter', { name: 'Extra', email: 'extra@example.com', password: 'password-123', role: 'admin' }, [{ type: 'Validation', name: 'role', value: 'admin', message: 'property role should not exist' }]],
    ])('answers 400 %s, and creates nothing', async (_label, params, entries) => {
      const before = await snapshot(t);
      const res = await add(t.adminBasic, params as Record<string, string>).expect(400);
      expect(res.body).toEqual({ errors: entries.map((e) => ({ ...e })) });
      expect(await snapshot(t)).toEqual(before);
    });

    it('names the e-mail when it is taken as another user\'s login name', async () => {
      await sql(t, `INSERT INTO identity.users (tenant_id, username, email, role_id) VALUES (1, 'taken@example.com', 'other@example.com', 3)`);
      const before = await snapshot(t);
      const res = await add(t.adminBasic, { name: 'Taken', email: 'taken@example.com', password: 'password-123' }).expect(400);
      expect(res.body).toEqual({
        errors: [{ type: 'QuserAlreadyExists', name: 'email', value: 'taken@example.com', message: "E-mail 'taken@example.com' is already used by another user" }],
      });
      expect(await snapshot(t)).toEqual(before);
    });
  });

  describe('SystemAuthority/addToQuser', () => {
    const systemAdminRows = async (userId: number) =>
      sql(t, `SELECT granted_at FROM identity.user_authorities WHERE user_id = $1 AND permission_id = $2`, [userId, SYSTEM_ADMIN_PERMISSION_ID]);

    it('answers 403 to a plain user and to a user administrator, and grants nothing', async () => {
      const before = await snapshot(t);
      for (const auth of [plainAuth, userAdminAuth]) {
        const res = await grant(auth, { quserId: String(plain.id) }).expect(403);
        expect(res.body).toEqual({ errors: [{ type: 'Forbidden', name: null, value: null, message: expect.stringContaining('system-admin') }] });
      }
      expect(await snapshot(t)).toEqual(before);
    });

    it('answers 401 without credentials', async () => {
      const res = await grant(undefined, { quserId: String(plain.id) }).expect(401);
      expect(res.body.errors[0]).toMatchObject({ type: 'Unauthorized' });
      expect(await systemAdminRows(plain.id)).toEqual([]);
    });

    it.each([
      ['missing quserId', {}, { type: 'Validation', name: 'quserId', value: null, message: 'quserId should not be empty' }],
      ['blank quserId', { quserId: '' }, { type: 'Validation', name: 'quserId', value: '', message: 'quserId should not be empty' }],
      ['malformed quserId', { quserId: 'abc' }, { type: 'InvalidId', name: 'quserId', value: 'abc', message: 'quserId must be a positive integer id' }],
      ['unknown quserId', { quserId: '999999' }, { type: 'QuserDoesNotExist', name: 'quserId', value: '999999', message: 'User with id 999999 does not exist' }],
    ])('answers 400 for a %s, and grants nothing', async (_label, params, entry) => {
      const before = await snapshot(t);
      const res = await grant(t.adminBasic, params).expect(400);
      expect(res.body).toEqual({ errors: [entry] });
      expect(await snapshot(t)).toEqual(before);
    });

    it('grants the system authority once, idempotently, and it takes effect at once', async () => {
      const target = await addQuser(t, 'Future Admin', 'future@example.com', 'future-password-1');
      const futureAuth = basic('future@example.com', 'future-password-1');
      await grant(futureAuth, { quserId: String(plain.id) }).expect(403);

      const first = await grant(t.adminBasic, { quserId: String(target.id) }).expect(200);
      expect(first.body).toEqual({ quser: target });
      const rows = await systemAdminRows(target.id);
      expect(rows).toHaveLength(1);

      const again = await t.http().post(`/API/Admin/SystemAuthority/addToQuser?quserId=${target.id}`).set('Authorization', t.adminBasic).expect(200);
      expect(again.body).toEqual({ quser: target });
      expect(await systemAdminRows(target.id)).toEqual(rows);

      // The new system administrator may now add users and grant the authority in turn.
      await add(futureAuth, { name: 'Added By Future', email: 'abf@example.com', password: 'abf-password-1' }).expect(200);
      await grant(futureAuth, { quserId: String(plain.id) }).expect(200);
      expect(await systemAdminRows(plain.id)).toHaveLength(1);
    });
  });
});
