import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { ADMIN_UID, auth, createUser, expectPm3Error, PASSWORD, type Pm3UserBody, WS } from './pm3-support.js';

interface Pm3Dep {
  dep_uid: string;
  dep_parent: string;
  dep_title: string;
  dep_status: string;
  dep_manager: string;
  dep_last: number;
  has_children: string;
  dep_children?: Pm3Dep[];
  [key: string]: unknown;
}

interface Pm3Member {
  usr_uid: string;
  usr_username: string;
  usr_supervisor?: boolean;
  [key: string]: unknown;
}

const UID = /^\d{32}$/;
const MISSING_UID = '00000000000000000000000000999999';

describe('pm3 departments: /api/1.0/{workspace}/departments, /department and its users', () => {
  let t: TestApp;
  const users: Record<string, Pm3UserBody> = {};

  const as = () => t.adminBasic;
  const tree = async (): Promise<Pm3Dep[]> => (await t.http().get(`${WS}/departments`).set('Authorization', as()).expect(200)).body as Pm3Dep[];
  const dep = async (uid: string): Promise<Pm3Dep> => (await t.http().get(`${WS}/department/${uid}`).set('Authorization', as()).expect(200)).body as Pm3Dep;
  const create = async (body: Record<string, string>): Promise<Pm3Dep> =>
    (await t.http().post(`${WS}/department`).set('Authorization', as()).send(body).expect(201)).body as Pm3Dep;
  const members = async (uid: string): Promise<Pm3Member[]> =>
    (await t.http().get(`${WS}/department/${uid}/assigned-user`).set('Authorization', as()).expect(200)).body as Pm3Member[];
  const available = async (uid: string): Promise<string[]> =>
    ((await t.http().get(`${WS}/department/${uid}/available-user`).set('Authorization', as()).expect(200)).body as Pm3Member[]).map((u) => u.usr_username);
  const assign = (depUid: string, usrUid: string) => t.http().put(`${WS}/department/${depUid}/assign-user/${usrUid}`).set('Authorization', as());
  const user = async (uid: string): Promise<Pm3UserBody> => (await t.http().get(`${WS}/user/${uid}`).set('Authorization', as()).expect(200)).body as Pm3UserBody;
  /** Every department row and membership, to prove that a refused request changed nothing. */
  const snapshot = async () => ({
    departments: await sql(t, `SELECT id, tenant_id, title, parent_id, manager_id, status FROM org_structure.departments ORDER BY id`),
    members: await sql(t, `SELECT tenant_id, user_id, department_id FROM org_structure.department_members ORDER BY user_id`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']) users[name] = await createUser(t, name);
    users.mona = await createUser(t, 'mona', { usr_role: 'PROCESSMAKER_MANAGER' });
    users.oscar = await createUser(t, 'oscar');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the tree', () => {
    let hr: Pm3Dep;
    let crisis: Pm3Dep;

    it('POST /department answers 201 with the department object: top level, ACTIVE, no manager, no dep_children', async () => {
      const res = await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Human Resources' });
      expect(res.status).toBe(201);
      hr = res.body as Pm3Dep;
      expect(hr).toEqual({
        dep_uid: expect.stringMatching(UID),
        dep_parent: '',
        dep_title: 'Human Resources',
        dep_status: 'ACTIVE',
        dep_manager: '',
        dep_ldap_dn: '',
        dep_last: 1,
        dep_manager_username: '',
        dep_manager_firstname: '',
        dep_manager_lastname: '',
        has_children: '0',
      });
    });

    it('creates a sub-department from a form body with a manager, who joins it and is marked supervisor', async () => {
      const res = await t
        .http()
        .post(`${WS}/department`)
        .set('Authorization', as())
        .type('form')
        .send(`dep_title=Crisis%20Management&dep_parent=${hr.dep_uid}&dep_manager=${users.alice!.usr_uid}`);
      expect(res.status).toBe(201);
      crisis = res.body as Pm3Dep;
      expect(crisis).toEqual({
        dep_uid: expect.stringMatching(UID),
        dep_parent: hr.dep_uid,
        dep_title: 'Crisis Management',
        dep_status: 'ACTIVE',
        dep_manager: users.alice!.usr_uid,
        dep_ldap_dn: '',
        dep_last: 1,
        dep_manager_username: 'alice',
        dep_manager_firstname: 'First alice',
        dep_manager_lastname: 'Last alice',
        has_children: '0',
      });
      expect(await members(crisis.dep_uid)).toEqual([
        { usr_uid: users.alice!.usr_uid, usr_username: 'alice', usr_firstname: 'First alice', usr_lastname: 'Last alice', usr_status: 'ACTIVE', usr_supervisor: true },
      ]);
    });

    it('GET /departments nests sub-departments in dep_children, ordered by title, with dep_last and has_children; INACTIVE included', async () => {
      const employee = await create({ dep_title: 'Employee Activities', dep_parent: hr.dep_uid, dep_status: 'ACTIVE' });
      const sales = await create({ dep_title: 'Sales', dep_status: 'INACTIVE', dep_manager: ADMIN_UID, dep_parent: '' });
      const noManager = { dep_manager: '', dep_manager_username: '', dep_manager_firstname: '', dep_manager_lastname: '', dep_ldap_dn: '' };
      expect(await tree()).toEqual([
        {
          dep_uid: hr.dep_uid,
          dep_parent: '',
          dep_title: 'Human Resources',
          dep_status: 'ACTIVE',
          ...noManager,
          dep_last: 0,
          has_children: '2',
          dep_children: [
            { ...crisis, dep_last: 0, dep_children: [] },
            {
              dep_uid: employee.dep_uid,
              dep_parent: hr.dep_uid,
              dep_title: 'Employee Activities',
              dep_status: 'ACTIVE',
              ...noManager,
              dep_last: 1,
              has_children: '0',
              dep_children: [],
            },
          ],
        },
        {
          dep_uid: sales.dep_uid,
          dep_parent: '',
          dep_title: 'Sales',
          dep_status: 'INACTIVE',
          dep_manager: ADMIN_UID,
          dep_ldap_dn: '',
          dep_last: 1,
          dep_manager_username: 'admin',
          dep_manager_firstname: expect.any(String),
          dep_manager_lastname: expect.any(String),
          has_children: '0',
          dep_children: [],
        },
      ]);
    });

    it('GET /department/{dep_uid} is the tree object without dep_children', async () => {
      const [top] = await tree();
      const { dep_children: children, ...withoutChildren } = top!;
      expect(await dep(top!.dep_uid)).toEqual(withoutChildren);
      const { dep_children: _none, ...first } = children![0]!;
      expect(await dep(first.dep_uid)).toEqual(first);
    });

    it('deep trees nest to any depth from one request', async () => {
      let parent = crisis.dep_uid;
      const chain: string[] = [];
      for (let level = 1; level <= 6; level++) {
        parent = (await create({ dep_title: `Crisis level ${level}`, dep_parent: parent })).dep_uid;
        chain.push(parent);
      }
      let node = (await tree())[0]!.dep_children![0]!;
      for (const uid of chain) {
        expect(node.has_children).toBe('1');
        node = node.dep_children![0]!;
        expect(node.dep_uid).toBe(uid);
      }
      expect(node.dep_children).toEqual([]);
      for (const uid of [...chain].reverse()) await t.http().delete(`${WS}/department/${uid}`).set('Authorization', as()).expect(200);
    });

    it('PUT /department/{dep_uid} changes only the fields sent and answers 200 with no body', async () => {
      const res = await t.http().put(`${WS}/department/${crisis.dep_uid}`).set('Authorization', as()).type('form').send('dep_status=INACTIVE');
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await dep(crisis.dep_uid)).toEqual({ ...crisis, dep_status: 'INACTIVE', dep_last: 0 });
      await t.http().put(`${WS}/department/${crisis.dep_uid}`).set('Authorization', as()).send({ dep_title: 'Crisis Team', dep_status: 'ACTIVE' }).expect(200);
      expect((await dep(crisis.dep_uid)).dep_title).toBe('Crisis Team');
    });

    it('dep_parent "" makes a department top level, and a uid moves it under another one', async () => {
      await t.http().put(`${WS}/department/${crisis.dep_uid}`).set('Authorization', as()).send({ dep_parent: '' }).expect(200);
      expect((await tree()).map((d) => d.dep_title)).toEqual(['Crisis Team', 'Human Resources', 'Sales']);
      await t.http().put(`${WS}/department/${crisis.dep_uid}`).set('Authorization', as()).send({ dep_parent: hr.dep_uid }).expect(200);
      expect((await tree()).map((d) => d.dep_title)).toEqual(['Human Resources', 'Sales']);
      expect((await dep(crisis.dep_uid)).dep_parent).toBe(hr.dep_uid);
    });

    it('dep_manager "" leaves the department without a manager, who stays a member', async () => {
      await t.http().put(`${WS}/department/${crisis.dep_uid}`).set('Authorization', as()).send({ dep_manager: '' }).expect(200);
      expect((await dep(crisis.dep_uid)).dep_manager).toBe('');
      expect((await members(crisis.dep_uid)).map((m) => [m.usr_username, m.usr_supervisor])).toEqual([['alice', false]]);
      await t.http().put(`${WS}/department/${crisis.dep_uid}/set-manager/${users.alice!.usr_uid}`).set('Authorization', as()).expect(200);
      expect((await dep(crisis.dep_uid)).dep_manager).toBe(users.alice!.usr_uid);
    });
  });

  describe('members and managers', () => {
    let ops: Pm3Dep;
    let support: Pm3Dep;
    let nightShift: Pm3Dep;

    beforeAll(async () => {
      ops = await create({ dep_title: 'Operations' });
      support = await create({ dep_title: 'Support', dep_parent: ops.dep_uid });
      nightShift = await create({ dep_title: 'Night Shift', dep_parent: support.dep_uid });
    });

    it('v2.8 PUT assign-user answers 200 with no body; the first user assigned becomes the manager', async () => {
      const res = await assign(ops.dep_uid, users.bob!.usr_uid);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect((await dep(ops.dep_uid)).dep_manager_username).toBe('bob');
    });

    it('v3.0 POST assign-user answers 201 with no body; later users are plain members', async () => {
      const res = await t.http().post(`${WS}/department/${support.dep_uid}/assign-user`).set('Authorization', as()).send({ usr_uid: users.carol!.usr_uid });
      expect(res.status).toBe(201);
      expect(res.text).toBe('');
      await t.http().post(`${WS}/department/${support.dep_uid}/assign-user`).set('Authorization', as()).type('form').send(`usr_uid=${users.dave!.usr_uid}`).expect(201);
      expect(await members(support.dep_uid)).toEqual([
        { usr_uid: users.carol!.usr_uid, usr_username: 'carol', usr_firstname: 'First carol', usr_lastname: 'Last carol', usr_status: 'ACTIVE', usr_supervisor: true },
        { usr_uid: users.dave!.usr_uid, usr_username: 'dave', usr_firstname: 'First dave', usr_lastname: 'Last dave', usr_status: 'ACTIVE', usr_supervisor: false },
      ]);
    });

    it('available-user lists every user in no department, INACTIVE ones included, in the documented shape', async () => {
      await t.http().put(`${WS}/user/${users.frank!.usr_uid}`).set('Authorization', as()).send({ usr_status: 'INACTIVE' }).expect(200);
      const res = await t.http().get(`${WS}/department/${ops.dep_uid}/available-user`).set('Authorization', as()).expect(200);
      expect((res.body as Pm3Member[]).map((u) => u.usr_username)).toEqual(['erin', 'frank', 'mona', 'oscar']);
      expect((res.body as Pm3Member[])[1]).toEqual({
        usr_uid: users.frank!.usr_uid,
        usr_username: 'frank',
        usr_firstname: 'First frank',
        usr_lastname: 'Last frank',
        usr_status: 'INACTIVE',
      });
    });

    it('the pm3 user shows dep_uid and usr_reports_to: a member reports to the manager, a manager to the nearest manager above', async () => {
      expect(await user(users.dave!.usr_uid)).toMatchObject({ dep_uid: support.dep_uid, usr_reports_to: users.carol!.usr_uid });
      expect(await user(users.carol!.usr_uid)).toMatchObject({ dep_uid: support.dep_uid, usr_reports_to: users.bob!.usr_uid });
      expect(await user(users.bob!.usr_uid)).toMatchObject({ dep_uid: ops.dep_uid, usr_reports_to: '' });
      expect(await user(users.erin!.usr_uid)).toMatchObject({ dep_uid: '', usr_reports_to: '' });
      const listed = (await t.http().get(`${WS}/users`).set('Authorization', as()).expect(200)).body as Pm3UserBody[];
      expect(listed.find((u) => u.usr_username === 'dave')).toMatchObject({ dep_uid: support.dep_uid, usr_reports_to: users.carol!.usr_uid });
    });

    it('assigning moves a user out of their old department; assigning a member again changes nothing', async () => {
      await assign(nightShift.dep_uid, users.dave!.usr_uid).expect(200);
      expect((await members(support.dep_uid)).map((m) => m.usr_username)).toEqual(['carol']);
      expect(await members(nightShift.dep_uid)).toEqual([expect.objectContaining({ usr_username: 'dave', usr_supervisor: true })]);
      const before = await snapshot();
      await assign(nightShift.dep_uid, users.dave!.usr_uid).expect(200);
      expect(await snapshot()).toEqual(before);
      // Night Shift's manager (dave) reports to the manager of Support, the nearest department above with one.
      expect((await user(users.dave!.usr_uid)).usr_reports_to).toBe(users.carol!.usr_uid);
    });

    it('a manager who is moved leaves the old department without a manager', async () => {
      await assign(nightShift.dep_uid, users.carol!.usr_uid).expect(200);
      expect((await dep(support.dep_uid)).dep_manager).toBe('');
      expect((await dep(nightShift.dep_uid)).dep_manager_username).toBe('dave');
      // With Support managerless, Night Shift's manager reports to Operations' manager.
      expect((await user(users.dave!.usr_uid)).usr_reports_to).toBe(users.bob!.usr_uid);
      expect((await user(users.carol!.usr_uid)).usr_reports_to).toBe(users.dave!.usr_uid);
    });

    it('set-manager makes a member the manager, or a user in no department who joins; a member of another department is a 400', async () => {
      await t.http().put(`${WS}/department/${nightShift.dep_uid}/set-manager/${users.carol!.usr_uid}`).set('Authorization', as()).expect(200);
      expect(await members(nightShift.dep_uid)).toEqual([
        expect.objectContaining({ usr_username: 'carol', usr_supervisor: true }),
        expect.objectContaining({ usr_username: 'dave', usr_supervisor: false }),
      ]);
      const res = await t.http().put(`${WS}/department/${support.dep_uid}/set-manager/${users.erin!.usr_uid}`).set('Authorization', as());
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await members(support.dep_uid)).toEqual([expect.objectContaining({ usr_username: 'erin', usr_supervisor: true })]);

      const before = await snapshot();
      expectPm3Error(
        await t.http().put(`${WS}/department/${support.dep_uid}/set-manager/${users.bob!.usr_uid}`).set('Authorization', as()),
        400,
        `Bad Request: The user with usr_uid: '${users.bob!.usr_uid}' is a member of another department; a user belongs to one department only.`,
      );
      expectPm3Error(
        await t.http().put(`${WS}/department/${support.dep_uid}`).set('Authorization', as()).send({ dep_manager: users.bob!.usr_uid }),
        400,
        `Bad Request: The user with dep_manager: '${users.bob!.usr_uid}' is a member of another department; a user belongs to one department only.`,
      );
      expectPm3Error(
        await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Audit', dep_manager: users.bob!.usr_uid }),
        400,
        `Bad Request: The user with dep_manager: '${users.bob!.usr_uid}' is a member of another department; a user belongs to one department only.`,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('PUT unassign-user answers 200 with no body; unassigning the manager leaves the department without one', async () => {
      const res = await t.http().put(`${WS}/department/${nightShift.dep_uid}/unassign-user/${users.dave!.usr_uid}`).set('Authorization', as());
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      await t.http().put(`${WS}/department/${nightShift.dep_uid}/unassign-user/${users.carol!.usr_uid}`).set('Authorization', as()).expect(200);
      expect(await members(nightShift.dep_uid)).toEqual([]);
      expect((await dep(nightShift.dep_uid)).dep_manager).toBe('');
      expect(await user(users.carol!.usr_uid)).toMatchObject({ dep_uid: '', usr_reports_to: '' });
      expect(await available(ops.dep_uid)).toEqual(expect.arrayContaining(['carol', 'dave']));
    });

    it('a deleted user leaves their department, and a deleted manager leaves it without a manager; INACTIVE users stay', async () => {
      const temp = await create({ dep_title: 'Temporary' });
      const [boss, worker] = [await createUser(t, 'temp-boss'), await createUser(t, 'temp-worker')];
      await assign(temp.dep_uid, boss.usr_uid).expect(200);
      await assign(temp.dep_uid, worker.usr_uid).expect(200);
      await t.http().put(`${WS}/user/${worker.usr_uid}`).set('Authorization', as()).send({ usr_status: 'INACTIVE' }).expect(200);
      expect((await members(temp.dep_uid)).map((m) => [m.usr_username, m.usr_status])).toEqual([['temp-boss', 'ACTIVE'], ['temp-worker', 'INACTIVE']]);
      await t.http().delete(`${WS}/user/${boss.usr_uid}`).set('Authorization', as()).expect(200);
      expect((await members(temp.dep_uid)).map((m) => m.usr_username)).toEqual(['temp-worker']);
      expect((await dep(temp.dep_uid)).dep_manager).toBe('');
      await t.http().delete(`${WS}/user/${worker.usr_uid}`).set('Authorization', as()).expect(200);
      await t.http().delete(`${WS}/department/${temp.dep_uid}`).set('Authorization', as()).expect(200);
    });

    it('a user who is not a member cannot be unassigned (400, nothing changed)', async () => {
      const before = await snapshot();
      expectPm3Error(
        await t.http().put(`${WS}/department/${nightShift.dep_uid}/unassign-user/${users.bob!.usr_uid}`).set('Authorization', as()),
        400,
        `Bad Request: The user with usr_uid: '${users.bob!.usr_uid}' is not assigned to the department.`,
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bad input: a clear 400 in the pm3 shape, nothing changed', () => {
    let a: Pm3Dep;
    let b: Pm3Dep;
    let c: Pm3Dep;
    let acmeDep: Pm3Dep;
    let acmeUserUid: string;

    beforeAll(async () => {
      a = await create({ dep_title: 'Alpha' });
      b = await create({ dep_title: 'Beta', dep_parent: a.dep_uid });
      c = await create({ dep_title: 'Gamma', dep_parent: b.dep_uid });
      await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'acme', 'Acme')`);
      // The bootstrap admin is tenant manager, so it may work in another workspace.
      acmeDep = (await t.http().post('/api/1.0/acme/department').set('Authorization', as()).send({ dep_title: 'Alpha' }).expect(201)).body as Pm3Dep;
      acmeUserUid = String(await insertUser(t, { username: 'zed', password: PASSWORD, tenantId: 2 })).padStart(32, '0');
    });

    it('the same title in another workspace is no conflict; a duplicate title in one workspace is, case-insensitively, on create and update', async () => {
      expect(acmeDep.dep_title).toBe('Alpha');
      const before = await snapshot();
      expectPm3Error(
        await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'alpha' }),
        400,
        "Bad Request: The department with dep_title: 'alpha' already exists.",
      );
      expectPm3Error(
        await t.http().put(`${WS}/department/${b.dep_uid}`).set('Authorization', as()).send({ dep_title: 'ALPHA' }),
        400,
        "Bad Request: The department with dep_title: 'ALPHA' already exists.",
      );
      expect(await snapshot()).toEqual(before);
      // Keeping its own title is not a conflict.
      await t.http().put(`${WS}/department/${b.dep_uid}`).set('Authorization', as()).send({ dep_title: 'Beta' }).expect(200);
    });

    it('a cycle in the parents is refused: the department itself, a child, a grandchild', async () => {
      const before = await snapshot();
      for (const parent of [a.dep_uid, b.dep_uid, c.dep_uid]) {
        expectPm3Error(
          await t.http().put(`${WS}/department/${a.dep_uid}`).set('Authorization', as()).send({ dep_parent: parent }),
          400,
          `Bad Request: The department with dep_parent: '${parent}' is the department itself or one of its sub-departments.`,
        );
      }
      expect(await snapshot()).toEqual(before);
    });

    it('an unknown parent, or a parent of another workspace, does not exist', async () => {
      const before = await snapshot();
      for (const parent of [MISSING_UID, acmeDep.dep_uid]) {
        expectPm3Error(
          await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Orphan', dep_parent: parent }),
          400,
          `Bad Request: The department with dep_parent: '${parent}' does not exist.`,
        );
        expectPm3Error(
          await t.http().put(`${WS}/department/${c.dep_uid}`).set('Authorization', as()).send({ dep_parent: parent }),
          400,
          `Bad Request: The department with dep_parent: '${parent}' does not exist.`,
        );
      }
      expect(await snapshot()).toEqual(before);
    });

    it('a missing user, or a user of another workspace, cannot be assigned, made manager or unassigned', async () => {
      const before = await snapshot();
      for (const uid of [MISSING_UID, acmeUserUid]) {
        const message = `Bad Request: The user with usr_uid: '${uid}' does not exist.`;
        expectPm3Error(await assign(a.dep_uid, uid), 400, message);
        expectPm3Error(await t.http().post(`${WS}/department/${a.dep_uid}/assign-user`).set('Authorization', as()).send({ usr_uid: uid }), 400, message);
        expectPm3Error(await t.http().put(`${WS}/department/${a.dep_uid}/set-manager/${uid}`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().put(`${WS}/department/${a.dep_uid}/unassign-user/${uid}`).set('Authorization', as()), 400, message);
        expectPm3Error(
          await t.http().put(`${WS}/department/${a.dep_uid}`).set('Authorization', as()).send({ dep_manager: uid }),
          400,
          `Bad Request: The user with dep_manager: '${uid}' does not exist.`,
        );
        expectPm3Error(
          await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Delta', dep_manager: uid }),
          400,
          `Bad Request: The user with dep_manager: '${uid}' does not exist.`,
        );
      }
      expect(await snapshot()).toEqual(before);
    });

    it('an unknown department, or one of another workspace, does not exist on every route', async () => {
      const before = await snapshot();
      const bob = users.bob!.usr_uid;
      for (const uid of [MISSING_UID, acmeDep.dep_uid]) {
        const message = `Bad Request: The department with dep_uid: '${uid}' does not exist.`;
        const base = `${WS}/department/${uid}`;
        expectPm3Error(await t.http().get(base).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().put(base).set('Authorization', as()).send({ dep_title: 'X' }), 400, message);
        expectPm3Error(await t.http().delete(base).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().get(`${base}/assigned-user`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().get(`${base}/available-user`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().put(`${base}/assign-user/${bob}`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().post(`${base}/assign-user`).set('Authorization', as()).send({ usr_uid: bob }), 400, message);
        expectPm3Error(await t.http().put(`${base}/unassign-user/${bob}`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().put(`${base}/set-manager/${bob}`).set('Authorization', as()), 400, message);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('malformed uids and bodies are 400s naming the field', async () => {
      const before = await snapshot();
      expectPm3Error(await t.http().get(`${WS}/department/not-a-uid`).set('Authorization', as()), 400, /^Bad Request: dep_uid is not a valid id/);
      expectPm3Error(await assign(a.dep_uid, 'xyz'), 400, /^Bad Request: usr_uid is not a valid id/);
      expectPm3Error(await t.http().post(`${WS}/department/${a.dep_uid}/assign-user`).set('Authorization', as()).send({}), 400, /usr_uid/);
      expectPm3Error(await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_parent: '' }), 400, /dep_title/);
      expectPm3Error(await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: '   ' }), 400, /dep_title/);
      expectPm3Error(await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'x'.repeat(256) }), 400, /dep_title/);
      expectPm3Error(await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Epsilon', dep_status: 'CLOSED' }), 400, /dep_status/);
      expectPm3Error(await t.http().post(`${WS}/department`).set('Authorization', as()).send({ dep_title: 'Epsilon', dep_parent: 'abc' }), 400, /dep_parent/);
      expectPm3Error(await t.http().put(`${WS}/department/${a.dep_uid}`).set('Authorization', as()).send({ dep_manager: '12x' }), 400, /dep_manager/);
      expectPm3Error(await t.http().get('/api/1.0/nowhere/departments').set('Authorization', as()), 400, /^Bad Request: /);
      expect(await snapshot()).toEqual(before);
    });

    it('a department with members cannot be deleted (the seed\'s message), nor one with sub-departments', async () => {
      await assign(c.dep_uid, users.frank!.usr_uid).expect(200);
      const before = await snapshot();
      expectPm3Error(
        await t.http().delete(`${WS}/department/${c.dep_uid}`).set('Authorization', as()),
        400,
        'Bad Request: Department cannot be deleted while has assigned users.',
      );
      expectPm3Error(
        await t.http().delete(`${WS}/department/${b.dep_uid}`).set('Authorization', as()),
        400,
        'Bad Request: Department cannot be deleted while has sub-departments.',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('DELETE answers 200 with no body once the department is empty; it is gone afterwards', async () => {
      await t.http().put(`${WS}/department/${c.dep_uid}/unassign-user/${users.frank!.usr_uid}`).set('Authorization', as()).expect(200);
      const res = await t.http().delete(`${WS}/department/${c.dep_uid}`).set('Authorization', as());
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expectPm3Error(await t.http().get(`${WS}/department/${c.dep_uid}`).set('Authorization', as()), 400, `Bad Request: The department with dep_uid: '${c.dep_uid}' does not exist.`);
      expect((await dep(b.dep_uid)).has_children).toBe('0');
    });
  });

  describe('access', () => {
    const routes = (depUid: string, usrUid: string): Array<[string, string, Record<string, string>?]> => [
      ['get', `${WS}/departments`],
      ['get', `${WS}/department/${depUid}`],
      ['post', `${WS}/department`, { dep_title: 'Intruders' }],
      ['put', `${WS}/department/${depUid}`, { dep_title: 'Intruders' }],
      ['delete', `${WS}/department/${depUid}`],
      ['get', `${WS}/department/${depUid}/assigned-user`],
      ['get', `${WS}/department/${depUid}/available-user`],
      ['put', `${WS}/department/${depUid}/assign-user/${usrUid}`],
      ['post', `${WS}/department/${depUid}/assign-user`, { usr_uid: usrUid }],
      ['put', `${WS}/department/${depUid}/unassign-user/${usrUid}`],
      ['put', `${WS}/department/${depUid}/set-manager/${usrUid}`],
    ];
    const call = (method: string, url: string, body: Record<string, string> | undefined, authorization?: string) => {
      const req = t.http()[method as 'get' | 'post' | 'put' | 'delete'](url);
      if (authorization) req.set('Authorization', authorization);
      return body ? req.send(body) : req;
    };

    it('every route answers 401 without credentials and 403 to an operator, changing nothing', async () => {
      const target = await create({ dep_title: 'Guarded' });
      const before = await snapshot();
      for (const [method, url, body] of routes(target.dep_uid, users.oscar!.usr_uid)) {
        expectPm3Error(await call(method, url, body), 401, /^Unauthorized: /);
        expectPm3Error(await call(method, url, body, auth('oscar')), 403, /^Forbidden: /);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('a manager (PM_USERS) administers departments of their own workspace, but gets 403 in another one', async () => {
      const res = await t.http().post(`${WS}/department`).set('Authorization', auth('mona')).send({ dep_title: 'Managed by mona' });
      expect(res.status).toBe(201);
      await t.http().get(`${WS}/departments`).set('Authorization', auth('mona')).expect(200);
      expectPm3Error(await t.http().get('/api/1.0/acme/departments').set('Authorization', auth('mona')), 403, /^Forbidden: /);
    });
  });
});
