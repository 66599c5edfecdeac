import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import {
  ADMIN_UID, auth, createUser, DATETIME, expectPm3Error, PASSWORD, type Pm3UserBody, USER_FIELDS, WS,
} from './pm3-support.js';

describe('pm3 users: /api/1.0/{workspace}/users and /user', () => {
  let t: TestApp;
  let operator: Pm3UserBody;
  let manager: Pm3UserBody;

  const listAll = async (): Promise<Pm3UserBody[]> =>
    (await t.http().get(`${WS}/users`).set('Authorization', t.adminBasic).expect(200)).body as Pm3UserBody[];
  const getUser = async (uid: string): Promise<Pm3UserBody> =>
    (await t.http().get(`${WS}/user/${uid}`).set('Authorization', t.adminBasic).expect(200)).body as Pm3UserBody;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await createUser(t, 'oscar');
    manager = await createUser(t, 'mona', { usr_role: 'PROCESSMAKER_MANAGER' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /users', () => {
    it('answers a bare array in creation order, the admin first, with every documented field', async () => {
      const users = await listAll();
      expect(users.map((u) => u.usr_username)).toEqual(['admin', 'oscar', 'mona']);
      for (const u of users) expect(Object.keys(u).sort()).toEqual(USER_FIELDS);
      expect(users[0]).toEqual({
        usr_uid: ADMIN_UID,
        usr_username: 'admin',
        usr_password: '',
        usr_firstname: 'Administrator',
        usr_lastname: '',
        usr_email: 'admin@example.com',
        usr_due_date: '',
        usr_create_date: expect.stringMatching(DATETIME),
        usr_update_date: expect.stringMatching(DATETIME),
        usr_status: 'ACTIVE',
        usr_country: '',
        usr_city: '',
        usr_location: '',
        usr_address: '',
        usr_phone: '',
        usr_fax: '',
        usr_cellular: '',
        usr_zip_code: '',
        dep_uid: '',
        usr_position: '',
        usr_resume: '',
        usr_birthday: '',
        usr_role: 'PROCESSMAKER_ADMIN',
        usr_reports_to: '',
        usr_replaced_by: '',
        usr_ux: 'NORMAL',
      });
    });

    it('filters case-insensitively on first name, last name and username (not e-mail), and pages with start and limit', async () => {
      await createUser(t, 'jsmith', { usr_firstname: 'John', usr_lastname: 'Smith', usr_email: 'zzz1@example.com' });
      await createUser(t, 'kmitter', { usr_firstname: 'Karl', usr_lastname: 'Mitter', usr_email: 'zzz2@example.com' });
      await createUser(t, 'solmit', { usr_firstname: 'Sol', usr_lastname: 'Other', usr_email: 'zzz3@example.com' });
      await createUser(t, 'nomatch', { usr_firstname: 'Mary', usr_lastname: 'Brown', usr_email: 'mit@example.com' });
      const byFilter = await t.http().get(`${WS}/users?filter=MIT`).set('Authorization', t.adminBasic).expect(200);
      expect(byFilter.body.map((u: Pm3UserBody) => u.usr_username)).toEqual(['jsmith', 'kmitter', 'solmit']);

      const all = (await listAll()).map((u) => u.usr_username);
      expect(all).toHaveLength(7);
      const page = await t.http().get(`${WS}/users?start=3&limit=2`).set('Authorization', t.adminBasic).expect(200);
      expect(page.body.map((u: Pm3UserBody) => u.usr_username)).toEqual(all.slice(3, 5));
      const tail = await t.http().get(`${WS}/users?start=5&limit=10`).set('Authorization', t.adminBasic).expect(200);
      expect(tail.body.map((u: Pm3UserBody) => u.usr_username)).toEqual(all.slice(5));
      const none = await t.http().get(`${WS}/users?filter=nobody-like-this`).set('Authorization', t.adminBasic).expect(200);
      expect(none.body).toEqual([]);
    });

    it('includes INACTIVE and VACATION users', async () => {
      const inactive = await createUser(t, 'ina', { usr_status: 'INACTIVE' });
      const away = await createUser(t, 'vac', { usr_status: 'VACATION' });
      const users = await listAll();
      expect(users.find((u) => u.usr_uid === inactive.usr_uid)?.usr_status).toBe('INACTIVE');
      expect(users.find((u) => u.usr_uid === away.usr_uid)?.usr_status).toBe('VACATION');
    });

    it('rejects bad paging parameters with a pm3 400 naming the parameter', async () => {
      expectPm3Error(await t.http().get(`${WS}/users?limit=abc`).set('Authorization', t.adminBasic), 400, /^Bad Request: .*limit/);
      expectPm3Error(await t.http().get(`${WS}/users?start=-1`).set('Authorization', t.adminBasic), 400, /^Bad Request: .*start/);
      expectPm3Error(await t.http().get(`${WS}/users?sort=x`).set('Authorization', t.adminBasic), 400, /^Bad Request: .*sort/);
    });
  });

  describe('POST /user', () => {
    it('creates a user and answers 200 (not 201) with the full user object', async () => {
      const res = await t
        .http()
        .post(`${WS}/user`)
        .set('Authorization', t.adminBasic)
        .send({
          usr_username: 'janedoe',
          usr_firstname: 'Jane',
          usr_lastname: 'Doe',
          usr_email: 'janedoe@example.com',
          usr_due_date: '2030-12-31',
          usr_status: 'ACTIVE',
          usr_role: 'PROCESSMAKER_MANAGER',
          usr_new_pass: 'p4s5w0rD!',
          usr_cnf_pass: 'p4s5w0rD!',
          usr_address: '740 Turtle Dove lane\nC/O Brad',
          usr_zip_code: '46135',
          usr_country: 'US',
          usr_city: 'IN',
          usr_location: 'GXQ',
          usr_phone: '1-765-653-4478',
          usr_position: 'Head Accountant',
          usr_replaced_by: operator.usr_uid,
        });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        usr_uid: expect.stringMatching(/^\d{32}$/),
        usr_username: 'janedoe',
        usr_password: '',
        usr_firstname: 'Jane',
        usr_lastname: 'Doe',
        usr_email: 'janedoe@example.com',
        usr_due_date: '2030-12-31',
        usr_create_date: expect.stringMatching(DATETIME),
        usr_update_date: expect.stringMatching(DATETIME),
        usr_status: 'ACTIVE',
        usr_country: 'US',
        usr_city: 'IN',
        usr_location: 'GXQ',
        usr_address: '740 Turtle Dove lane\nC/O Brad',
        usr_phone: '1-765-653-4478',
        usr_fax: '',
        usr_cellular: '',
        usr_zip_code: '46135',
        dep_uid: '',
        usr_position: 'Head Accountant',
        usr_resume: '',
        usr_birthday: '',
        usr_role: 'PROCESSMAKER_MANAGER',
        usr_reports_to: '',
        usr_replaced_by: operator.usr_uid,
        usr_ux: 'NORMAL',
      });
      expect(await getUser(res.body.usr_uid)).toEqual(res.body);
      // The new user signs in with the password that was set.
      await t.http().get(`${WS}/user/${res.body.usr_uid}`).set('Authorization', auth('janedoe', 'p4s5w0rD!')).expect(200);
    });

    it('accepts form-encoded fields, as ProcessMaker clients send them', async () => {
      const res = await t
        .http()
        .post(`${WS}/user`)
        .set('Authorization', t.adminBasic)
        .type('form')
        .send(
          `usr_username=formuser&usr_firstname=Form&usr_lastname=User&usr_email=form%40example.com&usr_due_date=2031-01-01` +
            `&usr_status=VACATION&usr_role=PROCESSMAKER_OPERATOR&usr_new_pass=${PASSWORD}&usr_cnf_pass=${PASSWORD}`,
        );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ usr_username: 'formuser', usr_status: 'VACATION', usr_role: 'PROCESSMAKER_OPERATOR', usr_due_date: '2031-01-01' });
    });

    const valid = {
      usr_username: 'newbie',
      usr_firstname: 'New',
      usr_lastname: 'Bie',
      usr_email: 'newbie@example.com',
      usr_due_date: '2030-12-31',
      usr_status: 'ACTIVE',
      usr_role: 'PROCESSMAKER_OPERATOR',
      usr_new_pass: PASSWORD,
      usr_cnf_pass: PASSWORD,
    };
    const cases: [string, () => Promise<{ status: number; body: unknown }>, RegExp][] = [
      ['malformed JSON', () => t.http().post(`${WS}/user`).set('Authorization', t.adminBasic).set('Content-Type', 'application/json').send('{"usr_username": "x",'), /^Bad Request: .*JSON/],
      ['a wrong type', () => post({ ...valid, usr_firstname: 5 }), /^Bad Request: .*usr_firstname must be a string/],
      ['a missing required field', () => post({ ...valid, usr_lastname: undefined }), /^Bad Request: .*usr_lastname/],
      ['a missing password confirmation', () => post({ ...valid, usr_cnf_pass: undefined }), /^Bad Request: .*usr_cnf_pass/],
      ['an over-long first name', () => post({ ...valid, usr_firstname: 'x'.repeat(256) }), /^Bad Request: usr_firstname must be shorter than or equal to 255 characters/],
      ['an over-long username', () => post({ ...valid, usr_username: 'x'.repeat(101) }), /^Bad Request: usr_username must be shorter/],
      ['a duplicate username (any case)', () => post({ ...valid, usr_username: 'OSCAR' }), /^Bad Request: usr_username\. Username 'OSCAR' already exists$/],
      ['a duplicate e-mail', () => post({ ...valid, usr_email: 'oscar@example.com' }), /^Bad Request: usr_email\. /],
      ['a password confirmation mismatch', () => post({ ...valid, usr_cnf_pass: 'different-pass' }), /^Bad Request: usr_cnf_pass must be the same as usr_new_pass$/],
      ['a password that breaks the policy', () => post({ ...valid, usr_new_pass: 'short', usr_cnf_pass: 'short' }), /^Bad Request: usr_new_pass\. A password must be 8/],
      ['an unknown role', () => post({ ...valid, usr_role: 'NO_SUCH_ROLE' }), /^Bad Request: usr_role\. Role 'NO_SUCH_ROLE' does not exist$/],
      ['an invalid status', () => post({ ...valid, usr_status: 'active' }), /^Bad Request: usr_status must be one of the following values: ACTIVE, INACTIVE, VACATION$/],
      ['an impossible due date', () => post({ ...valid, usr_due_date: '2021-02-30' }), /^Bad Request: usr_due_date must be a date in YYYY-MM-DD format$/],
      ['a due date in another format', () => post({ ...valid, usr_due_date: '31/12/2030' }), /^Bad Request: usr_due_date must be a date in YYYY-MM-DD format$/],
      ['an invalid e-mail', () => post({ ...valid, usr_email: 'not-an-email' }), /^Bad Request: usr_email must be an email$/],
      ['a malformed usr_replaced_by', () => post({ ...valid, usr_replaced_by: 'abc' }), /^Bad Request: usr_replaced_by is not a valid id/],
      ['an unknown usr_replaced_by', () => post({ ...valid, usr_replaced_by: '00000000000000000000000000099999' }), /^Bad Request: usr_replaced_by\. The user with usr_uid: 00000000000000000000000000099999 does not exist\.$/],
      ['an undocumented field', () => post({ ...valid, usr_salary: '1' }), /^Bad Request: property usr_salary should not exist$/],
      ['a null', () => post({ ...valid, usr_phone: null }), /^Bad Request: usr_phone must be/],
    ];
    async function post(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
      return t.http().post(`${WS}/user`).set('Authorization', t.adminBasic).send(body);
    }
    it.each(cases)('rejects %s with a pm3 400 and creates nothing', async (_name, send, message) => {
      const before = await listAll();
      expectPm3Error(await send(), 400, message);
      expect(await listAll()).toEqual(before);
      expect(await sql(t, `SELECT 1 FROM identity.users WHERE lower(username) = 'newbie'`)).toEqual([]);
    });
  });

  describe('GET /user/{usr_uid}', () => {
    it('answers the user, and ids may come with or without the zero padding', async () => {
      const user = await getUser(operator.usr_uid);
      expect(user).toMatchObject({ usr_uid: operator.usr_uid, usr_username: 'oscar', usr_role: 'PROCESSMAKER_OPERATOR' });
      const short = operator.usr_uid.replace(/^0+/, '');
      expect(await getUser(short)).toEqual(user);
    });

    it('answers pm3 400s for malformed and unknown uids', async () => {
      const get = (uid: string) => t.http().get(`${WS}/user/${uid}`).set('Authorization', t.adminBasic);
      expectPm3Error(await get('abc'), 400, 'Bad Request: usr_uid is not a valid id: "abc"');
      expectPm3Error(await get('1'.repeat(33)), 400, /^Bad Request: usr_uid is not a valid id/);
      expectPm3Error(await get('0'.repeat(32)), 400, /^Bad Request: usr_uid must be a positive integer id/);
      expectPm3Error(await get('00000000000000000000000000099999'), 400, 'Bad Request: The user with usr_uid: 00000000000000000000000000099999 does not exist.');
    });

    it('answers an unknown workspace with a pm3 400', async () => {
      expectPm3Error(
        await t.http().get(`/api/1.0/nowhere/user/${ADMIN_UID}`).set('Authorization', t.adminBasic),
        400,
        "Bad Request: The workspace 'nowhere' does not exist",
      );
    });
  });

  describe('PUT /user/{usr_uid}', () => {
    it('changes only the fields sent and answers the full updated user', async () => {
      const target = await createUser(t, 'molly', { usr_country: 'US', usr_phone: '1-765' });
      await sql(t, `UPDATE identity.users SET updated_at = now() - interval '1 hour' WHERE id = $1`, [Number(target.usr_uid)]);
      const before = await getUser(target.usr_uid);
      const res = await t
        .http()
        .put(`${WS}/user/${target.usr_uid}`)
        .set('Authorization', t.adminBasic)
        .type('form')
        .send(`usr_status=VACATION&usr_replaced_by=${operator.usr_uid}&usr_address=Dept%2066%0A740%20Turtle&usr_birthday=1982-01-29&usr_fax=1-765-658`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...before,
        usr_status: 'VACATION',
        usr_replaced_by: operator.usr_uid,
        usr_address: 'Dept 66\n740 Turtle',
        usr_birthday: '1982-01-29',
        usr_fax: '1-765-658',
        usr_update_date: expect.stringMatching(DATETIME),
      });
      expect(res.body.usr_update_date).not.toBe(before.usr_update_date);
      expect(await getUser(target.usr_uid)).toEqual(res.body);

      const cleared = await t.http().put(`${WS}/user/${target.usr_uid}`).set('Authorization', t.adminBasic).send({ usr_due_date: '', usr_replaced_by: '' }).expect(200);
      expect(cleared.body).toMatchObject({ usr_due_date: '', usr_replaced_by: '', usr_country: 'US' });
    });

    it('refuses to change the role of the admin user', async () => {
      const before = await getUser(ADMIN_UID);
      expectPm3Error(
        await t.http().put(`${WS}/user/${ADMIN_UID}`).set('Authorization', t.adminBasic).send({ usr_role: 'PROCESSMAKER_OPERATOR', usr_firstname: 'Changed' }),
        400,
        'Bad Request: The role of the administrator can not be changed!',
      );
      expect(await getUser(ADMIN_UID)).toEqual(before);
    });

    const puts: [string, Record<string, unknown>, RegExp][] = [
      ['a wrong type', { usr_firstname: 5 }, /^Bad Request: .*usr_firstname must be a string/],
      ['an empty first name', { usr_firstname: '' }, /^Bad Request: usr_firstname should not be empty/],
      ['an over-long last name', { usr_lastname: 'y'.repeat(256) }, /^Bad Request: usr_lastname must be shorter/],
      ['a duplicate username', { usr_username: 'mona' }, /^Bad Request: usr_username\. Username 'mona' already exists$/],
      ['a password without confirmation', { usr_new_pass: 'another-pass-1' }, /^Bad Request: usr_cnf_pass must be the same as usr_new_pass$/],
      ['a confirmation mismatch', { usr_new_pass: 'another-pass-1', usr_cnf_pass: 'another-pass-2' }, /^Bad Request: usr_cnf_pass must be the same as usr_new_pass$/],
      ['an unknown role', { usr_role: 'GHOST' }, /^Bad Request: usr_role\. Role 'GHOST' does not exist$/],
      ['an invalid status', { usr_status: 'DELETED' }, /^Bad Request: usr_status must be one of/],
      ['an invalid due date', { usr_due_date: '2030-13-01' }, /^Bad Request: usr_due_date must be a date in YYYY-MM-DD format$/],
      ['an invalid country', { usr_country: 'USA' }, /^Bad Request: usr_country must be a two-letter ISO country code$/],
      ['a null', { usr_firstname: null }, /^Bad Request: .*usr_firstname must be a string/],
      ['the user as their own replacement', { usr_replaced_by: '__self__' }, /^Bad Request: usr_replaced_by\. A user cannot be their own replacement$/],
    ];
    it.each(puts)('rejects %s with a pm3 400 and changes nothing', async (_name, body, message) => {
      const before = await getUser(operator.usr_uid);
      const sent = body.usr_replaced_by === '__self__' ? { usr_replaced_by: operator.usr_uid } : body;
      expectPm3Error(await t.http().put(`${WS}/user/${operator.usr_uid}`).set('Authorization', t.adminBasic).send(sent), 400, message);
      expect(await getUser(operator.usr_uid)).toEqual(before);
      await t.http().get(`${WS}/user/${operator.usr_uid}`).set('Authorization', auth('oscar')).expect(200);
    });

    it('rejects malformed JSON, a malformed uid and an unknown uid', async () => {
      const before = await getUser(operator.usr_uid);
      expectPm3Error(
        await t.http().put(`${WS}/user/${operator.usr_uid}`).set('Authorization', t.adminBasic).set('Content-Type', 'application/json').send('{bad'),
        400,
        /^Bad Request: .*JSON/,
      );
      expectPm3Error(await t.http().put(`${WS}/user/xyz`).set('Authorization', t.adminBasic).send({ usr_firstname: 'A' }), 400, /^Bad Request: usr_uid is not a valid id/);
      expectPm3Error(
        await t.http().put(`${WS}/user/00000000000000000000000000077777`).set('Authorization', t.adminBasic).send({ usr_firstname: 'A' }),
        400,
        'Bad Request: The user with usr_uid: 00000000000000000000000000077777 does not exist.',
      );
      expect(await getUser(operator.usr_uid)).toEqual(before);
    });
  });

  describe('credentials follow status and password changes at once', () => {
    it('an INACTIVE user is refused (401) on the next request, although their Basic credentials were cached', async () => {
      const u = await createUser(t, 'cached');
      const own = () => t.http().get(`${WS}/user/${u.usr_uid}`).set('Authorization', auth('cached'));
      await own().expect(200);
      await own().expect(200);
      await t.http().put(`${WS}/user/${u.usr_uid}`).set('Authorization', t.adminBasic).send({ usr_status: 'INACTIVE' }).expect(200);
      expectPm3Error(await own(), 401, /^Unauthorized: /);
      await t.http().put(`${WS}/user/${u.usr_uid}`).set('Authorization', t.adminBasic).send({ usr_status: 'VACATION' }).expect(200);
      await own().expect(200);
    });

    it('after a password change the old password fails and the new one works', async () => {
      const u = await createUser(t, 'rotator');
      const own = (password: string) => t.http().get(`${WS}/user/${u.usr_uid}`).set('Authorization', auth('rotator', password));
      await own(PASSWORD).expect(200);
      await t
        .http()
        .put(`${WS}/user/${u.usr_uid}`)
        .set('Authorization', t.adminBasic)
        .type('form')
        .send('usr_new_pass=Brand-new-pass-9&usr_cnf_pass=Brand-new-pass-9')
        .expect(200);
      expectPm3Error(await own(PASSWORD), 401, /^Unauthorized: /);
      await own('Brand-new-pass-9').expect(200);
    });
  });

  describe('DELETE /user/{usr_uid}', () => {
    it('soft-deletes: 200 with no body, then GET is a 400 "does not exist" and the list omits the user', async () => {
      const u = await createUser(t, 'goner');
      const res = await t.http().delete(`${WS}/user/${u.usr_uid}`).set('Authorization', t.adminBasic).expect(200);
      expect(res.text).toBe('');
      expectPm3Error(
        await t.http().get(`${WS}/user/${u.usr_uid}`).set('Authorization', t.adminBasic),
        400,
        `Bad Request: The user with usr_uid: ${u.usr_uid} does not exist.`,
      );
      expect((await listAll()).map((x) => x.usr_uid)).not.toContain(u.usr_uid);
      expect(await sql(t, `SELECT status FROM identity.users WHERE id = $1`, [Number(u.usr_uid)])).toEqual([{ status: 'deleted' }]);
      expectPm3Error(await t.http().get(`${WS}/users`).set('Authorization', auth('goner')), 401, /^Unauthorized: /);
      expectPm3Error(
        await t.http().delete(`${WS}/user/${u.usr_uid}`).set('Authorization', t.adminBasic),
        400,
        `Bad Request: The row '${u.usr_uid}' in table USER doesn't exist!`,
      );
    });

    it('refuses to delete the admin user', async () => {
      expectPm3Error(await t.http().delete(`${WS}/user/${ADMIN_UID}`).set('Authorization', t.adminBasic), 400, /^Bad Request: The administrator cannot be deleted/);
      await getUser(ADMIN_UID);
    });
  });

  describe('access', () => {
    it('no credentials: 401 in the pm3 shape', async () => {
      expectPm3Error(await t.http().get(`${WS}/users`), 401, /^Unauthorized: /);
      expectPm3Error(await t.http().get(`${WS}/user/${ADMIN_UID}`), 401, /^Unauthorized: /);
    });

    it('an operator reads their own record but gets 403 for lists and other users, and changes nothing', async () => {
      const asOperator = auth('oscar');
      const own = await t.http().get(`${WS}/user/${operator.usr_uid}`).set('Authorization', asOperator).expect(200);
      expect(own.body.usr_username).toBe('oscar');
      expectPm3Error(await t.http().get(`${WS}/users`).set('Authorization', asOperator), 403, /^Forbidden: /);
      expectPm3Error(await t.http().get(`${WS}/user/${ADMIN_UID}`).set('Authorization', asOperator), 403, /^Forbidden: /);
      const before = await listAll();
      expectPm3Error(
        await t.http().post(`${WS}/user`).set('Authorization', asOperator).send({
          usr_username: 'sneaky', usr_firstname: 'S', usr_lastname: 'N', usr_email: 'sneaky@example.com', usr_due_date: '2030-01-01',
          usr_status: 'ACTIVE', usr_role: 'PROCESSMAKER_ADMIN', usr_new_pass: PASSWORD, usr_cnf_pass: PASSWORD,
        }),
        403,
        /^Forbidden: /,
      );
      expectPm3Error(await t.http().put(`${WS}/user/${operator.usr_uid}`).set('Authorization', asOperator).send({ usr_role: 'PROCESSMAKER_ADMIN' }), 403, /^Forbidden: /);
      expectPm3Error(await t.http().delete(`${WS}/user/${manager.usr_uid}`).set('Authorization', asOperator), 403, /^Forbidden: /);
      expect(await listAll()).toEqual(before);
    });

    it('a manager (PM_USERS) lists users of their own workspace but gets 403 in another one; the tenant manager may enter it', async () => {
      await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'acme', 'Acme')`);
      const mine = await t.http().get(`${WS}/users`).set('Authorization', auth('mona')).expect(200);
      expect(mine.body.length).toBeGreaterThan(2);
      expectPm3Error(await t.http().get('/api/1.0/acme/users').set('Authorization', auth('mona')), 403, /^Forbidden: /);
      const asTenantManager = await t.http().get('/api/1.0/ACME/users').set('Authorization', t.adminBasic).expect(200);
      expect(asTenantManager.body).toEqual([]);
    });
  });
});
