import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, APS_DATE, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

describe('aps: admin tenants and impersonation', () => {
  let t: TestApp;
  let tenantAdmin: CreatedUser;
  let plain: CreatedUser;
  beforeAll(async () => {
    t = await startTestApp();
    tenantAdmin = await createTenantAdmin(t);
    plain = await createUser(t, { firstName: 'Plain', lastName: 'User', externalId: 'LDAP-Plain' });
  });
  afterAll(async () => {
    await t.close();
  });

  const tenantRows = async () => sql<{ id: string; key: string; name: string; active: boolean }>(t, `SELECT id::text, key, name, active FROM identity.tenants ORDER BY id`);

  describe('tenants', () => {
    it('GET admin/tenants (tenant manager) lists the default tenant in the aps envelope', async () => {
      const res = await t.http().get(`${API}/admin/tenants`).set('Authorization', t.adminBasic).expect(200);
      expect(res.body).toMatchObject({ start: 0, total: expect.any(Number) });
      expect(res.body.data[0]).toEqual({
        id: 1,
        name: 'workflow',
        key: 'workflow',
        domain: null,
        active: true,
        maxUsers: null,
        logoId: null,
        created: expect.stringMatching(APS_DATE),
        lastUpdate: expect.stringMatching(APS_DATE),
      });
    });

    it('POST admin/tenants creates a tenant with a unique key derived from its name', async () => {
      const a = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Société Générale', active: true, domain: 'sg.example', maxUsers: 10 }).expect(200);
      expect(a.body).toEqual({
        id: expect.any(Number),
        name: 'Société Générale',
        key: 'societe-generale',
        domain: 'sg.example',
        active: true,
        maxUsers: 10,
        logoId: null,
        created: expect.stringMatching(APS_DATE),
        lastUpdate: expect.stringMatching(APS_DATE),
      });
      const b = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Societe Generale!' }).expect(200);
      expect(b.body).toMatchObject({ key: 'societe-generale-2', active: true, maxUsers: null });
      const c = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: '***' }).expect(200);
      expect(c.body.key).toBe('tenant');
      const got = await t.http().get(`${API}/admin/tenants/${a.body.id}`).set('Authorization', t.adminBasic).expect(200);
      expect(got.body).toEqual(a.body);
    });

    it('create rejects bad input (4xx naming the field) and creates nothing', async () => {
      const before = await tenantRows();
      for (const [body, status, field] of [
        [{}, 400, 'name'],
        [{ name: '' }, 400, 'name'],
        [{ name: 'x'.repeat(256) }, 400, 'name'],
        [{ name: 'Ok', active: 'yes' }, 400, 'active'],
        [{ name: 'Ok', maxUsers: -1 }, 400, 'maxUsers'],
        [{ name: 'Ok', logo: 1 }, 400, 'logo'],
        [{ name: 'WORKFLOW' }, 409, 'name'],
      ] as const) {
        const res = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send(body);
        expect({ body, status: res.status }).toEqual({ body, status });
        expect(res.body.field).toBe(field);
      }
      expect(await tenantRows()).toEqual(before);
    });

    it('a tenant admin who is not a tenant manager: 403 for list, create, delete and other tenants; own tenant readable', async () => {
      const other = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Other Co' }).expect(200);
      const before = await tenantRows();
      expectApsError((await t.http().get(`${API}/admin/tenants`).set('Authorization', tenantAdmin.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await t.http().post(`${API}/admin/tenants`).set('Authorization', tenantAdmin.auth).send({ name: 'Mine' }).expect(403);
      await t.http().delete(`${API}/admin/tenants/${other.body.id}`).set('Authorization', tenantAdmin.auth).expect(403);
      await t.http().get(`${API}/admin/tenants/${other.body.id}`).set('Authorization', tenantAdmin.auth).expect(403);
      await t.http().put(`${API}/admin/tenants/${other.body.id}`).set('Authorization', tenantAdmin.auth).send({ name: 'Taken over' }).expect(403);
      await t.http().put(`${API}/admin/tenants/1`).set('Authorization', tenantAdmin.auth).send({ active: false }).expect(403);
      expect(await tenantRows()).toEqual(before);
      const own = await t.http().get(`${API}/admin/tenants/1`).set('Authorization', tenantAdmin.auth).expect(200);
      expect(own.body).toMatchObject({ id: 1, name: 'workflow' });
      // A plain user is no tenant admin at all.
      await t.http().get(`${API}/admin/tenants/1`).set('Authorization', plain.auth).expect(403);
      await t.http().get(`${API}/admin/tenants`).expect(401);
    });

    it('a tenant admin renames their own tenant; a tenant manager updates any tenant', async () => {
      const renamed = await t.http().put(`${API}/admin/tenants/1`).set('Authorization', tenantAdmin.auth).send({ name: 'Workflow Inc', domain: 'wf.example' }).expect(200);
      expect(renamed.body).toMatchObject({ id: 1, name: 'Workflow Inc', domain: 'wf.example', key: 'workflow', active: true });
      await t.http().put(`${API}/admin/tenants/1`).set('Authorization', t.adminBasic).send({ name: 'workflow', domain: null }).expect(200);
      const created = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Switch Me' }).expect(200);
      const updated = await t.http().put(`${API}/admin/tenants/${created.body.id}`).set('Authorization', t.adminBasic).send({ active: false, maxUsers: 5 }).expect(200);
      expect(updated.body).toMatchObject({ name: 'Switch Me', active: false, maxUsers: 5 });
    });

    it('update rejects bad input and changes nothing', async () => {
      const created = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Stable' }).expect(200);
      const before = await tenantRows();
      for (const [path, body, status, field] of [
        [`${created.body.id}`, { name: 'workflow' }, 409, 'name'],
        [`${created.body.id}`, { name: null }, 400, 'name'],
        [`${created.body.id}`, { active: 'no' }, 400, 'active'],
        ['abc', { name: 'X' }, 400, 'tenantId'],
        ['888888', { name: 'X' }, 404, 'tenantId'],
      ] as const) {
        const res = await t.http().put(`${API}/admin/tenants/${path}`).set('Authorization', t.adminBasic).send(body);
        expect({ path, body, status: res.status }).toEqual({ path, body, status });
        expect(res.body.field).toBe(field);
      }
      expect(await tenantRows()).toEqual(before);
    });

    it('DELETE: an empty tenant goes; one with users is 409; the default tenant 400; unknown 404', async () => {
      const busy = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Busy' }).expect(200);
      await createUser(t, { tenantId: busy.body.id });
      const before = await tenantRows();
      const conflict = await t.http().delete(`${API}/admin/tenants/${busy.body.id}`).set('Authorization', t.adminBasic).expect(409);
      expectApsError(conflict.body, 'GENERAL.ERROR.CONFLICT', 'tenantId');
      expectApsError((await t.http().delete(`${API}/admin/tenants/1`).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'tenantId');
      expectApsError((await t.http().delete(`${API}/admin/tenants/abc`).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'tenantId');
      expectApsError((await t.http().delete(`${API}/admin/tenants/888888`).set('Authorization', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'tenantId');
      expect(await tenantRows()).toEqual(before);

      const empty = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Empty' }).expect(200);
      const res = await t.http().delete(`${API}/admin/tenants/${empty.body.id}`).set('Authorization', t.adminBasic).expect(200);
      expect(res.text).toBe('');
      await t.http().get(`${API}/admin/tenants/${empty.body.id}`).set('Authorization', t.adminBasic).expect(404);
    });

    it('GET admin/tenants pages by start/page/size', async () => {
      const all = (await t.http().get(`${API}/admin/tenants`).query({ size: 1000 }).set('Authorization', t.adminBasic).expect(200)).body;
      expect(all.total).toBe(all.data.length);
      const page = (await t.http().get(`${API}/admin/tenants`).query({ page: 1, size: 2 }).set('Authorization', t.adminBasic).expect(200)).body;
      expect(page).toMatchObject({ start: 2, total: all.total, size: 2 });
      expect(page.data).toEqual(all.data.slice(2, 4));
    });
  });

  describe('impersonation (activiti-user, activiti-user-value-type)', () => {
    const as = (auth: string, value: string, type: string) =>
      t.http().get(`${API}/profile`).set('Authorization', auth).set('activiti-user', value).set('activiti-user-value-type', type);

    it('a tenant admin acts as another user named by id, e-mail or external id', async () => {
      expect((await as(t.adminBasic, String(plain.id), 'userIdType').expect(200)).body).toMatchObject({ id: plain.id, email: plain.email });
      expect((await as(t.adminBasic, plain.email.toUpperCase(), 'userEmailType').expect(200)).body.id).toBe(plain.id);
      expect((await as(tenantAdmin.auth, 'LDAP-Plain', 'userExternalIdType').expect(200)).body.id).toBe(plain.id);
    });

    it('the call runs with the impersonated user\'s permissions, not the admin\'s', async () => {
      const res = await t
        .http()
        .get(`${API}/admin/users`)
        .set('Authorization', t.adminBasic)
        .set('activiti-user', String(plain.id))
        .set('activiti-user-value-type', 'userIdType')
        .expect(403);
      expectApsError(res.body, 'GENERAL.ERROR.FORBIDDEN');
      const write = await t
        .http()
        .post(`${API}/profile`)
        .set('Authorization', t.adminBasic)
        .set('activiti-user', plain.email)
        .set('activiti-user-value-type', 'userEmailType')
        .send({ company: 'Set by impersonation' })
        .expect(200);
      expect(write.body).toMatchObject({ id: plain.id, company: 'Set by impersonation' });
      const admin = await t.http().get(`${API}/profile`).set('Authorization', t.adminBasic).expect(200);
      expect(admin.body.company).toBeNull();
    });

    it('a user who is not a tenant admin gets 403, whatever the headers say', async () => {
      const other = await createUser(t);
      expectApsError((await as(plain.auth, String(other.id), 'userIdType').expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await as(plain.auth, '1', 'userIdType').expect(403);
      await as(plain.auth, 'x', 'bogusType').expect(403);
    });

    it('an unknown user is 404; a bad or missing value type is 400; an inactive user 403', async () => {
      expectApsError((await as(t.adminBasic, '987654', 'userIdType').expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'activiti-user');
      await as(t.adminBasic, 'abc', 'userIdType').expect(404);
      await as(t.adminBasic, 'nobody@example.com', 'userEmailType').expect(404);
      await as(t.adminBasic, 'ldap-plain', 'userExternalIdType').expect(404);
      expectApsError((await as(t.adminBasic, String(plain.id), 'userNameType').expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'activiti-user-value-type');
      const missing = await t.http().get(`${API}/profile`).set('Authorization', t.adminBasic).set('activiti-user', String(plain.id)).expect(400);
      expectApsError(missing.body, 'GENERAL.ERROR.BAD-REQUEST', 'activiti-user-value-type');
      const inactive = await createUser(t);
      await t.http().put(`${API}/admin/users`).set('Authorization', t.adminBasic).send({ users: [inactive.id], status: 'inactive' }).expect(200);
      await as(t.adminBasic, String(inactive.id), 'userIdType').expect(403);
    });

    it('users of another tenant cannot be impersonated by a tenant admin of tenant 1 (404)', async () => {
      const tenant = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name: 'Elsewhere' }).expect(200);
      const away = await createUser(t, { tenantId: tenant.body.id });
      await as(tenantAdmin.auth, String(away.id), 'userIdType').expect(404);
    });

    it('the headers are ignored outside /activiti-app/', async () => {
      const res = await t.http().get('/health').set('activiti-user', '1').set('activiti-user-value-type', 'bogusType').expect(200);
      expect(res.body.status).toBe('ok');
    });
  });
});
