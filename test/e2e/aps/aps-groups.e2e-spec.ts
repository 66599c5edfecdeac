import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, APS_DATE, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

describe('aps groups: admin/groups, the group picker and profile groups', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let plain: CreatedUser;

  const http = () => t.http();
  const admin = () => t.adminBasic;
  const create = async (body: Json): Promise<Json> =>
    (await http().post(`${API}/admin/groups`).set('Authorization', admin()).send(body).expect(200)).body as Json;
  const details = async (id: unknown, query = ''): Promise<Json> =>
    (await http().get(`${API}/admin/groups/${String(id)}${query}`).set('Authorization', admin()).expect(200)).body as Json;
  const addMember = async (groupId: unknown, userId: unknown): Promise<void> => {
    await http().post(`${API}/admin/groups/${String(groupId)}/members/${String(userId)}`).set('Authorization', admin()).expect(200);
  };
  /** Everything a refused request must leave untouched. */
  const snapshot = async (): Promise<unknown> => ({
    groups: await sql(t, `SELECT id::text, tenant_id::text, title, kind, parent_id::text, status FROM org_structure.groups ORDER BY id`),
    members: await sql(t, `SELECT group_id::text, user_id::text, member_group_id::text FROM org_structure.group_members ORDER BY id`),
    capabilities: await sql(t, `SELECT group_id::text, capability FROM org_structure.group_capabilities ORDER BY id`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob@example.com' });
    plain = await createUser(t, { firstName: 'Plain', lastName: 'User', email: 'plain@example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('create, read, update, delete', () => {
    let engineering: Json;

    it('POST admin/groups creates a functional group (default type 1) and answers the group object of seed 004', async () => {
      engineering = await create({ name: 'Engineering', tenantId: 1, type: 1 });
      expect(engineering).toEqual({
        id: expect.any(Number),
        name: 'Engineering',
        tenantId: 1,
        type: 1,
        parentGroupId: null,
        externalId: null,
        status: 'active',
        lastSyncTimeStamp: null,
        userCount: 0,
        capabilities: [],
        users: [],
        groups: [],
      });
      expect(await details(engineering.id)).toEqual(engineering);
      expect((await create({ name: 'Without type' })).type).toBe(1);
    });

    it('a system group (type 0) and a functional sub-group; the parent lists its sub-groups', async () => {
      const system = await create({ name: 'analytics-users', type: 0, externalId: 'ext-Analytics' });
      expect(system).toMatchObject({ type: 0, parentGroupId: null, externalId: 'ext-Analytics', capabilities: [] });
      const backend = await create({ name: 'Backend', type: 1, parentGroupId: engineering.id });
      expect(backend).toMatchObject({ type: 1, parentGroupId: engineering.id });
      const parent = await details(engineering.id);
      expect(parent.groups).toEqual([
        {
          id: backend.id,
          name: 'Backend',
          tenantId: 1,
          type: 1,
          parentGroupId: engineering.id,
          externalId: null,
          status: 'active',
          lastSyncTimeStamp: null,
          userCount: 0,
          capabilities: null,
          users: null,
          groups: null,
        },
      ]);
    });

    it('GET admin/groups lists every group by name with nothing loaded; functional=true leaves system groups out', async () => {
      const all = (await http().get(`${API}/admin/groups`).set('Authorization', admin()).expect(200)).body as { size: number; total: number; start: number; data: Json[] };
      expect(all).toMatchObject({ start: 0, size: all.data.length, total: all.data.length });
      expect(all.data.map((g) => g.name)).toEqual(['analytics-users', 'Backend', 'Engineering', 'Without type']);
      for (const g of all.data) expect(g).toMatchObject({ capabilities: null, users: null, groups: null, status: 'active' });
      const functional = (await http().get(`${API}/admin/groups?functional=true&summary=false`).set('Authorization', admin()).expect(200)).body as { data: Json[] };
      expect(functional.data.map((g) => g.name)).toEqual(['Backend', 'Engineering', 'Without type']);
      const everything = (await http().get(`${API}/admin/groups?functional=false`).set('Authorization', admin()).expect(200)).body as { data: Json[] };
      expect(everything.data).toHaveLength(4);
    });

    it('PUT admin/groups/{id} renames (and may move a functional group); DELETE removes it, its sub-groups become top-level', async () => {
      const ops = await create({ name: 'Ops' });
      const renamed = (await http().put(`${API}/admin/groups/${String(ops.id)}`).set('Authorization', admin()).send({ name: 'Operations' }).expect(200)).body as Json;
      expect(renamed).toMatchObject({ id: ops.id, name: 'Operations', parentGroupId: null });
      const moved = (await http().put(`${API}/admin/groups/${String(ops.id)}`).set('Authorization', admin()).send({ parentGroupId: engineering.id }).expect(200)).body as Json;
      expect(moved).toMatchObject({ name: 'Operations', parentGroupId: engineering.id });
      const sre = await create({ name: 'SRE', parentGroupId: ops.id });
      await addMember(ops.id, bob.id);
      await http().delete(`${API}/admin/groups/${String(ops.id)}`).set('Authorization', admin()).expect(200);
      await http().get(`${API}/admin/groups/${String(ops.id)}`).set('Authorization', admin()).expect(404);
      expect((await details(sre.id)).parentGroupId).toBeNull();
      expect(await sql(t, `SELECT 1 FROM org_structure.group_members WHERE group_id = $1`, [ops.id])).toEqual([]);
    });
  });

  describe('members', () => {
    let team: Json;

    beforeAll(async () => {
      team = await create({ name: 'Team' });
    });

    it('POST and DELETE admin/groups/{id}/members/{userId}; the details list full users as seed 004', async () => {
      await addMember(team.id, bob.id);
      await addMember(team.id, alice.id);
      const group = await details(team.id);
      expect(group.userCount).toBe(2);
      expect((group.users as Json[]).map((u) => u.id)).toEqual([alice.id, bob.id]);
      expect((group.users as Json[])[0]).toEqual({
        id: alice.id,
        tenantId: 1,
        firstName: 'Alice',
        lastName: 'Archer',
        fullname: 'Alice Archer',
        email: 'alice@example.com',
        password: null,
        type: 'enterprise',
        company: null,
        externalId: null,
        capabilities: null,
        tenantPictureId: null,
        pictureId: null,
        created: expect.stringMatching(APS_DATE),
        lastUpdate: expect.stringMatching(APS_DATE),
        latestSyncTimeStamp: null,
        tenantName: null,
        status: 'active',
        groups: null,
      });
      await http().delete(`${API}/admin/groups/${String(team.id)}/members/${String(bob.id)}`).set('Authorization', admin()).expect(200);
      expect(((await details(team.id)).users as Json[]).map((u) => u.id)).toEqual([alice.id]);
      await addMember(team.id, bob.id);
    });

    it('includeAllUsers=false leaves users out (null, with userCount); admin/groups/{id}/users pages by page/pageSize', async () => {
      const group = await details(team.id, '?includeAllUsers=false');
      expect(group).toMatchObject({ users: null, userCount: 2, capabilities: [], groups: [] });
      expect((await details(team.id, '?includeAllUsers=true')).users).toHaveLength(2);
      expect(await details(team.id, '?summary=true')).toMatchObject({ users: null, capabilities: null, groups: null });
      const page1 = (await http().get(`${API}/admin/groups/${String(team.id)}/users?page=1&pageSize=1`).set('Authorization', admin()).expect(200)).body;
      expect(page1).toEqual({ size: 1, total: 2, start: 1, data: [{ id: bob.id, firstName: 'Bob', lastName: 'Baker', email: 'bob@example.com' }] });
      const all = (await http().get(`${API}/admin/groups/${String(team.id)}/users`).set('Authorization', admin()).expect(200)).body as Json;
      expect(all).toMatchObject({ size: 2, total: 2, start: 0 });
      const filtered = (await http().get(`${API}/admin/groups/${String(team.id)}/users?filter=ALI`).set('Authorization', admin()).expect(200)).body as { data: Json[] };
      expect(filtered.data.map((u) => u.id)).toEqual([alice.id]);
      await http().get(`${API}/admin/groups/${String(team.id)}/users?page=-1`).set('Authorization', admin()).expect(400);
      await http().get(`${API}/admin/groups/${String(team.id)}/users?size=5`).set('Authorization', admin()).expect(400);
    });

    it('GET profile shows the groups the user is a direct member of, as seed 004', async () => {
      const fresh = await createUser(t, { firstName: 'Pro', lastName: 'File' });
      expect((await http().get(`${API}/profile`).set('Authorization', fresh.auth).expect(200)).body.groups).toEqual([]);
      const sys = await create({ name: 'profile-system', type: 0 });
      await addMember(team.id, fresh.id);
      await addMember(sys.id, fresh.id);
      const profile = (await http().get(`${API}/profile`).set('Authorization', fresh.auth).expect(200)).body as Json;
      expect(profile.groups).toEqual([
        { id: sys.id, name: 'profile-system', tenantId: 1, type: 0, parentGroupId: null, externalId: null, status: 'active', lastSyncTimeStamp: null, capabilities: null, users: null, groups: null },
        { id: team.id, name: 'Team', tenantId: 1, type: 1, parentGroupId: null, externalId: null, status: 'active', lastSyncTimeStamp: null, capabilities: null, users: null, groups: null },
      ]);
      await http().delete(`${API}/admin/groups/${String(team.id)}/members/${String(fresh.id)}`).set('Authorization', admin()).expect(200);
      const after = (await http().get(`${API}/profile`).set('Authorization', fresh.auth).expect(200)).body as { groups: Json[] };
      expect(after.groups.map((g) => g.name)).toEqual(['profile-system']);
    });
  });

  describe('the picker: groups and groups/{id}/users', () => {
    let sales: Json;

    beforeAll(async () => {
      sales = await create({ name: 'Sales', externalId: 'CN=Sales' });
      await create({ name: 'Sales archive', status: 'inactive' });
      await create({ name: 'sales-admins', type: 0 });
      await addMember(sales.id, alice.id);
    });

    it('any signed-in user lists active functional groups as {size,total,start,data} of {id, name, externalId}', async () => {
      const res = (await http().get(`${API}/groups?filter=sal`).set('Authorization', plain.auth).expect(200)).body;
      expect(res).toEqual({ size: 1, total: 1, start: 0, data: [{ id: sales.id, name: 'Sales', externalId: 'CN=Sales' }] });
      const all = (await http().get(`${API}/groups`).set('Authorization', plain.auth).expect(200)).body as { data: Json[] };
      expect(all.data.every((g) => Object.keys(g).sort().join() === 'externalId,id,name')).toBe(true);
      expect(all.data.map((g) => g.name)).not.toContain('sales-admins');
      const paged = (await http().get(`${API}/groups?size=1&page=1`).set('Authorization', plain.auth).expect(200)).body as Json;
      expect(paged).toMatchObject({ size: 1, start: 1, total: all.data.length });
    });

    it('externalId matches exactly, externalIdCaseInsensitive ignoring case', async () => {
      const exact = (await http().get(`${API}/groups?externalId=CN%3DSales`).set('Authorization', plain.auth).expect(200)).body as { data: Json[] };
      expect(exact.data.map((g) => g.id)).toEqual([sales.id]);
      const wrongCase = (await http().get(`${API}/groups?externalId=cn%3Dsales`).set('Authorization', plain.auth).expect(200)).body as { data: Json[] };
      expect(wrongCase.data).toEqual([]);
      const insensitive = (await http().get(`${API}/groups?externalIdCaseInsensitive=cn%3Dsales`).set('Authorization', plain.auth).expect(200)).body as { data: Json[] };
      expect(insensitive.data.map((g) => g.id)).toEqual([sales.id]);
    });

    it('groups/{id}/users answers the members as {id, firstName, lastName, email}', async () => {
      const res = (await http().get(`${API}/groups/${String(sales.id)}/users`).set('Authorization', plain.auth).expect(200)).body;
      expect(res).toEqual({ size: 1, total: 1, start: 0, data: [{ id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice@example.com' }] });
      expectApsError((await http().get(`${API}/groups/999999/users`).set('Authorization', plain.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'groupId');
      expectApsError((await http().get(`${API}/groups/abc/users`).set('Authorization', plain.auth).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'groupId');
    });
  });

  describe('capabilities', () => {
    it('potential-capabilities, add and remove; a system group\'s capability is its members\' permission from the next request on', async () => {
      const admins = await create({ name: 'tenant-admins', type: 0 });
      const potential = (await http().get(`${API}/admin/groups/${String(admins.id)}/potential-capabilities`).set('Authorization', admin()).expect(200)).body as { data: string[]; size: number; total: number };
      expect(potential.data).toEqual(expect.arrayContaining(['tenant-admin', 'access-reports']));
      expect(potential.size).toBe(potential.data.length);

      const worker = await createUser(t, { firstName: 'Will', lastName: 'Worker' });
      await http().get(`${API}/admin/users`).set('Authorization', worker.auth).expect(403);
      await addMember(admins.id, worker.id);
      await http().get(`${API}/admin/users`).set('Authorization', worker.auth).expect(403);

      await http().post(`${API}/admin/groups/${String(admins.id)}/capabilities`).set('Authorization', admin()).send({ capabilities: ['tenant-admin'] }).expect(200);
      const group = await details(admins.id);
      expect(group.capabilities).toEqual([{ id: expect.any(Number), name: 'tenant-admin' }]);
      const afterAdd = (await http().get(`${API}/admin/groups/${String(admins.id)}/potential-capabilities`).set('Authorization', admin()).expect(200)).body as { data: string[] };
      expect(afterAdd.data).not.toContain('tenant-admin');

      await http().get(`${API}/admin/users`).set('Authorization', worker.auth).expect(200);
      expect((await http().get(`${API}/profile`).set('Authorization', worker.auth).expect(200)).body.capabilities).toContain('tenant-admin');

      const capabilityId = (group.capabilities as Json[])[0]!.id as number;
      await http().delete(`${API}/admin/groups/${String(admins.id)}/capabilities/${capabilityId}`).set('Authorization', admin()).expect(200);
      await http().get(`${API}/admin/users`).set('Authorization', worker.auth).expect(403);
      expect((await details(admins.id)).capabilities).toEqual([]);
      expectApsError(
        (await http().delete(`${API}/admin/groups/${String(admins.id)}/capabilities/${capabilityId}`).set('Authorization', admin()).expect(404)).body,
        'GENERAL.ERROR.NOT-FOUND',
        'groupCapabilityId',
      );
    });

    it('a functional group has no potential capabilities', async () => {
      const unit = await create({ name: 'Unit' });
      const res = (await http().get(`${API}/admin/groups/${String(unit.id)}/potential-capabilities`).set('Authorization', admin()).expect(200)).body;
      expect(res).toEqual({ size: 0, total: 0, start: 0, data: [] });
    });
  });

  describe('bad input: a 4xx naming the field, and nothing changed', () => {
    let parent: Json;
    let child: Json;
    let grandchild: Json;
    let system: Json;
    let foreign: Json;

    beforeAll(async () => {
      parent = await create({ name: 'Cycle parent' });
      child = await create({ name: 'Cycle child', parentGroupId: parent.id });
      grandchild = await create({ name: 'Cycle grandchild', parentGroupId: child.id });
      system = await create({ name: 'Bad-input system', type: 0 });
      const tenant = (await http().post(`${API}/admin/tenants`).set('Authorization', admin()).send({ name: 'Other tenant' }).expect(200)).body as Json;
      foreign = await create({ name: 'Foreign', tenantId: tenant.id });
      expect(foreign.tenantId).toBe(tenant.id);
      await addMember(parent.id, alice.id);
    });

    const post = (path: string, body?: unknown) => () => http().post(`${API}${path}`).set('Authorization', admin()).send(body as object);
    const put = (path: string, body: unknown) => () => http().put(`${API}${path}`).set('Authorization', admin()).send(body as object);
    const del = (path: string) => () => http().delete(`${API}${path}`).set('Authorization', admin());
    const get = (path: string) => () => http().get(`${API}${path}`).set('Authorization', admin());
    const id = (g: () => Json) => String(g().id);

    it.each([
      ['missing name', () => post('/admin/groups', { type: 1 })(), 400, 'name'],
      ['empty name', () => post('/admin/groups', { name: '' })(), 400, 'name'],
      ['name not a string', () => post('/admin/groups', { name: 42 })(), 400, 'name'],
      ['duplicate name (any case)', () => post('/admin/groups', { name: 'cycle PARENT' })(), 409, 'name'],
      ['duplicate name on rename', () => put(`/admin/groups/${id(() => child)}`, { name: 'Cycle parent' })(), 409, 'name'],
      ['unknown type', () => post('/admin/groups', { name: 'Typed', type: 2 })(), 400, 'type'],
      ['unknown parentGroupId', () => post('/admin/groups', { name: 'Orphan', parentGroupId: 999999 })(), 400, 'parentGroupId'],
      ['parentGroupId of another tenant', () => post('/admin/groups', { name: 'Smuggled', parentGroupId: foreign.id })(), 400, 'parentGroupId'],
      ['malformed parentGroupId', () => post('/admin/groups', { name: 'Bad parent', parentGroupId: 'x' })(), 400, 'parentGroupId'],
      ['a system group with a parent', () => post('/admin/groups', { name: 'Nested system', type: 0, parentGroupId: parent.id })(), 400, 'parentGroupId'],
      ['a functional group under a system group', () => post('/admin/groups', { name: 'Under system', parentGroupId: system.id })(), 400, 'parentGroupId'],
      ['a cycle: parent made child of its grandchild', () => put(`/admin/groups/${id(() => parent)}`, { parentGroupId: grandchild.id })(), 400, 'parentGroupId'],
      ['a group its own parent', () => put(`/admin/groups/${id(() => parent)}`, { parentGroupId: parent.id })(), 400, 'parentGroupId'],
      ['a system group moved under a parent', () => put(`/admin/groups/${id(() => system)}`, { parentGroupId: parent.id })(), 400, 'parentGroupId'],
      ['unknown field on update', () => put(`/admin/groups/${id(() => parent)}`, { name: 'X', color: 'red' })(), 400, 'color'],
      ['update an unknown group', () => put('/admin/groups/999999', { name: 'Ghost' })(), 404, 'groupId'],
      ['update a malformed id', () => put('/admin/groups/abc', { name: 'Ghost' })(), 400, 'groupId'],
      ['delete an unknown group', () => del('/admin/groups/999999')(), 404, 'groupId'],
      ['delete a malformed id', () => del('/admin/groups/0')(), 400, 'groupId'],
      ['capabilities on a functional group', () => post(`/admin/groups/${id(() => parent)}/capabilities`, { capabilities: ['access-reports'] })(), 400, 'groupId'],
      ['an unknown capability', () => post(`/admin/groups/${id(() => system)}/capabilities`, { capabilities: ['access-reports', 'fly'] })(), 400, 'capabilities'],
      ['capabilities not an array', () => post(`/admin/groups/${id(() => system)}/capabilities`, { capabilities: 'access-reports' })(), 400, 'capabilities'],
      ['no capabilities', () => post(`/admin/groups/${id(() => system)}/capabilities`, { capabilities: [] })(), 400, 'capabilities'],
      ['a malformed capability id', () => del(`/admin/groups/${id(() => system)}/capabilities/x`)(), 400, 'groupCapabilityId'],
      ['adding a missing user', () => post(`/admin/groups/${id(() => parent)}/members/999999`)(), 404, 'userId'],
      ['adding a malformed user id', () => post(`/admin/groups/${id(() => parent)}/members/bob`)(), 400, 'userId'],
      ['adding a member twice', () => post(`/admin/groups/${id(() => parent)}/members/${String(alice.id)}`)(), 409, 'userId'],
      ['adding to an unknown group', () => post(`/admin/groups/999999/members/${String(alice.id)}`)(), 404, 'groupId'],
      ['removing a user who is not a member', () => del(`/admin/groups/${id(() => parent)}/members/${String(bob.id)}`)(), 404, 'userId'],
      ['users of a malformed group id', () => get('/admin/groups/1.5/users')(), 400, 'groupId'],
      ['functional not a boolean', () => get('/admin/groups?functional=yes')(), 400, 'functional'],
      ['includeAllUsers not a boolean', () => get(`/admin/groups/${id(() => parent)}?includeAllUsers=maybe`)(), 400, 'includeAllUsers'],
    ] as const)('%s', async (_name, call, status, field) => {
      const before = await snapshot();
      const res = await call();
      expect(res.status).toBe(status);
      expectApsError(res.body, res.status === 409 ? 'GENERAL.ERROR.CONFLICT' : res.status === 404 ? 'GENERAL.ERROR.NOT-FOUND' : 'GENERAL.ERROR.BAD-REQUEST', field);
      expect(await snapshot()).toEqual(before);
    });

    it('401 without credentials, 403 for users who are not tenant admins, on every admin operation', async () => {
      const g = String(parent.id);
      const calls: Array<[string, string, object?]> = [
        ['get', '/admin/groups'],
        ['get', `/admin/groups/${g}`],
        ['post', '/admin/groups', { name: 'Intruders' }],
        ['put', `/admin/groups/${g}`, { name: 'Hijacked' }],
        ['delete', `/admin/groups/${g}`],
        ['post', `/admin/groups/${g}/members/${String(plain.id)}`],
        ['delete', `/admin/groups/${g}/members/${String(alice.id)}`],
        ['get', `/admin/groups/${g}/users`],
        ['get', `/admin/groups/${g}/potential-capabilities`],
        ['post', `/admin/groups/${String(system.id)}/capabilities`, { capabilities: ['tenant-admin'] }],
        ['delete', `/admin/groups/${String(system.id)}/capabilities/1`],
      ];
      const before = await snapshot();
      for (const [method, path, body] of calls) {
        const anonymous = await http()[method as 'get'](`${API}${path}`).send(body);
        expect([path, anonymous.status]).toEqual([path, 401]);
        expectApsError(anonymous.body, 'GENERAL.ERROR.UNAUTHORIZED');
        const denied = await http()[method as 'get'](`${API}${path}`).set('Authorization', plain.auth).send(body);
        expect([path, denied.status]).toEqual([path, 403]);
        expectApsError(denied.body, 'GENERAL.ERROR.FORBIDDEN');
      }
      await http().get(`${API}/groups`).expect(401);
      await http().get(`${API}/groups/${g}/users`).expect(401);
      expect(await snapshot()).toEqual(before);
    });

    it('a tenant admin manages groups of their tenant only; tenantId of another tenant needs a tenant manager', async () => {
      const tenantAdmin = await createTenantAdmin(t);
      const own = (await http().post(`${API}/admin/groups`).set('Authorization', tenantAdmin.auth).send({ name: 'Admin-made' }).expect(200)).body as Json;
      expect(own.tenantId).toBe(1);
      const before = await snapshot();
      expectApsError(
        (await http().post(`${API}/admin/groups`).set('Authorization', tenantAdmin.auth).send({ name: 'Elsewhere', tenantId: foreign.tenantId }).expect(403)).body,
        'GENERAL.ERROR.FORBIDDEN',
      );
      await http().get(`${API}/admin/groups?tenantId=${String(foreign.tenantId)}`).set('Authorization', tenantAdmin.auth).expect(403);
      expect(await snapshot()).toEqual(before);
      const managed = (await http().get(`${API}/admin/groups?tenantId=${String(foreign.tenantId)}`).set('Authorization', admin()).expect(200)).body as { data: Json[] };
      expect(managed.data.map((g) => g.name)).toEqual(['Foreign']);
    });

    it('a tenant admin reaches no group of another tenant by id: 404 on every operation, nothing changed', async () => {
      const tenantAdmin = await createTenantAdmin(t);
      const g = String(foreign.id);
      const before = await snapshot();
      const calls: Array<[string, string, object?]> = [
        ['get', `/admin/groups/${g}`],
        ['put', `/admin/groups/${g}`, { name: 'Taken over' }],
        ['delete', `/admin/groups/${g}`],
        ['post', `/admin/groups/${g}/members/${String(alice.id)}`],
        ['delete', `/admin/groups/${g}/members/${String(alice.id)}`],
        ['get', `/admin/groups/${g}/users`],
        ['get', `/admin/groups/${g}/potential-capabilities`],
        ['post', `/admin/groups/${g}/capabilities`, { capabilities: ['access-reports'] }],
        ['delete', `/admin/groups/${g}/capabilities/1`],
      ];
      for (const [method, path, body] of calls) {
        const res = await http()[method as 'get'](`${API}${path}`).set('Authorization', tenantAdmin.auth).send(body);
        expect([method, path, res.status]).toEqual([method, path, 404]);
        expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND', 'groupId');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('a tenant manager reaches a group of another tenant by id, acting in that group\'s tenant', async () => {
      const auth = admin();
      const tenantId = foreign.tenantId as number;
      const group = (await http().post(`${API}/admin/groups`).set('Authorization', auth).send({ name: 'Far away', type: 0, tenantId }).expect(200)).body as Json;
      const g = String(group.id);
      const local = await createUser(t, { tenantId });
      const got = (await http().get(`${API}/admin/groups/${g}`).set('Authorization', auth).expect(200)).body as Json;
      expect(got).toMatchObject({ id: group.id, name: 'Far away', tenantId, users: [], capabilities: [] });

      const renamed = (await http().put(`${API}/admin/groups/${g}`).set('Authorization', auth).send({ name: 'Farther' }).expect(200)).body as Json;
      expect(renamed).toMatchObject({ id: group.id, name: 'Farther', tenantId });

      // Members come from the group's tenant: a user of the caller's tenant is unknown there.
      await http().post(`${API}/admin/groups/${g}/members/${String(local.id)}`).set('Authorization', auth).expect(200);
      expectApsError((await http().post(`${API}/admin/groups/${g}/members/${String(alice.id)}`).set('Authorization', auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'userId');
      const users = (await http().get(`${API}/admin/groups/${g}/users`).set('Authorization', auth).expect(200)).body as { total: number; data: Json[] };
      expect(users.data.map((u) => u.id)).toEqual([local.id]);

      const potential = (await http().get(`${API}/admin/groups/${g}/potential-capabilities`).set('Authorization', auth).expect(200)).body as { data: string[] };
      expect(potential.data).toContain('access-reports');
      await http().post(`${API}/admin/groups/${g}/capabilities`).set('Authorization', auth).send({ capabilities: ['access-reports'] }).expect(200);
      const withCapability = (await http().get(`${API}/admin/groups/${g}`).set('Authorization', auth).expect(200)).body as { capabilities: Json[] };
      expect(withCapability.capabilities).toEqual([{ id: expect.any(Number), name: 'access-reports' }]);
      await http().delete(`${API}/admin/groups/${g}/capabilities/${String(withCapability.capabilities[0]!.id)}`).set('Authorization', auth).expect(200);

      await http().delete(`${API}/admin/groups/${g}/members/${String(local.id)}`).set('Authorization', auth).expect(200);
      await http().delete(`${API}/admin/groups/${g}`).set('Authorization', auth).expect(200);
      await http().get(`${API}/admin/groups/${g}`).set('Authorization', auth).expect(404);
      expect(await sql(t, `SELECT id FROM org_structure.groups WHERE id = $1`, [group.id])).toEqual([]);
    });
  });
});
