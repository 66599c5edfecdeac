import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { groupSnapshot, insertGroup } from './questetra-groups-support.js';
import { addQuser } from './questetra-support.js';

interface Qgroup {
  id: number;
  name: string;
  email: string | null;
  parentQgroupId: number | null;
}

describe('questetra: organizations (Qgroup/list, Qgroup/find)', () => {
  let t: TestApp;
  let sales: Qgroup;
  let salesEast: Qgroup;
  let support: Qgroup;
  let archive: Qgroup;
  let auditorsRoleId: number;
  let otherTenantGroupId: number;
  const annAuth = basic('ann@example.com', 'ann-password-1');

  const qgroup = (id: number, name: string, parentQgroupId: number | null = null): Qgroup => ({ id, name, email: null, parentQgroupId });

  beforeAll(async () => {
    t = await startTestApp();
    await addQuser(t, 'Ann Smith', 'ann@example.com', 'ann-password-1');
    sales = qgroup(await insertGroup(t, 'Sales'), 'Sales');
    salesEast = qgroup(await insertGroup(t, 'Sales East', { parentId: sales.id }), 'Sales East', sales.id);
    auditorsRoleId = await insertGroup(t, 'Auditors', { kind: 'system' });
    support = qgroup(await insertGroup(t, 'Customer Support'), 'Customer Support');
    archive = qgroup(await insertGroup(t, 'Archive 50%', { status: 'INACTIVE' }), 'Archive 50%');
    await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'other', 'Other') ON CONFLICT DO NOTHING`);
    otherTenantGroupId = await insertGroup(t, 'Elsewhere', { tenantId: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['get', '/API/User/Qgroup/list'],
    ['post', '/API/User/Qgroup/list'],
    ['get', '/API/User/Qgroup/find?id=1'],
    ['post', '/API/User/Qgroup/find'],
  ] as const)('%s %s without credentials answers 401 with an ErrorEntry', async (method, path) => {
    const res = await t.http()[method](path).expect(401);
    expect(res.body).toEqual({ errors: [{ type: 'Unauthorized', name: null, value: null, message: 'Authentication required' }] });
  });

  describe('Qgroup/list', () => {
    it('defaults to start 0 and limit 1, counting every organization of the tenant (functional groups only)', async () => {
      const res = await t.http().get('/API/User/Qgroup/list').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qgroups: [sales] });
    });

    it('sorts by id ascending, with the parent organization and a null e-mail; INACTIVE ones included', async () => {
      const res = await t.http().get('/API/User/Qgroup/list?limit=1000').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qgroups: [sales, salesEast, support, archive] });
      expect(res.body.qgroups.map((g: Qgroup) => g.id)).not.toContain(auditorsRoleId);
      expect(res.body.qgroups.map((g: Qgroup) => g.id)).not.toContain(otherTenantGroupId);
    });

    it('pages by start and limit; past the end and limit=0 answer only the count', async () => {
      const page = await t.http().get('/API/User/Qgroup/list?start=1&limit=2').set('Authorization', annAuth).expect(200);
      expect(page.body).toEqual({ count: 4, qgroups: [salesEast, support] });
      const past = await t.http().get('/API/User/Qgroup/list?start=4&limit=10').set('Authorization', annAuth).expect(200);
      expect(past.body).toEqual({ count: 4, qgroups: [] });
      const none = await t.http().get('/API/User/Qgroup/list?limit=0').set('Authorization', annAuth).expect(200);
      expect(none.body).toEqual({ count: 4, qgroups: [] });
    });

    it('searches names by case-insensitive substring, LIKE wildcards taken literally', async () => {
      const res = await t.http().get('/API/User/Qgroup/list?query=SALES&limit=10').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 2, qgroups: [sales, salesEast] });
      const percent = await t.http().get('/API/User/Qgroup/list').query({ query: '50%', limit: '10' }).set('Authorization', annAuth).expect(200);
      expect(percent.body).toEqual({ count: 1, qgroups: [archive] });
      const role = await t.http().get('/API/User/Qgroup/list?query=Auditors&limit=10').set('Authorization', annAuth).expect(200);
      expect(role.body).toEqual({ count: 0, qgroups: [] });
    });

    it('takes the parameters from a form-encoded or JSON body on POST, the query string winning', async () => {
      const form = await t.http().post('/API/User/Qgroup/list').set('Authorization', annAuth).type('form').send({ query: 'sales', start: '1', limit: '5' }).expect(200);
      expect(form.body).toEqual({ count: 2, qgroups: [salesEast] });
      const json = await t.http().post('/API/User/Qgroup/list').set('Authorization', annAuth).send({ start: 2, limit: 1 }).expect(200);
      expect(json.body).toEqual({ count: 4, qgroups: [support] });
      const both = await t.http().post('/API/User/Qgroup/list?limit=2').set('Authorization', annAuth).type('form').send({ limit: '3' }).expect(200);
      expect(both.body.qgroups).toHaveLength(2);
    });

    it('treats blank parameters as not given', async () => {
      const res = await t.http().get('/API/User/Qgroup/list?start=&limit=&query=').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qgroups: [sales] });
    });

    it.each([
      ['start=-1', 'start', '-1', 'start must be an integer from 0 to 9007199254740991'],
      ['limit=abc', 'limit', 'abc', 'limit must be an integer from 0 to 1000'],
      ['limit=1001', 'limit', '1001', 'limit must be an integer from 0 to 1000'],
      ['bogus=1', 'bogus', '1', 'property bogus should not exist'],
    ])('%s answers a Validation ErrorEntry naming the parameter, and nothing changes', async (qs, name, value, message) => {
      const before = await groupSnapshot(t);
      const res = await t.http().get(`/API/User/Qgroup/list?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [{ type: 'Validation', name, value, message }] });
      expect(await groupSnapshot(t)).toEqual(before);
    });
  });

  describe('Qgroup/find', () => {
    it('finds by id and by whole name (case-insensitive), GET and POST', async () => {
      const byId = await t.http().get(`/API/User/Qgroup/find?id=${salesEast.id}`).set('Authorization', annAuth).expect(200);
      expect(byId.body).toEqual({ qgroup: salesEast });
      const byName = await t.http().post('/API/User/Qgroup/find').set('Authorization', annAuth).type('form').send({ name: 'customer SUPPORT' }).expect(200);
      expect(byName.body).toEqual({ qgroup: support });
      const json = await t.http().post('/API/User/Qgroup/find').set('Authorization', annAuth).send({ id: sales.id }).expect(200);
      expect(json.body).toEqual({ qgroup: sales });
    });

    it('matches the whole name, not a part of it', async () => {
      const res = await t.http().get('/API/User/Qgroup/find?name=Sales').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ qgroup: sales });
      const part = await t.http().get('/API/User/Qgroup/find?name=Sale').set('Authorization', annAuth).expect(400);
      expect(part.body.errors).toEqual([{ type: 'QgroupDoesNotExist', name: 'name', value: 'Sale', message: 'Group Sale does not exist' }]);
    });

    it('uses only the id when both are given, even beside an unknown or malformed name', async () => {
      const res = await t.http().get('/API/User/Qgroup/find').query({ id: String(support.id), name: 'Sales' }).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ qgroup: support });
      const malformed = await t.http().post('/API/User/Qgroup/find').set('Authorization', annAuth).send({ id: support.id, name: ['x'] }).expect(200);
      expect(malformed.body).toEqual({ qgroup: support });
    });

    it('does not find roles (system groups) or another tenant\'s organizations', async () => {
      for (const id of [auditorsRoleId, otherTenantGroupId]) {
        const res = await t.http().get(`/API/User/Qgroup/find?id=${id}`).set('Authorization', annAuth).expect(400);
        expect(res.body.errors).toEqual([{ type: 'QgroupDoesNotExist', name: 'id', value: String(id), message: `Group ${id} does not exist` }]);
      }
      const byName = await t.http().get('/API/User/Qgroup/find?name=Auditors').set('Authorization', annAuth).expect(400);
      expect(byName.body.errors[0]).toMatchObject({ type: 'QgroupDoesNotExist', name: 'name', value: 'Auditors' });
    });

    it.each([
      ['', { type: 'Validation', name: 'id', value: null, message: 'One of id, name is required' }],
      ['id=&name=', { type: 'Validation', name: 'id', value: null, message: 'One of id, name is required' }],
      ['id=abc', { type: 'InvalidId', name: 'id', value: 'abc', message: 'id must be a positive integer id' }],
      ['id=0', { type: 'InvalidId', name: 'id', value: '0', message: 'id must be a positive integer id' }],
      ['id=999999', { type: 'QgroupDoesNotExist', name: 'id', value: '999999', message: 'Group 999999 does not exist' }],
      ['name=Nowhere', { type: 'QgroupDoesNotExist', name: 'name', value: 'Nowhere', message: 'Group Nowhere does not exist' }],
      [`name=${'x'.repeat(256)}`, { type: 'InvalidName', name: 'name', value: 'x'.repeat(256), message: 'name must be a text of at most 255 characters' }],
      ['name=a&name=b', { type: 'InvalidName', name: 'name', value: '["a","b"]', message: 'name must be a text of at most 255 characters' }],
    ])('find?%s answers 400 with the ErrorEntry, and nothing changes', async (qs, entry) => {
      const before = await groupSnapshot(t);
      const res = await t.http().get(`/API/User/Qgroup/find?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [entry] });
      expect(await groupSnapshot(t)).toEqual(before);
    });
  });

  it('documents the operations in the questetra OpenAPI document, GET and POST, with their parameters', async () => {
    const res = await t.http().get('/docs/questetra-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    for (const op of ['list', 'find']) expect(Object.keys(paths[`/API/User/Qgroup/${op}`] ?? {}).sort()).toEqual(['get', 'post']);
    expect(paths['/API/User/Qgroup/list']!.get!.parameters!.map((p) => p.name)).toEqual(['query', 'start', 'limit']);
    expect(paths['/API/User/Qgroup/find']!.get!.parameters!.map((p) => p.name)).toEqual(['id', 'name']);
  });

  it('answers the same to the administrator', async () => {
    const res = await t.http().get(`/API/User/Qgroup/find?id=${sales.id}`).set('Authorization', t.adminBasic).expect(200);
    expect(res.body).toEqual({ qgroup: sales });
  });
});
