import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { auth, createUser, expectPm3Error, type Pm3UserBody, WS } from './pm3-support.js';

interface Pm3Group {
  grp_uid: string;
  grp_title: string;
  grp_status: string;
  grp_users: number;
  grp_tasks: number;
}

const MISSING = '00000000000000000000000000999999';

describe('pm3 groups: /api/1.0/{workspace}/groups, /group and its users', () => {
  let t: TestApp;
  let jane: Pm3UserBody;
  let sam: Pm3UserBody;

  const as = () => t.adminBasic;
  const create = async (title: string, status?: string): Promise<Pm3Group> =>
    (await t.http().post(`${WS}/group`).set('Authorization', as()).send({ grp_title: title, ...(status ? { grp_status: status } : {}) }).expect(201)).body as Pm3Group;
  const titles = async (query = ''): Promise<string[]> =>
    ((await t.http().get(`${WS}/groups${query}`).set('Authorization', as()).expect(200)).body as Pm3Group[]).map((g) => g.grp_title);
  const group = async (uid: string): Promise<Pm3Group> => (await t.http().get(`${WS}/group/${uid}`).set('Authorization', as()).expect(200)).body as Pm3Group;
  const members = async (uid: string, path = 'users', query = ''): Promise<string[]> =>
    ((await t.http().get(`${WS}/group/${uid}/${path}${query}`).set('Authorization', as()).expect(200)).body as Pm3UserBody[]).map((u) => u.usr_username);

  beforeAll(async () => {
    t = await startTestApp();
    jane = await createUser(t, 'jane');
    sam = await createUser(t, 'sam', { usr_status: 'INACTIVE' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /groups answers [] when there are no groups', async () => {
    expect(await titles()).toEqual([]);
  });

  it('POST /group answers 201 with {grp_uid, grp_title, grp_status}; GET returns the full object', async () => {
    const res = await t.http().post(`${WS}/group`).set('Authorization', as()).type('form').send('grp_title=Accounting&grp_status=ACTIVE');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ grp_uid: expect.stringMatching(/^\d{32}$/), grp_title: 'Accounting', grp_status: 'ACTIVE' });
    expect(await group((res.body as Pm3Group).grp_uid)).toEqual({ ...(res.body as object), grp_users: 0, grp_tasks: 0 });
  });

  it('lists alphabetically, INACTIVE included, filters case-insensitively and pages', async () => {
    await create('Sales');
    await create('Condiments & salts', 'INACTIVE');
    await create('managers');
    expect(await titles()).toEqual(['Accounting', 'Condiments & salts', 'managers', 'Sales']);
    expect(await titles('?filter=SAL')).toEqual(['Condiments & salts', 'Sales']);
    expect(await titles('?start=1&limit=2')).toEqual(['Condiments & salts', 'managers']);
    expect(await titles('?filter=50%25')).toEqual([]);
  });

  it('duplicate titles (any case) are a 400 in the documented wording, and nothing changes', async () => {
    const res = await t.http().post(`${WS}/group`).set('Authorization', as()).send({ grp_title: 'ACCOUNTING' });
    expectPm3Error(res, 400, 'Bad Request: The group title with grp_title: "ACCOUNTING" already exists.');
    expect(await titles('?filter=accounting')).toEqual(['Accounting']);
  });

  it('PUT updates title and status with an empty 200; a taken title is a 400', async () => {
    const g = await create('Temp');
    const res = await t.http().put(`${WS}/group/${g.grp_uid}`).set('Authorization', as()).send({ grp_title: 'Temporary', grp_status: 'INACTIVE' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await group(g.grp_uid)).toMatchObject({ grp_title: 'Temporary', grp_status: 'INACTIVE' });
    expectPm3Error(await t.http().put(`${WS}/group/${g.grp_uid}`).set('Authorization', as()).send({ grp_title: 'sales' }), 400, /already exists/);
    expectPm3Error(await t.http().put(`${WS}/group/${g.grp_uid}`).set('Authorization', as()).send({ grp_status: 'GONE' }), 400, /grp_status/);
    expect((await group(g.grp_uid)).grp_title).toBe('Temporary');
  });

  it('unknown and malformed uids are 400s', async () => {
    expectPm3Error(await t.http().get(`${WS}/group/${MISSING}`).set('Authorization', as()), 400, `Bad Request: The group with grp_uid: ${MISSING} does not exist.`);
    expectPm3Error(await t.http().get(`${WS}/group/not-an-id`).set('Authorization', as()), 400, /grp_uid/);
    expectPm3Error(await t.http().delete(`${WS}/group/${MISSING}`).set('Authorization', as()), 400, /does not exist/);
  });

  it('assigns users (201, no body), lists members and available users, refuses duplicates and missing users', async () => {
    const g = await create('Members');
    const add = (usr_uid: string) => t.http().post(`${WS}/group/${g.grp_uid}/user`).set('Authorization', as()).send({ usr_uid, usr_username: 'ignored' });
    const res = await add(jane.usr_uid);
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect((await add(sam.usr_uid)).status).toBe(201);
    expectPm3Error(await add(jane.usr_uid), 400, `Bad Request: The user with usr_uid: ${jane.usr_uid} is already assigned to the group.`);
    expectPm3Error(await add(MISSING), 400, `Bad Request: The user with usr_uid: ${MISSING} does not exist.`);
    expectPm3Error(await add('x'), 400, /usr_uid/);
    const list = (await t.http().get(`${WS}/group/${g.grp_uid}/users`).set('Authorization', as()).expect(200)).body as unknown[];
    expect(list).toEqual([
      { usr_uid: jane.usr_uid, usr_username: 'jane', usr_firstname: 'First jane', usr_lastname: 'Last jane', usr_email: 'jane@example.com', usr_status: 'ACTIVE' },
      { usr_uid: sam.usr_uid, usr_username: 'sam', usr_firstname: 'First sam', usr_lastname: 'Last sam', usr_email: 'sam@example.com', usr_status: 'INACTIVE' },
    ]);
    expect(await members(g.grp_uid, 'users', '?filter=SA')).toEqual(['sam']);
    expect(await members(g.grp_uid, 'users', '?start=1&limit=1')).toEqual(['sam']);
    expect(await members(g.grp_uid, 'available-users')).toEqual(['admin']);
    expect((await group(g.grp_uid)).grp_users).toBe(2);
  });

  it('unassigns a user (200, no body); not a member is a 400', async () => {
    const g = await create('Leavers');
    await t.http().post(`${WS}/group/${g.grp_uid}/user`).set('Authorization', as()).send({ usr_uid: jane.usr_uid }).expect(201);
    const res = await t.http().delete(`${WS}/group/${g.grp_uid}/user/${jane.usr_uid}`).set('Authorization', as());
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expectPm3Error(
      await t.http().delete(`${WS}/group/${g.grp_uid}/user/${jane.usr_uid}`).set('Authorization', as()),
      400,
      `Bad Request: The user with usr_uid: ${jane.usr_uid} is not assigned to the group.`,
    );
    expect(await members(g.grp_uid)).toEqual([]);
  });

  it('DELETE removes the group and its memberships', async () => {
    const g = await create('Doomed');
    await t.http().post(`${WS}/group/${g.grp_uid}/user`).set('Authorization', as()).send({ usr_uid: jane.usr_uid }).expect(201);
    expect((await t.http().delete(`${WS}/group/${g.grp_uid}`).set('Authorization', as())).status).toBe(200);
    expectPm3Error(await t.http().get(`${WS}/group/${g.grp_uid}`).set('Authorization', as()), 400, /does not exist/);
    expect(await sql(t, `SELECT 1 FROM org_structure.group_members WHERE group_id = $1`, [g.grp_uid.replace(/^0+/, '')])).toEqual([]);
  });

  it('401 without credentials, 403 for an operator', async () => {
    expectPm3Error(await t.http().get(`${WS}/groups`), 401, /.+/);
    expectPm3Error(await t.http().get(`${WS}/groups`).set('Authorization', auth('jane')), 403, /.+/);
    expectPm3Error(await t.http().post(`${WS}/group`).set('Authorization', auth('jane')).send({ grp_title: 'Nope' }), 403, /.+/);
    expect(await titles('?filter=nope')).toEqual([]);
  });
});
