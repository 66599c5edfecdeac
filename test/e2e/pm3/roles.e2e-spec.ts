import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { ADMIN_UID, auth, createUser, DATETIME, expectPm3Error, type Pm3UserBody, ROLE_UID, WS } from './pm3-support.js';

interface Pm3RoleBody {
  rol_uid: string;
  rol_code: string;
  rol_total_users: number;
  rol_update_date: string;
  [key: string]: unknown;
}

const per = (id: number) => String(id).padStart(32, '0');

describe('pm3 roles: /api/1.0/{workspace}/roles, /role and its users and permissions', () => {
  let t: TestApp;
  let operator: Pm3UserBody;
  let manager: Pm3UserBody;

  const as = () => t.adminBasic;
  const roles = async (query = ''): Promise<Pm3RoleBody[]> =>
    (await t.http().get(`${WS}/roles${query}`).set('Authorization', as()).expect(200)).body as Pm3RoleBody[];
  const role = async (uid: string): Promise<Pm3RoleBody> =>
    (await t.http().get(`${WS}/role/${uid}`).set('Authorization', as()).expect(200)).body as Pm3RoleBody;
  const roleUsers = async (uid: string, path = 'users', query = ''): Promise<string[]> =>
    ((await t.http().get(`${WS}/role/${uid}/${path}${query}`).set('Authorization', as()).expect(200)).body as Pm3UserBody[]).map((u) => u.usr_username);
  const permissionCodes = async (uid: string, path = 'permissions', query = ''): Promise<string[]> =>
    ((await t.http().get(`${WS}/role/${uid}/${path}${query}`).set('Authorization', as()).expect(200)).body as { per_code: string }[]).map((p) => p.per_code);
  const userRole = async (uid: string): Promise<string> =>
    ((await t.http().get(`${WS}/user/${uid}`).set('Authorization', as()).expect(200)).body as Pm3UserBody).usr_role;
  const createRole = async (code: string, extra: Record<string, string> = {}): Promise<Pm3RoleBody> =>
    (await t.http().post(`${WS}/role`).set('Authorization', as()).send({ rol_code: code, rol_name: `${code} name`, ...extra }).expect(201)).body as Pm3RoleBody;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await createUser(t, 'oscar');
    manager = await createUser(t, 'mona', { usr_role: 'PROCESSMAKER_MANAGER' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('roles', () => {
    it('GET /roles lists the predefined roles in the documented shape, counting their users', async () => {
      const list = await roles();
      expect(list).toEqual([
        {
          rol_uid: ROLE_UID.admin,
          rol_code: 'PROCESSMAKER_ADMIN',
          rol_name: 'System Administrator',
          rol_status: 'ACTIVE',
          rol_system: '00000000000000000000000000000002',
          rol_create_date: expect.stringMatching(DATETIME),
          rol_update_date: '',
          rol_total_users: 1,
        },
        expect.objectContaining({ rol_uid: ROLE_UID.operator, rol_code: 'PROCESSMAKER_OPERATOR', rol_name: 'Operator', rol_total_users: 1 }),
        expect.objectContaining({ rol_uid: ROLE_UID.manager, rol_code: 'PROCESSMAKER_MANAGER', rol_name: 'Manager', rol_total_users: 1 }),
      ]);
      expect(await role(ROLE_UID.admin)).toEqual(list[0]);
    });

    it('filters on role codes only (case-insensitive), and pages with start and limit', async () => {
      expect((await roles('?filter=operator')).map((r) => r.rol_code)).toEqual(['PROCESSMAKER_OPERATOR']);
      expect(await roles('?filter=System')).toEqual([]);
      expect((await roles('?start=1&limit=1')).map((r) => r.rol_code)).toEqual(['PROCESSMAKER_OPERATOR']);
    });

    it('POST /role answers 201 with the new role (ACTIVE by default, never updated, no users)', async () => {
      const res = await t.http().post(`${WS}/role`).set('Authorization', as()).type('form').send('rol_code=Case_Reviewer&rol_name=Case%20Reviewer');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        rol_uid: expect.stringMatching(/^\d{32}$/),
        rol_code: 'Case_Reviewer',
        rol_name: 'Case Reviewer',
        rol_status: 'ACTIVE',
        rol_system: '00000000000000000000000000000002',
        rol_create_date: expect.stringMatching(DATETIME),
        rol_update_date: '',
        rol_total_users: 0,
      });
      expect(await role(res.body.rol_uid)).toEqual(res.body);
      expect((await roles()).map((r) => r.rol_code)).toContain('Case_Reviewer');
    });

    const bad: [string, Record<string, unknown>, string | RegExp][] = [
      ['a duplicate code (any case)', { rol_code: 'case_reviewer', rol_name: 'x' }, "Bad Request: rol_code. The role code 'case_reviewer' already exists"],
      ['a predefined code', { rol_code: 'PROCESSMAKER_ADMIN', rol_name: 'x' }, "Bad Request: rol_code. The role code 'PROCESSMAKER_ADMIN' already exists"],
      ['invalid code characters', { rol_code: 'Bad Code!', rol_name: 'x' }, 'Bad Request: rol_code may contain only letters, numbers and underscores'],
      ['a missing name', { rol_code: 'NoName' }, /^Bad Request: .*rol_name/],
      ['an over-long name', { rol_code: 'LongName', rol_name: 'n'.repeat(256) }, 'Bad Request: rol_name must be shorter than or equal to 255 characters'],
      ['an invalid status', { rol_code: 'BadStatus', rol_name: 'x', rol_status: 'ENABLED' }, 'Bad Request: rol_status must be one of the following values: ACTIVE, INACTIVE'],
      ['a wrong type', { rol_code: 12, rol_name: 'x' }, /^Bad Request: .*rol_code must be a string/],
    ];
    it.each(bad)('POST /role rejects %s with a pm3 400 and creates nothing', async (_name, body, message) => {
      const before = await roles();
      expectPm3Error(await t.http().post(`${WS}/role`).set('Authorization', as()).send(body), 400, message);
      expect(await roles()).toEqual(before);
    });

    it('PUT /role/{rol_uid} changes the fields sent, answers 200 with no body and sets rol_update_date', async () => {
      const r = await createRole('Consultant_Tmp');
      const res = await t.http().put(`${WS}/role/${r.rol_uid}`).set('Authorization', as()).type('form').send('rol_name=Consultant&rol_status=INACTIVE');
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(await role(r.rol_uid)).toEqual({ ...r, rol_name: 'Consultant', rol_status: 'INACTIVE', rol_update_date: expect.stringMatching(DATETIME) });
      const before = await role(r.rol_uid);
      expectPm3Error(await t.http().put(`${WS}/role/${r.rol_uid}`).set('Authorization', as()).send({ rol_code: 'PROCESSMAKER_MANAGER' }), 400, /^Bad Request: rol_code\. The role code/);
      expectPm3Error(await t.http().put(`${WS}/role/${r.rol_uid}`).set('Authorization', as()).send({ rol_code: 'has space' }), 400, /^Bad Request: rol_code may contain only/);
      expect(await role(r.rol_uid)).toEqual(before);
    });

    it('the predefined roles can be neither changed nor deleted', async () => {
      const before = await roles();
      expectPm3Error(await t.http().put(`${WS}/role/${ROLE_UID.admin}`).set('Authorization', as()).send({ rol_status: 'INACTIVE' }), 400, 'Bad Request: The predefined role "PROCESSMAKER_ADMIN" can not be changed or deleted');
      expectPm3Error(await t.http().delete(`${WS}/role/${ROLE_UID.operator}`).set('Authorization', as()), 400, 'Bad Request: The predefined role "PROCESSMAKER_OPERATOR" can not be changed or deleted');
      expect(await roles()).toEqual(before);
    });

    it('unknown and malformed rol_uid are pm3 400s', async () => {
      expectPm3Error(await t.http().get(`${WS}/role/00000000000000000000000000000099`).set('Authorization', as()), 400, 'Bad Request: The role with rol_uid: 00000000000000000000000000000099 does not exist.');
      expectPm3Error(await t.http().get(`${WS}/role/not-a-uid`).set('Authorization', as()), 400, 'Bad Request: rol_uid is not a valid id: "not-a-uid"');
      expectPm3Error(await t.http().delete(`${WS}/role/${'9'.repeat(40)}`).set('Authorization', as()), 400, /^Bad Request: rol_uid is not a valid id/);
    });
  });

  describe('role users', () => {
    it('assigning moves a user from their old role (201, no body); lists, counts and usr_role follow', async () => {
      const r = await createRole('Reviewer');
      const u1 = await createUser(t, 'bsmith', { usr_firstname: 'Bob', usr_lastname: 'Smith' });
      const u2 = await createUser(t, 'adoe', { usr_firstname: 'Ann', usr_lastname: 'Doe' });
      expect(await roleUsers(r.rol_uid)).toEqual([]);
      for (const u of [u1, u2]) {
        const res = await t.http().post(`${WS}/role/${r.rol_uid}/user`).set('Authorization', as()).send({ usr_uid: u.usr_uid });
        expect(res.status).toBe(201);
        expect(res.text).toBe('');
      }
      expect(await userRole(u1.usr_uid)).toBe('Reviewer');
      const assigned = await t.http().get(`${WS}/role/${r.rol_uid}/users`).set('Authorization', as()).expect(200);
      expect(assigned.body).toEqual([
        { usr_uid: u2.usr_uid, usr_username: 'adoe', usr_firstname: 'Ann', usr_lastname: 'Doe', usr_status: 'ACTIVE' },
        { usr_uid: u1.usr_uid, usr_username: 'bsmith', usr_firstname: 'Bob', usr_lastname: 'Smith', usr_status: 'ACTIVE' },
      ]);
      expect(await roleUsers(r.rol_uid, 'users', '?filter=SMI')).toEqual(['bsmith']);
      expect(await roleUsers(r.rol_uid, 'users', '?start=1&limit=1')).toEqual(['bsmith']);
      expect((await role(r.rol_uid)).rol_total_users).toBe(2);
      const available = await roleUsers(r.rol_uid, 'available-users');
      expect(available).toEqual(['admin', 'mona', 'oscar']);
      expect(await roleUsers(ROLE_UID.operator, 'users')).toEqual(['oscar']);

      expectPm3Error(await t.http().post(`${WS}/role/${r.rol_uid}/user`).set('Authorization', as()).send({ usr_uid: u1.usr_uid }), 400, `Bad Request: The user with usr_uid: ${u1.usr_uid} is already assigned to the role.`);

      // A role with users cannot be deleted.
      expectPm3Error(await t.http().delete(`${WS}/role/${r.rol_uid}`).set('Authorization', as()), 400, 'Bad Request: This role cannot be deleted while it still has some assigned users.');
      expect((await role(r.rol_uid)).rol_total_users).toBe(2);

      // Unassigning moves the user to the Operator role.
      const un = await t.http().delete(`${WS}/role/${r.rol_uid}/user/${u1.usr_uid}`).set('Authorization', as());
      expect(un.status).toBe(200);
      expect(await userRole(u1.usr_uid)).toBe('PROCESSMAKER_OPERATOR');
      expectPm3Error(await t.http().delete(`${WS}/role/${r.rol_uid}/user/${u1.usr_uid}`).set('Authorization', as()), 400, `Bad Request: The user with usr_uid: ${u1.usr_uid} is not assigned to the role.`);
      expectPm3Error(await t.http().delete(`${WS}/role/${ROLE_UID.operator}/user/${u1.usr_uid}`).set('Authorization', as()), 400, /^Bad Request: Users cannot be unassigned from the Operator role/);
      expect(await userRole(u1.usr_uid)).toBe('PROCESSMAKER_OPERATOR');

      // Once empty, the role can go; a deleted user that held it does not pin it.
      await t.http().delete(`${WS}/user/${u2.usr_uid}`).set('Authorization', as()).expect(200);
      const del = await t.http().delete(`${WS}/role/${r.rol_uid}`).set('Authorization', as());
      expect(del.status).toBe(200);
      expect(del.text).toBe('');
      expectPm3Error(await t.http().get(`${WS}/role/${r.rol_uid}`).set('Authorization', as()), 400, `Bad Request: The role with rol_uid: ${r.rol_uid} does not exist.`);
    });

    it('the admin user is listed as available but its role cannot change', async () => {
      expect(await roleUsers(ROLE_UID.manager, 'available-users')).toContain('admin');
      expectPm3Error(await t.http().post(`${WS}/role/${ROLE_UID.manager}/user`).set('Authorization', as()).send({ usr_uid: ADMIN_UID }), 400, 'Bad Request: The role of the administrator can not be changed!');
      expectPm3Error(await t.http().delete(`${WS}/role/${ROLE_UID.admin}/user/${ADMIN_UID}`).set('Authorization', as()), 400, 'Bad Request: The role of the administrator can not be changed!');
      expect(await userRole(ADMIN_UID)).toBe('PROCESSMAKER_ADMIN');
    });

    it('rejects a missing, malformed or unknown usr_uid and changes nothing', async () => {
      const before = await roleUsers(ROLE_UID.manager);
      const post = (body: Record<string, unknown>) => t.http().post(`${WS}/role/${ROLE_UID.manager}/user`).set('Authorization', as()).send(body);
      expectPm3Error(await post({}), 400, /^Bad Request: .*usr_uid/);
      expectPm3Error(await post({ usr_uid: 'abc' }), 400, 'Bad Request: usr_uid is not a valid id: "abc"');
      expectPm3Error(await post({ usr_uid: '00000000000000000000000000055555' }), 400, 'Bad Request: The user with usr_uid: 00000000000000000000000000055555 does not exist.');
      expectPm3Error(await post({ usr_uid: operator.usr_uid, usr_username: 'x' }), 400, 'Bad Request: property usr_username should not exist');
      expect(await roleUsers(ROLE_UID.manager)).toEqual(before);
    });

    it('users of an INACTIVE role can no longer sign in', async () => {
      const r = await createRole('Temps');
      const u = await createUser(t, 'temp1');
      await t.http().post(`${WS}/role/${r.rol_uid}/user`).set('Authorization', as()).send({ usr_uid: u.usr_uid }).expect(201);
      await t.http().get(`${WS}/user/${u.usr_uid}`).set('Authorization', auth('temp1')).expect(200);
      await t.http().put(`${WS}/role/${r.rol_uid}`).set('Authorization', as()).send({ rol_status: 'INACTIVE' }).expect(200);
      expectPm3Error(await t.http().get(`${WS}/user/${u.usr_uid}`).set('Authorization', auth('temp1')), 401, /^Unauthorized: /);
    });
  });

  describe('role permissions', () => {
    it('lists a role\'s ProcessMaker permissions by per_uid, with filter, start and limit', async () => {
      const res = await t.http().get(`${WS}/role/${ROLE_UID.operator}/permissions`).set('Authorization', as()).expect(200);
      expect(res.body).toEqual([
        { per_uid: per(1), per_code: 'PM_LOGIN', per_name: 'Login' },
        { per_uid: per(5), per_code: 'PM_CASES', per_name: 'Create cases' },
        { per_uid: per(11), per_code: 'PM_DASHBOARD', per_name: 'Dashboard' },
        { per_uid: per(14), per_code: 'PM_EDITPERSONALINFO', per_name: 'Edit personal info' },
      ]);
      // The administrator role also grants capabilities and authorities; pm3 shows only its permissions.
      const admin = await permissionCodes(ROLE_UID.admin);
      expect(admin).toHaveLength(25);
      expect(admin.every((c) => c.startsWith('PM_'))).toBe(true);
      expect(await permissionCodes(ROLE_UID.admin, 'permissions', '?filter=setup&start=1&limit=2')).toEqual(['PM_SETUP_ADVANCE', 'PM_SETUP_LOGO']);
      const available = await permissionCodes(ROLE_UID.operator, 'available-permissions');
      expect(available).toHaveLength(21);
      expect(available).not.toContain('PM_LOGIN');
      expect(await permissionCodes(ROLE_UID.admin, 'available-permissions')).toEqual([]);
    });

    it('assigning a permission (201) takes effect: a custom role with PM_USERS may list users', async () => {
      const r = await createRole('UserKeeper');
      const u = await createUser(t, 'keeper');
      await t.http().post(`${WS}/role/${r.rol_uid}/user`).set('Authorization', as()).send({ usr_uid: u.usr_uid }).expect(201);
      expectPm3Error(await t.http().get(`${WS}/users`).set('Authorization', auth('keeper')), 403, /^Forbidden: /);
      for (const id of [1, 3]) {
        const res = await t.http().post(`${WS}/role/${r.rol_uid}/permission`).set('Authorization', as()).send({ per_uid: per(id) });
        expect(res.status).toBe(201);
        expect(res.text).toBe('');
      }
      expect(await permissionCodes(r.rol_uid)).toEqual(['PM_LOGIN', 'PM_USERS']);
      expect((await role(r.rol_uid)).rol_update_date).toMatch(DATETIME);
      await t.http().get(`${WS}/users`).set('Authorization', auth('keeper')).expect(200);

      expectPm3Error(await t.http().post(`${WS}/role/${r.rol_uid}/permission`).set('Authorization', as()).send({ per_uid: per(3) }), 400, `Bad Request: The permission with per_uid: ${per(3)} is already assigned to the role.`);

      expect((await t.http().delete(`${WS}/role/${r.rol_uid}/permission/${per(3)}`).set('Authorization', as())).status).toBe(200);
      expect(await permissionCodes(r.rol_uid)).toEqual(['PM_LOGIN']);
      expectPm3Error(await t.http().get(`${WS}/users`).set('Authorization', auth('keeper')), 403, /^Forbidden: /);
      expectPm3Error(await t.http().delete(`${WS}/role/${r.rol_uid}/permission/${per(3)}`).set('Authorization', as()), 400, `Bad Request: The permission with per_uid: ${per(3)} is not assigned to the role.`);
    });

    it('rejects unknown, malformed and non-pm3 per_uid and changes nothing', async () => {
      const r = await createRole('PermsBad');
      const post = (body: Record<string, unknown>) => t.http().post(`${WS}/role/${r.rol_uid}/permission`).set('Authorization', as()).send(body);
      expectPm3Error(await post({ per_uid: per(999) }), 400, `Bad Request: The permission with per_uid: ${per(999)} does not exist.`);
      // 100 is the Alfresco tenant-manager capability: not a pm3 permission.
      expectPm3Error(await post({ per_uid: per(100) }), 400, `Bad Request: The permission with per_uid: ${per(100)} does not exist.`);
      expectPm3Error(await post({ per_uid: 'PM_LOGIN' }), 400, 'Bad Request: per_uid is not a valid id: "PM_LOGIN"');
      expectPm3Error(await post({ per_uid: 7 }), 400, /^Bad Request: .*per_uid must be a string/);
      expectPm3Error(await t.http().delete(`${WS}/role/${r.rol_uid}/permission/xyz`).set('Authorization', as()), 400, 'Bad Request: per_uid is not a valid id: "xyz"');
      expect(await permissionCodes(r.rol_uid)).toEqual([]);
    });

    it('the permissions of PROCESSMAKER_ADMIN can not be changed', async () => {
      const before = await permissionCodes(ROLE_UID.admin);
      expectPm3Error(await t.http().delete(`${WS}/role/${ROLE_UID.admin}/permission/${per(3)}`).set('Authorization', as()), 400, 'Bad Request: The permissions of the "PROCESSMAKER_ADMIN" role can not be changed.');
      expect(await permissionCodes(ROLE_UID.admin)).toEqual(before);
      const rows = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM identity.role_permissions WHERE role_id = 2`);
      // Every catalog entry but tenant-mgmt, which crosses tenants (migration 1763800000600).
      expect(rows[0]!.n).toBe(33);
    });

    it('the tenant manager may add a permission to a shared predefined role, as the document\'s PM_DASHBOARD example does', async () => {
      await t.http().post(`${WS}/role/${ROLE_UID.operator}/permission`).set('Authorization', as()).send({ per_uid: per(7) }).expect(201);
      expect(await permissionCodes(ROLE_UID.operator)).toContain('PM_REASSIGNCASE');
      await t.http().delete(`${WS}/role/${ROLE_UID.operator}/permission/${per(7)}`).set('Authorization', as()).expect(200);
      expect(await permissionCodes(ROLE_UID.operator)).not.toContain('PM_REASSIGNCASE');
    });
  });

  describe('access', () => {
    it('no credentials: 401; an operator: 403 on every role endpoint, and nothing changes', async () => {
      expectPm3Error(await t.http().get(`${WS}/roles`), 401, /^Unauthorized: /);
      const op = auth('oscar');
      const before = await roles();
      expectPm3Error(await t.http().get(`${WS}/roles`).set('Authorization', op), 403, /^Forbidden: /);
      expectPm3Error(await t.http().get(`${WS}/role/${ROLE_UID.admin}`).set('Authorization', op), 403, /^Forbidden: /);
      expectPm3Error(await t.http().post(`${WS}/role`).set('Authorization', op).send({ rol_code: 'Mine', rol_name: 'Mine' }), 403, /^Forbidden: /);
      expectPm3Error(await t.http().get(`${WS}/role/${ROLE_UID.admin}/users`).set('Authorization', op), 403, /^Forbidden: /);
      expectPm3Error(await t.http().post(`${WS}/role/${ROLE_UID.admin}/user`).set('Authorization', op).send({ usr_uid: operator.usr_uid }), 403, /^Forbidden: /);
      expectPm3Error(await t.http().post(`${WS}/role/${ROLE_UID.operator}/permission`).set('Authorization', op).send({ per_uid: per(3) }), 403, /^Forbidden: /);
      expect(await roles()).toEqual(before);
      expect(await userRole(operator.usr_uid)).toBe('PROCESSMAKER_OPERATOR');
      expect(await permissionCodes(ROLE_UID.operator)).not.toContain('PM_USERS');
    });

    it('a manager (PM_USERS) reads roles but cannot hand out the administrator role or change shared roles', async () => {
      const asManager = auth('mona');
      await t.http().get(`${WS}/roles`).set('Authorization', asManager).expect(200);
      expectPm3Error(await t.http().post(`${WS}/role/${ROLE_UID.admin}/user`).set('Authorization', asManager).send({ usr_uid: operator.usr_uid }), 403, /^Forbidden: You cannot grant permissions you do not hold/);
      expect(await userRole(operator.usr_uid)).toBe('PROCESSMAKER_OPERATOR');
      expectPm3Error(await t.http().post(`${WS}/role/${ROLE_UID.operator}/permission`).set('Authorization', asManager).send({ per_uid: per(3) }), 403, /^Forbidden: /);
      expect(await permissionCodes(ROLE_UID.operator)).not.toContain('PM_USERS');
      expect(manager.usr_role).toBe('PROCESSMAKER_MANAGER');
    });
  });
});
