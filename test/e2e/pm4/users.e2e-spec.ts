import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, auth, createUser, documentedFields, expect422, expectStatusMessage, ISO_MS, type Pm4ListBody } from './pm4-support.js';

interface Pm4User {
  id: number;
  username: string;
  status: string;
  [key: string]: unknown;
}

describe('pm4 users: /api/1.0/users, so that member ids can be found', () => {
  let t: TestApp;
  let jane: number;
  let oscar: number;
  let gone: number;

  const as = () => t.adminBasic;
  const usernames = async (query = ''): Promise<string[]> =>
    ((await t.http().get(`${API}/users${query}`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4User>).data.map((u) => u.username);

  beforeAll(async () => {
    t = await startTestApp();
    jane = await createUser(t, 'jane');
    oscar = await createUser(t, 'oscar');
    gone = await createUser(t, 'gone');
    await sql(t, `UPDATE identity.users SET deleted_at = now(), status = 'deleted' WHERE id = $1`, [gone]);
    const away = await createUser(t, 'away');
    await sql(t, `UPDATE identity.users SET status = 'vacation' WHERE id = $1`, [away]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists live users by username in {data, meta}, with the documented subset of fields', async () => {
    const res = (await t.http().get(`${API}/users`).set('Authorization', as()).expect(200)).body as Pm4ListBody<Pm4User>;
    expect(res.data.map((u) => u.username)).toEqual(['admin', 'away', 'jane', 'oscar']);
    expect(res.data.find((u) => u.username === 'jane')).toEqual({
      id: jane,
      username: 'jane',
      email: 'jane@example.com',
      firstname: 'First jane',
      lastname: 'Last jane',
      fullname: 'First jane Last jane',
      status: 'ACTIVE',
      is_administrator: false,
      created_at: expect.stringMatching(ISO_MS),
      updated_at: expect.stringMatching(ISO_MS),
    });
    expect(res.data.find((u) => u.username === 'admin')).toMatchObject({ id: 1, is_administrator: true });
    expect(res.data.find((u) => u.username === 'away')).toMatchObject({ status: 'OUT_OF_OFFICE' });
    expect(Object.keys(res.data[0]!).sort()).toEqual(await documentedFields(t, 'Pm4UserResponse'));
    expect(res.meta).toMatchObject({ total: 4, count: 4, per_page: 10, current_page: 1, sort_by: 'username', sort_order: 'asc', path: `${t.baseUrl}${API}/users` });
  });

  it('filters, narrows by status, leaves ids out, orders and pages', async () => {
    expect(await usernames('?filter=JANE@')).toEqual(['jane']);
    expect(await usernames('?status=OUT_OF_OFFICE')).toEqual(['away']);
    expect(await usernames(`?exclude_ids=1,${jane}`)).toEqual(['away', 'oscar']);
    expect(await usernames('?order_by=id&order_direction=desc&per_page=2')).toEqual(['away', 'oscar']);
    expect(await usernames('?per_page=2&page=2')).toEqual(['jane', 'oscar']);
    expect422(await t.http().get(`${API}/users?order_by=password`).set('Authorization', as()), { order_by: 'The selected order by is invalid.' });
    expect422(await t.http().get(`${API}/users?exclude_ids=1,x`).set('Authorization', as()), { exclude_ids: /comma-separated/ });
  });

  it('GET users/{id}: the user; unknown, deleted and malformed ids are 404', async () => {
    const res = await t.http().get(`${API}/users/${jane}`).set('Authorization', as()).expect(200);
    expect(res.body).toMatchObject({ id: jane, username: 'jane' });
    expectStatusMessage(await t.http().get(`${API}/users/999999`).set('Authorization', as()), 404, 'No query results for model [ProcessMaker\\Models\\User] 999999');
    expectStatusMessage(await t.http().get(`${API}/users/${gone}`).set('Authorization', as()), 404, `No query results for model [ProcessMaker\\Models\\User] ${gone}`);
    expectStatusMessage(await t.http().get(`${API}/users/abc`).set('Authorization', as()), 404, /Models\\User\] abc/);
  });

  it('401 without credentials; an operator may read only their own record', async () => {
    expectStatusMessage(await t.http().get(`${API}/users`), 401, 'Unauthenticated.');
    expectStatusMessage(await t.http().get(`${API}/users`).set('Authorization', auth('oscar')), 403, /.+/);
    expectStatusMessage(await t.http().get(`${API}/users/${jane}`).set('Authorization', auth('oscar')), 403, /.+/);
    expect((await t.http().get(`${API}/users/${oscar}`).set('Authorization', auth('oscar')).expect(200)).body).toMatchObject({ username: 'oscar' });
  });
});
