import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, APS_DATE, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

describe('aps: admin users', () => {
  let t: TestApp;
  let plain: CreatedUser;
  beforeAll(async () => {
    t = await startTestApp();
    plain = await createUser(t, { firstName: 'Plain', lastName: 'User' });
  });
  afterAll(async () => {
    await t.close();
  });

  const userCount = async (): Promise<number> => (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM identity.users`))[0]!.n;
  const statusOf = async (id: number): Promise<string> =>
    (await sql<{ status: string }>(t, `SELECT status FROM identity.users WHERE id = $1`, [id]))[0]!.status;

  it('POST admin/users creates a user who signs in with their e-mail, and answers the full user', async () => {
    const res = await t
      .http()
      .post(`${API}/admin/users`)
      .set('Authorization', t.adminBasic)
      .send({ email: 'new.person@example.com', firstName: 'New', lastName: 'Person', password: 'new-person-pw', status: 'active', type: 'enterprise', tenantId: 1, company: 'Acme', externalId: 'np-1' })
      .expect(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      firstName: 'New',
      lastName: 'Person',
      email: 'new.person@example.com',
      externalId: 'np-1',
      company: 'Acme',
      pictureId: null,
      fullname: 'New Person',
      password: null,
      type: 'enterprise',
      status: 'active',
      created: expect.stringMatching(APS_DATE),
      lastUpdate: expect.stringMatching(APS_DATE),
      tenantId: 1,
      tenantName: 'workflow',
      tenantPictureId: null,
      latestSyncTimeStamp: null,
      capabilities: [],
      groups: [],
    });
    const [row] = await sql<{ username: string }>(t, `SELECT username FROM identity.users WHERE id = $1`, [res.body.id]);
    expect(row!.username).toBe('new.person@example.com');
    const me = await t.http().get(`${API}/profile`).set('Authorization', basic('new.person@example.com', 'new-person-pw')).expect(200);
    expect(me.body.id).toBe(res.body.id);
  });

  it('type trial is kept; status pending users cannot sign in', async () => {
    const res = await t
      .http()
      .post(`${API}/admin/users`)
      .set('Authorization', t.adminBasic)
      .send({ email: 'trial@example.com', firstName: 'T', lastName: 'R', password: 'trial-user-pw', status: 'pending', type: 'trial' })
      .expect(200);
    expect(res.body).toMatchObject({ type: 'trial', status: 'pending', tenantId: 1 });
    await t.http().get(`${API}/profile`).set('Authorization', basic('trial@example.com', 'trial-user-pw')).expect(401);
  });

  it('create rejects bad input with a 4xx naming the field, and creates nobody', async () => {
    const valid = { email: 'valid@example.com', firstName: 'V', lastName: 'L', password: 'valid-password', status: 'active', type: 'enterprise', tenantId: 1 };
    const before = await userCount();
    const cases: Array<{ body: object | string; status: number; field?: string }> = [
      { body: '{"email": "x@example.com",', status: 400 },
      { body: { ...valid, email: undefined }, status: 400, field: 'email' },
      { body: { ...valid, password: undefined }, status: 400, field: 'password' },
      { body: { ...valid, email: 'no-at-sign' }, status: 400, field: 'email' },
      { body: { ...valid, firstName: 'x'.repeat(256) }, status: 400, field: 'firstName' },
      { body: { ...valid, lastName: 42 }, status: 400, field: 'lastName' },
      { body: { ...valid, status: 'ACTIVE' }, status: 400, field: 'status' },
      { body: { ...valid, status: 'vacation' }, status: 400, field: 'status' },
      { body: { ...valid, type: 'free' }, status: 400, field: 'type' },
      { body: { ...valid, tenantId: 'one' }, status: 400, field: 'tenantId' },
      { body: { ...valid, password: 'short' }, status: 400, field: 'password' },
      { body: { ...valid, role: 'admin' }, status: 400, field: 'role' },
      { body: { ...valid, email: 'ADMIN@example.com' }, status: 409, field: 'email' },
      { body: { ...valid, tenantId: 424242 }, status: 404, field: 'tenantId' },
    ];
    for (const c of cases) {
      const res = await t
        .http()
        .post(`${API}/admin/users`)
        .set('Authorization', t.adminBasic)
        .set('Content-Type', 'application/json')
        .send(typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
      expect({ body: c.body, status: res.status }).toEqual({ body: c.body, status: c.status });
      expect(res.body).toEqual(expect.objectContaining({ message: expect.any(String), messageKey: expect.stringMatching(/^GENERAL\.ERROR\./) }));
      if (c.field) expect(res.body.field).toBe(c.field);
    }
    expect(await userCount()).toBe(before);
  });

  it('GET admin/users: 401 without credentials, 403 for a user who is not an admin', async () => {
    expectApsError((await t.http().get(`${API}/admin/users`).expect(401)).body, 'GENERAL.ERROR.UNAUTHORIZED');
    expectApsError((await t.http().get(`${API}/admin/users`).set('Authorization', plain.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
    const create = await t.http().post(`${API}/admin/users`).set('Authorization', plain.auth).send({ email: 'x1@example.com', firstName: 'x', lastName: 'y', password: 'password-1' });
    expect(create.status).toBe(403);
    await t.http().put(`${API}/admin/users`).set('Authorization', plain.auth).send({ users: [plain.id], status: 'inactive' }).expect(403);
    await t.http().put(`${API}/admin/users/${plain.id}`).set('Authorization', plain.auth).send({ firstName: 'Hacked' }).expect(403);
    expect(await statusOf(plain.id)).toBe('active');
  });

  it('GET admin/users filters, sorts and pages', async () => {
    const made: CreatedUser[] = [];
    for (const name of ['sortme-b', 'sortme-c', 'sortme-a']) made.push(await createUser(t, { email: `${name}@example.com`, firstName: 'Sort' }));
    await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [made[1]!.id], status: 'inactive' }).expect(200);
    const list = async (query: Record<string, string | number>) =>
      (await t.http().get(`${API}/admin/users`).query({ filter: 'sortme', ...query }).set('Authorization', t.adminBasic).expect(200)).body;

    const byCreated = await list({});
    expect(byCreated).toMatchObject({ size: 3, total: 3, start: 0 });
    expect(byCreated.data.map((u: { email: string }) => u.email)).toEqual(['sortme-b@example.com', 'sortme-c@example.com', 'sortme-a@example.com']);
    expect(byCreated.data[0]).toMatchObject({ id: made[0]!.id, type: 'enterprise', tenantId: 1, status: 'active', password: null });
    expect((await list({ sort: 'createdDesc' })).data.map((u: { id: number }) => u.id)).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
    expect((await list({ sort: 'emailAsc' })).data.map((u: { id: number }) => u.id)).toEqual([made[2]!.id, made[0]!.id, made[1]!.id]);
    expect((await list({ sort: 'email-desc' })).data.map((u: { id: number }) => u.id)).toEqual([made[1]!.id, made[0]!.id, made[2]!.id]);
    expect((await list({ status: 'inactive' })).data.map((u: { id: number }) => u.id)).toEqual([made[1]!.id]);
    expect(await list({ sort: 'emailAsc', start: 1, size: 1 })).toMatchObject({ size: 1, total: 3, start: 1, data: [{ id: made[0]!.id }] });
    expect(await list({ sort: 'emailAsc', page: 2, size: 1, start: 0 })).toMatchObject({ size: 1, total: 3, start: 2, data: [{ id: made[1]!.id }] });

    for (const [query, field] of [
      [{ sort: 'nameAsc' }, 'sort'],
      [{ status: 'gone' }, 'status'],
      [{ size: 0 }, 'size'],
    ] as const) {
      const res = await t.http().get(`${API}/admin/users`).query(query).set('Authorization', t.adminBasic).expect(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
    }
  });

  it('GET admin/users/{userId}: the user; malformed 400; unknown 404', async () => {
    const res = await t.http().get(`${API}/admin/users/${plain.id}`).set('Authorization', t.adminBasic).expect(200);
    expect(res.body).toMatchObject({ id: plain.id, email: plain.email, firstName: 'Plain' });
    expectApsError((await t.http().get(`${API}/admin/users/abc`).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'userId');
    expectApsError((await t.http().get(`${API}/admin/users/999999`).set('Authorization', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'userId');
  });

  it('PUT admin/users/{userId} updates the details sent; the e-mail login follows the e-mail', async () => {
    const u = await createUser(t, { firstName: 'Old', lastName: 'Name' });
    const email = `moved-${u.id}@example.com`;
    const res = await t.http().put(`${API}/admin/users/${u.id}`).set('Authorization', t.adminBasic).send({ firstName: 'New', email }).expect(200);
    expect(res.body).toMatchObject({ id: u.id, firstName: 'New', lastName: 'Name', email, fullname: 'New Name' });
    await t.http().get(`${API}/profile`).set('Authorization', basic(email, u.password)).expect(200);
    await t.http().get(`${API}/profile`).set('Authorization', u.auth).expect(401);
  });

  it('PUT admin/users/{userId} rejects bad input and changes nothing', async () => {
    const u = await createUser(t, { firstName: 'Stay', lastName: 'Same' });
    for (const [path, body, status, field] of [
      [`${u.id}`, { email: plain.email }, 409, 'email'],
      [`${u.id}`, { firstName: 'x'.repeat(256) }, 400, 'firstName'],
      [`${u.id}`, { firstName: null }, 400, 'firstName'],
      [`${u.id}`, { status: 'inactive' }, 400, 'status'],
      ['abc', { firstName: 'X' }, 400, 'userId'],
      ['999999', { firstName: 'X' }, 404, 'userId'],
    ] as const) {
      const res = await t.http().put(`${API}/admin/users/${path}`).set('Authorization', t.adminBasic).send(body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status });
      expect(res.body.field).toBe(field);
    }
    const after = await t.http().get(`${API}/admin/users/${u.id}`).set('Authorization', t.adminBasic).expect(200);
    expect(after.body).toMatchObject({ firstName: 'Stay', lastName: 'Same', email: u.email, status: 'active' });
  });

  describe('bulk PUT admin/users', () => {
    it('sets the status of every user listed; inactive users can no longer sign in', async () => {
      const a = await createUser(t);
      const b = await createUser(t);
      const res = await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [a.id, b.id], status: 'inactive' }).expect(200);
      expect(res.text).toBe('');
      expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['inactive', 'inactive']);
      await t.http().get(`${API}/profile`).set('Authorization', a.auth).expect(401);
      await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [a.id], status: 'active' }).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', a.auth).expect(200);
    });

    it('sets the password of every user listed', async () => {
      const a = await createUser(t);
      const b = await createUser(t);
      await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [a.id, b.id], password: 'bulk-password-1' }).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', basic(a.email, 'bulk-password-1')).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', basic(b.email, 'bulk-password-1')).expect(200);
      await t.http().get(`${API}/profile`).set('Authorization', b.auth).expect(401);
    });

    it('is all or nothing: one unknown id answers 404 and nobody changes', async () => {
      const a = await createUser(t);
      const b = await createUser(t);
      const res = await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [a.id, 987654, b.id], status: 'inactive' }).expect(404);
      expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND', 'userId');
      expect(res.body.message).toContain('987654');
      expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['active', 'active']);
      const pw = await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [a.id, 987654], password: 'other-password-1' }).expect(404);
      expectApsError(pw.body, 'GENERAL.ERROR.NOT-FOUND');
      await t.http().get(`${API}/profile`).set('Authorization', a.auth).expect(200);
    });

    it('rejects malformed bodies with 400 and changes nothing', async () => {
      const a = await createUser(t);
      for (const [body, field] of [
        [{ users: [a.id], status: 'inactive', password: 'some-password-1' }, 'status'],
        [{ users: [a.id] }, 'password'],
        [{ users: [], status: 'inactive' }, 'users'],
        [{ users: ['abc'], status: 'inactive' }, 'users'],
        [{ users: a.id, status: 'inactive' }, 'users'],
        [{ users: [a.id], status: 'asleep' }, 'status'],
        [{ users: [a.id], password: 'short' }, 'password'],
        [{ users: [a.id], tenantId: 'x' }, 'tenantId'],
      ] as const) {
        const res = await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      expect(await statusOf(a.id)).toBe('active');
      await t.http().get(`${API}/profile`).set('Authorization', a.auth).expect(200);
    });

    it('moving users to another tenant needs a tenant manager: a tenant admin gets 403', async () => {
      const tenant = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Bulk Target' }).expect(200);
      const tenantAdmin = await createTenantAdmin(t);
      const a = await createUser(t);
      const denied = await t.http().put(`${API}/admin/users`).set('Authorization', tenantAdmin.auth).send({ users: [a.id], tenantId: tenant.body.id });
      expect(denied.status).toBe(403);
      expectApsError(denied.body, 'GENERAL.ERROR.FORBIDDEN');
      // …while the same tenant admin may change statuses in their own tenant.
      await t.http().put(`${API}/admin/users`).set('Authorization', tenantAdmin.auth).send({ users: [a.id], status: 'inactive' }).expect(200);
      expect(await statusOf(a.id)).toBe('inactive');

      const b = await createUser(t);
      await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [b.id], tenantId: tenant.body.id }).expect(200);
      const moved = await sql<{ tenant_id: string }>(t, `SELECT tenant_id::text FROM identity.users WHERE id = $1`, [b.id]);
      expect(moved[0]!.tenant_id).toBe(String(tenant.body.id));
      const me = await t.http().get(`${API}/profile`).set('Authorization', b.auth).expect(200);
      expect(me.body).toMatchObject({ tenantId: tenant.body.id, tenantName: 'Bulk Target' });
      // A user of another tenant is "not found" for the tenant admin of tenant 1.
      await t.http().put(`${API}/admin/users`).set('Authorization', tenantAdmin.auth).send({ users: [b.id], status: 'inactive' }).expect(404);
      const unknownTenant = await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [b.id], tenantId: 777777 }).expect(404);
      expectApsError(unknownTenant.body, 'GENERAL.ERROR.NOT-FOUND', 'tenantId');
    });
  });
});
