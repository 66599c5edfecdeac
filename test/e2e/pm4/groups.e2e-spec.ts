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
  ISO_MS,
  type Pm4Group,
  type Pm4ListBody,
  USER_MODEL,
} from './pm4-support.js';

describe('pm4 groups: /api/1.0/groups, groups/{id}/users, groups/{id}/groups', () => {
  let t: TestApp;
  let jane: number;
  let sam: number;

  const as = () => t.adminBasic;
  const create = async (body: Record<string, unknown>): Promise<Pm4Group> =>
    (await t.http().post(`${API}/groups`).set('Authorization', as()).send(body).expect(201)).body as Pm4Group;
  const list = async (query = ''): Promise<Pm4ListBody<Pm4Group>> =>
    (await t.http().get(`${API}/groups${query}`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>;
  const names = async (query = ''): Promise<string[]> => (await list(query)).data.map((g) => g.name);
  const get = async (id: number): Promise<Pm4Group> => (await t.http().get(`${API}/groups/${id}`).set('Authorization', as()).expect(200)).body as Pm4Group;
  const groupCount = async (): Promise<number> => Number((await sql<{ n: string }>(t, `SELECT count(*) AS n FROM org_structure.groups`))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp();
    jane = await createUser(t, 'jane');
    sam = await createUser(t, 'sam');
    await createUser(t, 'oscar');
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /groups answers {data: [], meta} with the paginator fields when there are no groups', async () => {
    expect(await list()).toEqual({
      data: [],
      meta: {
        filter: '',
        sort_by: 'name',
        sort_order: 'asc',
        count: 0,
        total_pages: 1,
        current_page: 1,
        from: null,
        last_page: 1,
        path: `${t.baseUrl}${API}/groups`,
        per_page: 10,
        to: null,
        total: 0,
      },
    });
  });

  it('POST answers 201 with the group, field for field as documented; GET answers the same', async () => {
    const res = await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'Accounting', description: 'Money', manager_id: jane });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Accounting',
      description: 'Money',
      manager_id: jane,
      status: 'ACTIVE',
      created_at: expect.stringMatching(ISO_MS),
      updated_at: expect.stringMatching(ISO_MS),
    });
    const group = res.body as Pm4Group;
    expect(await get(group.id)).toEqual(group);
    expect(Object.keys(group).sort()).toEqual(await documentedFields(t, 'Pm4GroupResponse'));
    expect((await create({ name: 'Bare' }))).toMatchObject({ description: null, manager_id: null, status: 'ACTIVE' });
  });

  it('lists by name, filters the name case-insensitively and by status, orders and pages with a Laravel meta', async () => {
    await create({ name: 'sales' });
    await create({ name: 'Salt traders', status: 'INACTIVE' });
    await create({ name: 'Managers' });
    expect(await names()).toEqual(['Accounting', 'Bare', 'Managers', 'sales', 'Salt traders']);
    expect(await names('?filter=SAL')).toEqual(['sales', 'Salt traders']);
    expect(await names('?status=INACTIVE')).toEqual(['Salt traders']);
    expect(await names('?order_by=name&order_direction=DESC')).toEqual(['Salt traders', 'sales', 'Managers', 'Bare', 'Accounting']);
    expect(await names('?order_by=id&order_direction=desc')).toEqual(['Managers', 'Salt traders', 'sales', 'Bare', 'Accounting']);
    const page = await list('?per_page=2&page=2&filter=a');
    expect(page.data.map((g) => g.name)).toEqual(['Managers', 'sales']);
    expect(page.meta).toEqual({
      filter: 'a',
      sort_by: 'name',
      sort_order: 'asc',
      count: 2,
      total_pages: 3,
      current_page: 2,
      from: 3,
      last_page: 3,
      path: `${t.baseUrl}${API}/groups`,
      per_page: 2,
      to: 4,
      total: 5,
    });
    expect((await list('?per_page=2&page=9')).meta).toMatchObject({ count: 0, from: null, to: null, current_page: 9, total: 5 });
    expect(await names('?filter=50%25')).toEqual([]);
  });

  it('bad list parameters are 422s naming the parameter', async () => {
    expect422(await t.http().get(`${API}/groups?order_by=secret`).set('Authorization', as()), { order_by: 'The selected order by is invalid.' });
    expect422(await t.http().get(`${API}/groups?status=GONE`).set('Authorization', as()), { status: 'The selected status is invalid.' });
    expect422(await t.http().get(`${API}/groups?per_page=0`).set('Authorization', as()), { per_page: 'The per page must be at least 1.' });
    expect422(await t.http().get(`${API}/groups?page=x`).set('Authorization', as()), { page: /integer/ });
  });

  it('refuses a missing name, a taken name (any case) and a bad status with 422, creating nothing', async () => {
    const before = await groupCount();
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ description: 'x' }), { name: 'The name field is required.' });
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: '' }), { name: 'The name field is required.' });
    const taken = await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'ACCOUNTING' });
    expect(taken.body).toEqual({ message: 'The name has already been taken.', errors: { name: ['The name has already been taken.'] } });
    expect(taken.status).toBe(422);
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'New', status: 'ARCHIVED' }), { status: 'The selected status is invalid.' });
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'x'.repeat(256) }), { name: /255/ });
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'New', manager_id: 'boss' }), { manager_id: /integer/ });
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'New', colour: 'red' }), { colour: /should not exist/ });
    expect422(await t.http().post(`${API}/groups`).set('Authorization', as()).send({ name: 'New', manager_id: 999999 }), { manager_id: /999999/ });
    expect(await groupCount()).toBe(before);
  });

  it('PUT answers 204 with no body; absent fields stay; a taken name or bad status is a 422 that changes nothing', async () => {
    const g = await create({ name: 'Temp', description: 'first', manager_id: jane });
    const res = await t.http().put(`${API}/groups/${g.id}`).set('Authorization', as()).send({ name: 'Temporary', status: 'INACTIVE' });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const updated = await get(g.id);
    expect(updated).toMatchObject({ name: 'Temporary', status: 'INACTIVE', description: 'first', manager_id: jane, created_at: g.created_at });
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(g.updated_at));
    await t.http().put(`${API}/groups/${g.id}`).set('Authorization', as()).send({ description: null, manager_id: null }).expect(204);
    expect(await get(g.id)).toMatchObject({ description: null, manager_id: null, name: 'Temporary' });
    expect422(await t.http().put(`${API}/groups/${g.id}`).set('Authorization', as()).send({ name: 'SALES' }), { name: 'The name has already been taken.' });
    expect422(await t.http().put(`${API}/groups/${g.id}`).set('Authorization', as()).send({ status: 'GONE' }), { status: 'The selected status is invalid.' });
    expect422(await t.http().put(`${API}/groups/${g.id}`).set('Authorization', as()).send({ name: null }), { name: /required|string/ });
    expect(await get(g.id)).toMatchObject({ name: 'Temporary', status: 'INACTIVE' });
  });

  it('unknown and malformed ids are 404 {message} on every group route', async () => {
    const missing = 'No query results for model [ProcessMaker\\Models\\Group] 999999';
    expectStatusMessage(await t.http().get(`${API}/groups/999999`).set('Authorization', as()), 404, missing);
    expectStatusMessage(await t.http().put(`${API}/groups/999999`).set('Authorization', as()).send({ name: 'x' }), 404, missing);
    expectStatusMessage(await t.http().delete(`${API}/groups/999999`).set('Authorization', as()), 404, missing);
    expectStatusMessage(await t.http().get(`${API}/groups/999999/users`).set('Authorization', as()), 404, missing);
    expectStatusMessage(await t.http().get(`${API}/groups/999999/groups`).set('Authorization', as()), 404, missing);
    expectStatusMessage(await t.http().get(`${API}/groups/abc`).set('Authorization', as()), 404, 'No query results for model [ProcessMaker\\Models\\Group] abc');
    expectStatusMessage(await t.http().delete(`${API}/groups/-1`).set('Authorization', as()), 404, /ProcessMaker\\Models\\Group/);
  });

  it('groups/{id}/users lists the direct user members by username, filtered and paged', async () => {
    const g = await create({ name: 'Crew' });
    for (const id of [sam, jane]) {
      await t.http().post(`${API}/group_members`).set('Authorization', as()).send({ group_id: g.id, member_type: USER_MODEL, member_id: id }).expect(201);
    }
    const res = (await t.http().get(`${API}/groups/${g.id}/users`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Record<string, unknown>>;
    expect(res.data).toEqual([
      { id: jane, username: 'jane', email: 'jane@example.com', firstname: 'First jane', lastname: 'Last jane', fullname: 'First jane Last jane', status: 'ACTIVE' },
      { id: sam, username: 'sam', email: 'sam@example.com', firstname: 'First sam', lastname: 'Last sam', fullname: 'First sam Last sam', status: 'ACTIVE' },
    ]);
    expect(res.meta).toMatchObject({ total: 2, count: 2, sort_by: 'username', path: `${t.baseUrl}${API}/groups/${g.id}/users` });
    expect(Object.keys(res.data[0]!).sort()).toEqual(await documentedFields(t, 'Pm4MemberUserResponse'));
    const filtered = (await t.http().get(`${API}/groups/${g.id}/users?filter=SA`).set('Authorization', as()).expect(200)).body as Pm4ListBody<{ username: string }>;
    expect(filtered.data.map((u) => u.username)).toEqual(['sam']);
    const paged = (await t.http().get(`${API}/groups/${g.id}/users?per_page=1&page=2`).set('Authorization', as()).expect(200)).body as Pm4ListBody<{ username: string }>;
    expect(paged.data.map((u) => u.username)).toEqual(['sam']);
    expect(paged.meta).toMatchObject({ total: 2, last_page: 2, from: 2, to: 2 });
  });

  it('groups/{id}/groups lists the member groups, and only those', async () => {
    const parent = await create({ name: 'Parent' });
    const a = await create({ name: 'Child A' });
    const b = await create({ name: 'Child B' });
    await create({ name: 'Unrelated' });
    for (const child of [b, a]) {
      await t.http().post(`${API}/group_members`).set('Authorization', as()).send({ group_id: parent.id, member_type: 'group', member_id: child.id }).expect(201);
    }
    await t.http().post(`${API}/group_members`).set('Authorization', as()).send({ group_id: parent.id, member_type: 'user', member_id: jane }).expect(201);
    const res = (await t.http().get(`${API}/groups/${parent.id}/groups`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>;
    expect(res.data).toEqual([await get(a.id), await get(b.id)]);
    expect(res.meta).toMatchObject({ total: 2, sort_by: 'name' });
    const filtered = (await t.http().get(`${API}/groups/${parent.id}/groups?filter=b`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>;
    expect(filtered.data.map((g) => g.name)).toEqual(['Child B']);
    expect(((await t.http().get(`${API}/groups/${a.id}/groups`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4Group>).data).toEqual([]);
  });

  it('DELETE answers 204 with no body and removes the group with its memberships', async () => {
    const g = await create({ name: 'Doomed' });
    await t.http().post(`${API}/group_members`).set('Authorization', as()).send({ group_id: g.id, member_type: USER_MODEL, member_id: jane }).expect(201);
    const res = await t.http().delete(`${API}/groups/${g.id}`).set('Authorization', as());
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.http().get(`${API}/groups/${g.id}`).set('Authorization', as())).status).toBe(404);
    expect(await sql(t, `SELECT 1 FROM org_structure.group_members WHERE group_id = $1`, [g.id])).toEqual([]);
  });

  it('401 {message: "Unauthenticated."} without credentials; 403 for an operator, who changes nothing', async () => {
    const g = await create({ name: 'Guarded' });
    expectStatusMessage(await t.http().get(`${API}/groups`), 401, 'Unauthenticated.');
    expectStatusMessage(await t.http().post(`${API}/groups`).send({ name: 'Nope' }), 401, 'Unauthenticated.');
    expectStatusMessage(await t.http().get(`${API}/groups`).set('Authorization', auth('oscar')), 403, /.+/);
    expectStatusMessage(await t.http().post(`${API}/groups`).set('Authorization', auth('oscar')).send({ name: 'Nope' }), 403, /.+/);
    expectStatusMessage(await t.http().put(`${API}/groups/${g.id}`).set('Authorization', auth('oscar')).send({ name: 'Hijacked' }), 403, /.+/);
    expectStatusMessage(await t.http().delete(`${API}/groups/${g.id}`).set('Authorization', auth('oscar')), 403, /.+/);
    expect(await names('?filter=nope')).toEqual([]);
    expect((await get(g.id)).name).toBe('Guarded');
  });

  it('the pm4 OpenAPI document holds every group operation with the documented status codes', async () => {
    const doc = (await t.http().get('/docs/pm4-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses).sort();
    expect(statuses('/api/1.0/groups', 'get')).toEqual(['200', '401', '403', '422']);
    expect(statuses('/api/1.0/groups', 'post')).toEqual(['201', '401', '403', '422']);
    expect(statuses('/api/1.0/groups/{group_id}', 'get')).toEqual(['200', '401', '403', '404']);
    expect(statuses('/api/1.0/groups/{group_id}', 'put')).toEqual(['204', '401', '403', '404', '422']);
    expect(statuses('/api/1.0/groups/{group_id}', 'delete')).toEqual(['204', '401', '403', '404']);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/1.0/groups/{group_id}/users', '/api/1.0/groups/{group_id}/groups']));
  });
});
