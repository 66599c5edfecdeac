import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { groupSnapshot, insertGroup, insertMember } from './questetra-groups-support.js';
import { addQuser, snapshot } from './questetra-support.js';

type Quser = { id: number; name: string; email: string };

describe('questetra: memberships (qgroupId on Quser/list, RoleMembership/list)', () => {
  let t: TestApp;
  let ann: Quser;
  let bob: Quser;
  let carol: Quser;
  let dave: Quser;
  let sales: number;
  let salesEast: number;
  let empty: number;
  let auditors: number;
  let approvers: number;
  let otherTenantRole: number;
  const annAuth = basic('ann@example.com', 'ann-password-1');
  const ADMIN = { id: 1, name: 'Administrator', email: 'admin@example.com' };

  beforeAll(async () => {
    t = await startTestApp();
    ann = await addQuser(t, 'Ann Smith', 'ann@example.com', 'ann-password-1');
    bob = await addQuser(t, 'Bob Jones', 'bob@example.com', 'bob-password-1');
    carol = await addQuser(t, 'Carol Smithers', 'carol@example.com', 'carol-password-1');
    dave = await addQuser(t, 'Dave Deleted', 'dave@example.com', 'dave-password-1');
    sales = await insertGroup(t, 'Sales');
    salesEast = await insertGroup(t, 'Sales East', { parentId: sales });
    empty = await insertGroup(t, 'Empty');
    auditors = await insertGroup(t, 'Auditors', { kind: 'system' });
    approvers = await insertGroup(t, 'Approvers', { kind: 'system', status: 'INACTIVE' });
    // Inserted out of id order, so that the answers' order is the endpoint's doing.
    await insertMember(t, sales, { userId: carol.id });
    await insertMember(t, sales, { userId: ann.id }, 'LEADER');
    await insertMember(t, sales, { groupId: empty });
    await insertMember(t, salesEast, { userId: bob.id });
    await insertMember(t, auditors, { userId: carol.id });
    await insertMember(t, auditors, { userId: ADMIN.id }, 'LEADER');
    await insertMember(t, auditors, { userId: bob.id });
    await insertMember(t, approvers, { userId: ann.id });
    await insertMember(t, sales, { userId: dave.id });
    await sql(t, `UPDATE identity.users SET status = 'deleted', deleted_at = now() WHERE id = $1`, [dave.id]);
    await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'other', 'Other') ON CONFLICT DO NOTHING`);
    otherTenantRole = await insertGroup(t, 'Auditors', { kind: 'system', tenantId: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('Quser/list with qgroupId', () => {
    it('keeps the direct members of the organization, by id; members of sub-organizations do not count', async () => {
      const res = await t.http().get(`/API/User/Quser/list?qgroupId=${sales}&limit=100`).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 2, qusers: [ann, carol] });
      const east = await t.http().get(`/API/User/Quser/list?qgroupId=${salesEast}&limit=100`).set('Authorization', annAuth).expect(200);
      expect(east.body).toEqual({ count: 1, qusers: [bob] });
    });

    it('pages with the limit default of 1, combines with query, and takes POST bodies', async () => {
      const first = await t.http().get(`/API/User/Quser/list?qgroupId=${sales}`).set('Authorization', annAuth).expect(200);
      expect(first.body).toEqual({ count: 2, qusers: [ann] });
      const query = await t.http().get(`/API/User/Quser/list?qgroupId=${sales}&query=smithers&limit=10`).set('Authorization', annAuth).expect(200);
      expect(query.body).toEqual({ count: 1, qusers: [carol] });
      const form = await t.http().post('/API/User/Quser/list').set('Authorization', annAuth).type('form').send({ qgroupId: String(sales), start: '1', limit: '5' }).expect(200);
      expect(form.body).toEqual({ count: 2, qusers: [carol] });
      const json = await t.http().post('/API/User/Quser/list').set('Authorization', annAuth).send({ qgroupId: salesEast, limit: 5 }).expect(200);
      expect(json.body).toEqual({ count: 1, qusers: [bob] });
    });

    it('answers an empty list for an organization without users, and ignores a blank qgroupId', async () => {
      const res = await t.http().get(`/API/User/Quser/list?qgroupId=${empty}&limit=10`).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 0, qusers: [] });
      const blank = await t.http().get('/API/User/Quser/list?qgroupId=&limit=10').set('Authorization', annAuth).expect(200);
      expect(blank.body.count).toBe(4);
    });

    it.each([
      ['qgroupId=abc', { type: 'InvalidQgroupId', name: 'qgroupId', value: 'abc', message: 'qgroupId must be a positive integer id' }],
      ['qgroupId=-1', { type: 'InvalidQgroupId', name: 'qgroupId', value: '-1', message: 'qgroupId must be a positive integer id' }],
      ['qgroupId=999999', { type: 'QgroupDoesNotExist', name: 'qgroupId', value: '999999', message: 'Group 999999 does not exist' }],
    ])('%s answers 400 with the ErrorEntry, and nothing changes', async (qs, entry) => {
      const before = [await snapshot(t), await groupSnapshot(t)];
      const res = await t.http().get(`/API/User/Quser/list?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [entry] });
      expect([await snapshot(t), await groupSnapshot(t)]).toEqual(before);
    });

    it('treats a role (system group) or another tenant\'s group as no organization', async () => {
      for (const id of [auditors, otherTenantRole]) {
        const res = await t.http().get(`/API/User/Quser/list?qgroupId=${id}`).set('Authorization', annAuth).expect(400);
        expect(res.body.errors).toEqual([{ type: 'QgroupDoesNotExist', name: 'qgroupId', value: String(id), message: `Group ${id} does not exist` }]);
      }
    });

    it('checks the other parameters before looking the organization up', async () => {
      const res = await t.http().get('/API/User/Quser/list?qgroupId=abc&limit=abc').set('Authorization', annAuth).expect(400);
      expect(res.body.errors).toEqual([{ type: 'Validation', name: 'limit', value: 'abc', message: 'limit must be an integer from 0 to 1000' }]);
    });
  });

  describe('RoleMembership/list', () => {
    it.each([
      ['get', '/API/User/RoleMembership/list?roleId=1'],
      ['post', '/API/User/RoleMembership/list'],
    ] as const)('%s %s without credentials answers 401', async (method, path) => {
      const res = await t.http()[method](path).expect(401);
      expect(res.body).toEqual({ errors: [{ type: 'Unauthorized', name: null, value: null, message: 'Authentication required' }] });
    });

    it('lists the members of a role by roleId, sorted by quserId, with their position', async () => {
      const res = await t.http().get(`/API/User/RoleMembership/list?roleId=${auditors}`).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({
        memberships: [
          { quserId: ADMIN.id, qgroupId: auditors, role: 'LEADER' },
          { quserId: bob.id, qgroupId: auditors, role: 'STAFF' },
          { quserId: carol.id, qgroupId: auditors, role: 'STAFF' },
        ],
      });
    });

    it('finds the role by its whole name, case-insensitively, over GET, form and JSON', async () => {
      const expected = [
        { quserId: ADMIN.id, qgroupId: auditors, role: 'LEADER' },
        { quserId: bob.id, qgroupId: auditors, role: 'STAFF' },
        { quserId: carol.id, qgroupId: auditors, role: 'STAFF' },
      ];
      const get = await t.http().get('/API/User/RoleMembership/list?roleName=AUDITORS').set('Authorization', annAuth).expect(200);
      expect(get.body).toEqual({ memberships: expected });
      const form = await t.http().post('/API/User/RoleMembership/list').set('Authorization', annAuth).type('form').send({ roleName: 'auditors' }).expect(200);
      expect(form.body).toEqual({ memberships: expected });
      const json = await t.http().post('/API/User/RoleMembership/list').set('Authorization', t.adminBasic).send({ roleId: auditors }).expect(200);
      expect(json.body).toEqual({ memberships: expected });
    });

    it('uses roleId when both are given, and lists an INACTIVE role\'s members', async () => {
      const res = await t.http().get('/API/User/RoleMembership/list').query({ roleId: String(approvers), roleName: 'Auditors' }).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ memberships: [{ quserId: ann.id, qgroupId: approvers, role: 'STAFF' }] });
    });

    it('answers the memberships of the caller\'s tenant only', async () => {
      const res = await t.http().get(`/API/User/RoleMembership/list?roleId=${otherTenantRole}`).set('Authorization', annAuth).expect(400);
      expect(res.body.errors).toEqual([{ type: 'QroleDoesNotExist', name: 'roleId', value: String(otherTenantRole), message: `Group ${otherTenantRole} does not exist` }]);
    });

    it.each([
      ['', { type: 'Validation', name: 'roleId', value: null, message: 'One of roleId, roleName is required' }],
      ['roleId=&roleName=', { type: 'Validation', name: 'roleId', value: null, message: 'One of roleId, roleName is required' }],
      ['roleId=abc', { type: 'InvalidId', name: 'roleId', value: 'abc', message: 'roleId must be a positive integer id' }],
      ['roleId=999999', { type: 'QroleDoesNotExist', name: 'roleId', value: '999999', message: 'Group 999999 does not exist' }],
      ['roleName=Sales', { type: 'QroleDoesNotExist', name: 'roleName', value: 'Sales', message: 'Group Sales does not exist' }],
      ['roleName=Audit', { type: 'QroleDoesNotExist', name: 'roleName', value: 'Audit', message: 'Group Audit does not exist' }],
      [`roleName=${'r'.repeat(256)}`, { type: 'InvalidName', name: 'roleName', value: 'r'.repeat(256), message: 'roleName must be a text of at most 255 characters' }],
      ['role=LEADER', { type: 'Validation', name: 'role', value: 'LEADER', message: 'property role should not exist' }],
    ])('list?%s answers 400 with the ErrorEntry, and nothing changes', async (qs, entry) => {
      const before = await groupSnapshot(t);
      const res = await t.http().get(`/API/User/RoleMembership/list?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [entry] });
      expect(await groupSnapshot(t)).toEqual(before);
    });

    it('does not take an organization (functional group) as a role', async () => {
      const res = await t.http().get(`/API/User/RoleMembership/list?roleId=${sales}`).set('Authorization', annAuth).expect(400);
      expect(res.body.errors[0]).toMatchObject({ type: 'QroleDoesNotExist', name: 'roleId', value: String(sales) });
    });
  });

  it('documents RoleMembership/list and qgroupId in the questetra OpenAPI document', async () => {
    const res = await t.http().get('/docs/questetra-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    expect(Object.keys(paths['/API/User/RoleMembership/list'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(paths['/API/User/RoleMembership/list']!.get!.parameters!.map((p) => p.name)).toEqual(['roleId', 'roleName']);
    expect(paths['/API/User/Quser/list']!.get!.parameters!.map((p) => p.name)).toContain('qgroupId');
  });
});
