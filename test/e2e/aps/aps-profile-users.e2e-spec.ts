import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { API, APS_DATE, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

describe('aps: app-version, profile, profile-password, user pickers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('app-version', () => {
    it('needs credentials: 401 in the aps error shape without them', async () => {
      const res = await t.http().get(`${API}/app-version`).expect(401);
      expectApsError(res.body, 'GENERAL.ERROR.UNAUTHORIZED');
    });

    it('answers exactly the documented fields, all strings', async () => {
      const res = await t.http().get(`${API}/app-version`).set('Authorization', t.adminBasic).expect(200);
      expect(res.body).toEqual({
        edition: 'Meridian (Alfresco Process Services dialect)',
        majorVersion: '2',
        revisionVersion: '0',
        minorVersion: '0',
        type: 'bpmSuite',
      });
    });
  });

  describe('profile', () => {
    it('GET profile answers the documented user fields for the administrator', async () => {
      const res = await t.http().get(`${API}/profile`).set('Authorization', t.adminBasic).expect(200);
      expect(res.body).toEqual({
        id: 1,
        firstName: 'Administrator',
        lastName: '',
        email: 'admin@example.com',
        externalId: null,
        company: null,
        pictureId: null,
        fullname: 'Administrator',
        password: null,
        type: 'enterprise',
        status: 'active',
        created: expect.stringMatching(APS_DATE),
        lastUpdate: expect.stringMatching(APS_DATE),
        tenantId: 1,
        tenantName: 'workflow',
        tenantPictureId: null,
        latestSyncTimeStamp: null,
        capabilities: expect.arrayContaining(['tenant-admin', 'tenant-mgmt']),
        groups: [],
      });
      // Only Alfresco capabilities, never ProcessMaker permission codes.
      expect((res.body.capabilities as string[]).every((c) => !c.startsWith('PM_'))).toBe(true);
    });

    it('a GET with Content-Type: application/json and no body works (Alfresco clients send it)', async () => {
      const res = await t.http().get(`${API}/profile`).set('Authorization', t.adminBasic).set('Content-Type', 'application/json').expect(200);
      expect(res.body.id).toBe(1);
    });

    it('POST profile changes the fields sent, answers the user, and a re-read shows them', async () => {
      const u = await createUser(t, { company: 'Before' });
      const res = await t
        .http()
        .post(`${API}/profile`)
        .set('Authorization', u.auth)
        .send({ firstName: 'Jane', lastName: 'Doe', company: 'Alfresco' })
        .expect(200);
      expect(res.body).toMatchObject({ id: u.id, firstName: 'Jane', lastName: 'Doe', fullname: 'Jane Doe', company: 'Alfresco', email: u.email });
      const again = await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(200);
      expect(again.body).toMatchObject({ firstName: 'Jane', lastName: 'Doe', company: 'Alfresco' });
    });

    it('a new e-mail becomes the login of a user who signs in with their e-mail', async () => {
      const u = await createUser(t);
      const email = `renamed-${u.id}@example.com`;
      await t.http().post(`${API}/profile`).set('Authorization', u.auth).send({ email }).expect(200);
      const res = await t.http().get(`${API}/profile`).set('Authorization', basic(email, u.password)).expect(200);
      expect(res.body).toMatchObject({ id: u.id, email });
      await t.http().get(`${API}/profile`).set('Authorization', basic(u.email, u.password)).expect(401);
    });

    it('rejects bad input with 4xx {message, messageKey} naming the field, and changes nothing', async () => {
      const u = await createUser(t, { firstName: 'Keep', lastName: 'Me' });
      const other = await createUser(t);
      const cases: Array<{ body: string | object; status: number; field?: string; key: string }> = [
        { body: '{"firstName": ', status: 400, key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { firstName: 5 }, status: 400, field: 'firstName', key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { lastName: 'x'.repeat(256) }, status: 400, field: 'lastName', key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { email: 'not-an-email' }, status: 400, field: 'email', key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { email: null }, status: 400, field: 'email', key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { firstName: 'X', nickname: 'x' }, status: 400, field: 'nickname', key: 'GENERAL.ERROR.BAD-REQUEST' },
        { body: { firstName: 'Changed', email: other.email.toUpperCase() }, status: 409, field: 'email', key: 'GENERAL.ERROR.CONFLICT' },
      ];
      for (const c of cases) {
        const req = t.http().post(`${API}/profile`).set('Authorization', u.auth).set('Content-Type', 'application/json');
        const res = await req.send(typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
        expect({ body: c.body, status: res.status }).toEqual({ body: c.body, status: c.status });
        expectApsError(res.body, c.key, c.field);
      }
      const after = await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(200);
      expect(after.body).toMatchObject({ firstName: 'Keep', lastName: 'Me', email: u.email });
    });
  });

  describe('profile-password', () => {
    it('a wrong old password is 400 (field oldPassword) and the password stays', async () => {
      const u = await createUser(t);
      const res = await t
        .http()
        .post(`${API}/profile-password`)
        .set('Authorization', u.auth)
        .send({ oldPassword: 'wrong-password', newPassword: 'another-secret-1' })
        .expect(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'oldPassword');
      await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', basic(u.email, 'another-secret-1')).expect(401);
    });

    it('a too short new password, or a missing field, is 400', async () => {
      const u = await createUser(t);
      const short = await t.http().post(`${API}/profile-password`).set('Authorization', u.auth).send({ oldPassword: u.password, newPassword: 'short' }).expect(400);
      expectApsError(short.body, 'GENERAL.ERROR.BAD-REQUEST', 'newPassword');
      const missing = await t.http().post(`${API}/profile-password`).set('Authorization', u.auth).send({ oldPassword: u.password }).expect(400);
      expectApsError(missing.body, 'GENERAL.ERROR.BAD-REQUEST', 'newPassword');
      await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(200);
    });

    it('success answers 200 with no body; the new password works and the old one no longer does', async () => {
      const u = await createUser(t);
      const res = await t
        .http()
        .post(`${API}/profile-password`)
        .set('Authorization', u.auth)
        .send({ oldPassword: u.password, newPassword: 'brand-new-secret' })
        .expect(200);
      expect(res.text).toBe('');
      await t.http().get(`${API}/profile`).set('Authorization', basic(u.email, 'brand-new-secret')).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(401);
    });
  });

  describe('users (picker)', () => {
    let people: CreatedUser[];
    beforeAll(async () => {
      people = [];
      for (const [firstName, lastName, externalId] of [
        ['Picker', 'Alpha', 'EXT-Alpha'],
        ['Picker', 'Beta', 'ext-beta'],
        ['Picker', 'Gamma', null],
      ] as const) {
        people.push(await createUser(t, { firstName, lastName, externalId }));
      }
    });

    it('any signed-in user lists users as {id, firstName, lastName, email} in the paged envelope', async () => {
      const res = await t.http().get(`${API}/users`).query({ filter: 'picker' }).set('Authorization', people[0]!.auth).expect(200);
      expect(res.body).toEqual({
        size: 3,
        total: 3,
        start: 0,
        data: people.map((p, i) => ({ id: p.id, firstName: 'Picker', lastName: ['Alpha', 'Beta', 'Gamma'][i], email: p.email })),
      });
    });

    it('pages by size, start (offset) and page (page number, which wins over start)', async () => {
      const get = (query: Record<string, string | number>) =>
        t.http().get(`${API}/users`).query({ filter: 'picker', ...query }).set('Authorization', t.adminBasic).expect(200);
      const first = await get({ size: 2 });
      expect(first.body).toMatchObject({ size: 2, total: 3, start: 0 });
      expect(first.body.data.map((u: { id: number }) => u.id)).toEqual([people[0]!.id, people[1]!.id]);
      const byOffset = await get({ start: 1, size: 2 });
      expect(byOffset.body).toMatchObject({ size: 2, total: 3, start: 1 });
      expect(byOffset.body.data.map((u: { id: number }) => u.id)).toEqual([people[1]!.id, people[2]!.id]);
      const byPage = await get({ page: 1, size: 2, start: 0 });
      expect(byPage.body).toMatchObject({ size: 1, total: 3, start: 2 });
      expect(byPage.body.data.map((u: { id: number }) => u.id)).toEqual([people[2]!.id]);
    });

    it('answers 400 for a page or start beyond the bounds instead of passing it to SQL', async () => {
      for (const query of [{ page: 1e18 }, { start: 1e18 }, { page: 100_001 }, { start: 1_000_001 }]) {
        await t.http().get(`${API}/users`).query(query).set('Authorization', t.adminBasic).expect(400);
      }
    });

    it('filters by email, externalId (exact) and externalIdCaseInsensitive; accepts excludeTaskId/excludeProcessId', async () => {
      const ids = async (query: Record<string, string>) =>
        (await t.http().get(`${API}/users`).query(query).set('Authorization', t.adminBasic).expect(200)).body.data.map((u: { id: number }) => u.id);
      expect(await ids({ email: people[1]!.email.toUpperCase() })).toEqual([people[1]!.id]);
      expect(await ids({ externalId: 'EXT-Alpha' })).toEqual([people[0]!.id]);
      expect(await ids({ externalId: 'ext-alpha' })).toEqual([]);
      expect(await ids({ externalIdCaseInsensitive: 'EXT-BETA' })).toEqual([people[1]!.id]);
      expect(await ids({ filter: 'gamma', excludeTaskId: '42', excludeProcessId: '43' })).toEqual([people[2]!.id]);
    });

    it('rejects malformed paging and unknown parameters with 400 naming the field', async () => {
      for (const [query, field] of [
        [{ size: 'abc' }, 'size'],
        [{ start: '-1' }, 'start'],
        [{ page: '1.5' }, 'page'],
        [{ size: '100000' }, 'size'],
        [{ sortBy: 'x' }, 'sortBy'],
      ] as const) {
        const res = await t.http().get(`${API}/users`).query(query).set('Authorization', t.adminBasic);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
    });

    it('GET users/{userId}: the user; malformed id 400; unknown id 404; no credentials 401', async () => {
      const p = people[0]!;
      const res = await t.http().get(`${API}/users/${p.id}`).set('Authorization', people[1]!.auth).expect(200);
      expect(res.body).toMatchObject({ id: p.id, email: p.email, firstName: 'Picker', lastName: 'Alpha', externalId: 'EXT-Alpha', tenantId: 1, status: 'active' });
      expect(res.body.password).toBeNull();
      expectApsError((await t.http().get(`${API}/users/abc`).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'userId');
      expectApsError((await t.http().get(`${API}/users/987654`).set('Authorization', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'userId');
      await t.http().get(`${API}/users/${p.id}`).expect(401);
    });
  });
});
