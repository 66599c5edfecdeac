import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import {
  API,
  auth,
  createUser,
  documentedFields,
  expect422,
  expectStatusMessage,
  GROUP_MODEL,
  ISO_MS,
  type Pm4Group,
  type Pm4ListBody,
  type Pm4Membership,
  USER_MODEL,
} from './pm4-support.js';

describe('pm4 group members: /api/1.0/group_members, group_members_available, user_members_available', () => {
  let t: TestApp;
  let jane: number;
  let sam: number;

  const as = () => t.adminBasic;
  const group = async (name: string): Promise<Pm4Group> =>
    (await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name }).expect(201)).body as Pm4Group;
  const add = (body: Record<string, unknown>) => t.http().post(`${API}/group_members`).set('Authorization', as()).send(body);
  /** Adds a member; answers the membership as GET group_members/{id} shows it (without group and member). */
  const join = async (groupId: number, type: string, memberId: number): Promise<Pm4Membership> => {
    const { group: _g, member: _m, ...plain } = (await add({ group_id: groupId, member_type: type, member_id: memberId }).expect(201)).body as Pm4Membership & {
      group: unknown;
      member: unknown;
    };
    return plain;
  };
  const memberships = async (query = ''): Promise<Pm4ListBody<Pm4Membership>> =>
    (await t.http().get(`${API}/group_members${query}`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Membership>;
  const rowCount = async (): Promise<number> => Number((await sql<{ n: string }>(t, `SELECT count(*) AS n FROM org_structure.group_members`))[0]!.n);
  const availableGroups = async (query: string): Promise<string[]> =>
    ((await t.http().get(`${API}/group_members_available${query}`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>).data.map((g) => g.name);

  beforeAll(async () => {
    t = await startTestApp();
    jane = await createUser(t, 'jane');
    sam = await createUser(t, 'sam');
    await createUser(t, 'oscar');
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST answers 201 with the membership, its group and its member; member_type is always the model class', async () => {
    const g = await group('Accounting');
    const res = await add({ group_id: g.id, member_type: 'user', member_id: jane, description: 'bookkeeper' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      group_id: g.id,
      member_id: jane,
      member_type: USER_MODEL,
      description: 'bookkeeper',
      created_at: expect.stringMatching(ISO_MS),
      updated_at: expect.stringMatching(ISO_MS),
      group: { ...g, updated_at: expect.stringMatching(ISO_MS) },
      member: { id: jane, username: 'jane', email: 'jane@example.com', firstname: 'First jane', lastname: 'Last jane', fullname: 'First jane Last jane', status: 'ACTIVE' },
    });
    const created = res.body as Pm4Membership & { group: unknown; member: unknown };
    expect(Object.keys(created).sort()).toEqual(await documentedFields(t, 'Pm4CreatedGroupMemberResponse'));
    const { group: _g, member: _m, ...plain } = created;
    const fetched = await t.http().get(`${API}/group_members/${created.id}`).set('Authorization', as());
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(plain);
    expect(Object.keys(plain).sort()).toEqual(await documentedFields(t, 'Pm4GroupMemberResponse'));

    // String ids and the class name are accepted as well; a group member carries the group.
    const sub = await group('Auditors');
    const nested = await add({ group_id: String(g.id), member_type: GROUP_MODEL, member_id: String(sub.id) });
    expect(nested.status).toBe(201);
    expect(nested.body).toMatchObject({ group_id: g.id, member_id: sub.id, member_type: GROUP_MODEL, description: null, member: { id: sub.id, name: 'Auditors' } });
  });

  it('lists memberships by id, filtered by group_id, member_id with member_type, or member_type alone, with paging meta', async () => {
    const a = await group('Filter A');
    const b = await group('Filter B');
    const m1 = await join(a.id, USER_MODEL, jane);
    const m2 = await join(a.id, USER_MODEL, sam);
    const m3 = await join(b.id, USER_MODEL, jane);
    const m4 = await join(a.id, GROUP_MODEL, b.id);
    expect((await memberships(`?group_id=${a.id}`)).data.map((m) => m.id)).toEqual([m1.id, m2.id, m4.id]);
    const janes = (await memberships(`?member_id=${jane}&member_type=user`)).data;
    expect(janes.map((m) => m.id)).toEqual(expect.arrayContaining([m1.id, m3.id]));
    expect(janes.every((m) => m.member_id === jane && m.member_type === USER_MODEL)).toBe(true);
    expect((await memberships(`?member_id=${jane}&member_type=user&group_id=${b.id}`)).data.map((m) => m.id)).toEqual([m3.id]);
    expect((await memberships(`?group_id=${a.id}&member_type=${encodeURIComponent(GROUP_MODEL)}`)).data).toEqual([m4]);
    const page = await memberships(`?group_id=${a.id}&per_page=2&page=2`);
    expect(page).toEqual({
      data: [m4],
      meta: {
        filter: '',
        sort_by: 'id',
        sort_order: 'asc',
        count: 1,
        total_pages: 2,
        current_page: 2,
        from: 3,
        last_page: 2,
        path: `${t.baseUrl}${API}/group_members`,
        per_page: 2,
        to: 3,
        total: 3,
      },
    });
    expect422(await t.http().get(`${API}/group_members?member_id=${jane}`).set('Authorization', as()), { member_type: /required when member id/ });
    expect422(await t.http().get(`${API}/group_members?member_type=robot`).set('Authorization', as()), { member_type: 'The selected member type is invalid.' });
    expect422(await t.http().get(`${API}/group_members?group_id=abc`).set('Authorization', as()), { group_id: /integer/ });
  });

  it('refuses bad input with 422 naming the field, and adds nothing', async () => {
    const g = await group('Strict');
    const before = await rowCount();
    const missing = await add({});
    expect422(missing, { group_id: 'The group id field is required.', member_type: 'The member type field is required.', member_id: 'The member id field is required.' });
    expect422(await add({ group_id: g.id, member_type: 'robot', member_id: jane }), { member_type: 'The selected member type is invalid.' });
    expect422(await add({ group_id: g.id, member_type: USER_MODEL, member_id: 999999 }), { member_id: 'The selected member id is invalid.' });
    expect422(await add({ group_id: g.id, member_type: GROUP_MODEL, member_id: 999999 }), { member_id: 'The selected member id is invalid.' });
    expect422(await add({ group_id: 999999, member_type: USER_MODEL, member_id: jane }), { group_id: 'The selected group id is invalid.' });
    expect422(await add({ group_id: g.id, member_type: USER_MODEL, member_id: 'x' }), { member_id: /integer/ });
    expect422(await add({ group_id: 'one', member_type: USER_MODEL, member_id: jane }), { group_id: /integer/ });
    expect(await rowCount()).toBe(before);
  });

  it('refuses a duplicate membership with 422', async () => {
    const g = await group('Once');
    await join(g.id, USER_MODEL, sam);
    const before = await rowCount();
    expect422(await add({ group_id: g.id, member_type: 'user', member_id: sam }), { member_id: /already a member/ });
    expect(await rowCount()).toBe(before);
  });

  it('refuses a group as its own member and a cycle through nested groups with 422, changing nothing', async () => {
    const top = await group('Top');
    const middle = await group('Middle');
    const bottom = await group('Bottom');
    await join(top.id, GROUP_MODEL, middle.id);
    await join(middle.id, GROUP_MODEL, bottom.id);
    const before = await rowCount();
    expect422(await add({ group_id: top.id, member_type: GROUP_MODEL, member_id: top.id }), { member_id: /cannot contain itself/ });
    expect422(await add({ group_id: bottom.id, member_type: GROUP_MODEL, member_id: top.id }), { member_id: /cycle/ });
    expect422(await add({ group_id: middle.id, member_type: 'group', member_id: top.id }), { member_id: /cycle/ });
    expect(await rowCount()).toBe(before);
    const underBottom = (await t.http().get(`${API}/groups/${bottom.id}/groups`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>;
    expect(underBottom.data).toEqual([]);
  });

  it('DELETE answers 204 with no body; the member leaves; unknown and malformed ids are 404', async () => {
    const g = await group('Leavers');
    const m = await join(g.id, USER_MODEL, jane);
    const res = await t.http().delete(`${API}/group_members/${m.id}`).set('Authorization', as());
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const gone = `No query results for model [ProcessMaker\\Models\\GroupMember] ${m.id}`;
    expectStatusMessage(await t.http().delete(`${API}/group_members/${m.id}`).set('Authorization', as()), 404, gone);
    expectStatusMessage(await t.http().get(`${API}/group_members/${m.id}`).set('Authorization', as()), 404, gone);
    expectStatusMessage(await t.http().get(`${API}/group_members/zz`).set('Authorization', as()), 404, /GroupMember\] zz/);
    expect(((await t.http().get(`${API}/groups/${g.id}/users`).set('Authorization', as()).expect(200)).body as Pm4ListBody<unknown>).data).toEqual([]);
  });

  it('group_members_available: groups a user or group may still join, never itself, a group below it or one it is in', async () => {
    await sql(t, `DELETE FROM org_structure.groups`);
    const top = await group('Av Top');
    const middle = await group('Av Middle');
    const bottom = await group('Av Bottom');
    const other = await group('Av Other');
    await join(top.id, GROUP_MODEL, middle.id);
    await join(middle.id, GROUP_MODEL, bottom.id);
    await join(other.id, USER_MODEL, jane);
    expect(await availableGroups(`?member_id=${middle.id}&member_type=${encodeURIComponent(GROUP_MODEL)}`)).toEqual(['Av Other']);
    expect(await availableGroups(`?member_id=${bottom.id}&member_type=group`)).toEqual(['Av Other', 'Av Top']);
    expect(await availableGroups(`?member_id=${jane}&member_type=user`)).toEqual(['Av Bottom', 'Av Middle', 'Av Top']);
    const res = (await t.http().get(`${API}/group_members_available?member_id=${jane}&member_type=user&filter=m&per_page=1`).set('Authorization', as()).expect(200))
      .body as Pm4ListBody<Record<string, unknown>>;
    expect(res.data).toEqual([
      { id: bottom.id, description: null, name: 'Av Bottom', status: 'ACTIVE', created_at: expect.stringMatching(ISO_MS), updated_at: expect.stringMatching(ISO_MS) },
    ]);
    expect(res.meta).toMatchObject({ total: 2, per_page: 1, last_page: 2, filter: 'm', sort_by: 'name' });
    expect(Object.keys(res.data[0]!).sort()).toEqual(await documentedFields(t, 'Pm4AvailableGroupResponse'));
    expectStatusMessage(await t.http().get(`${API}/group_members_available?member_id=999999&member_type=user`).set('Authorization', as()), 404, /Models\\User\] 999999/);
    expectStatusMessage(await t.http().get(`${API}/group_members_available?member_id=999999&member_type=group`).set('Authorization', as()), 404, /Models\\Group\] 999999/);
    expect422(await t.http().get(`${API}/group_members_available`).set('Authorization', as()), { member_id: /required/, member_type: /required/ });
  });

  it('user_members_available: users not yet in the group, by username, filtered and paged', async () => {
    const g = await group('Picky');
    await join(g.id, USER_MODEL, jane);
    const res = (await t.http().get(`${API}/user_members_available?group_id=${g.id}`).set('Authorization', as()).expect(200)).body as Pm4ListBody<{ username: string }>;
    expect(res.data.map((u) => u.username)).toEqual(['admin', 'oscar', 'sam']);
    expect(res.meta).toMatchObject({ total: 3, sort_by: 'username', path: `${t.baseUrl}${API}/user_members_available` });
    expect(Object.keys(res.data[0]!).sort()).toEqual(await documentedFields(t, 'Pm4MemberUserResponse'));
    const filtered = (await t.http().get(`${API}/user_members_available?group_id=${g.id}&filter=SA&per_page=5`).set('Authorization', as()).expect(200)).body as Pm4ListBody<{ username: string }>;
    expect(filtered.data.map((u) => u.username)).toEqual(['sam']);
    expectStatusMessage(await t.http().get(`${API}/user_members_available?group_id=999999`).set('Authorization', as()), 404, /Models\\Group\] 999999/);
    expect422(await t.http().get(`${API}/user_members_available`).set('Authorization', as()), { group_id: 'The group id field is required.' });
  });

  it('401 without credentials; 403 for an operator on reads and writes, who changes nothing', async () => {
    const g = await group('Guarded');
    const m = await join(g.id, USER_MODEL, sam);
    const before = await rowCount();
    expectStatusMessage(await t.http().get(`${API}/group_members`), 401, 'Unauthenticated.');
    expectStatusMessage(await t.http().post(`${API}/group_members`).send({ group_id: g.id, member_type: 'user', member_id: jane }), 401, 'Unauthenticated.');
    expectStatusMessage(await t.http().get(`${API}/group_members`).set('Authorization', auth('oscar')), 403, /.+/);
    expectStatusMessage(
      await t.http().post(`${API}/group_members`).set('Authorization', auth('oscar')).send({ group_id: g.id, member_type: 'user', member_id: jane }),
      403,
      /.+/,
    );
    expectStatusMessage(await t.http().delete(`${API}/group_members/${m.id}`).set('Authorization', auth('oscar')), 403, /.+/);
    expectStatusMessage(await t.http().get(`${API}/user_members_available?group_id=${g.id}`).set('Authorization', auth('oscar')), 403, /.+/);
    expect(await rowCount()).toBe(before);
  });
});
