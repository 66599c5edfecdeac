import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { engineSnapshot, insertDefinition } from './engine-instances-fixtures.js';

type Json = Record<string, unknown>;

/** aps process-definitions: list, candidate starters, start form (definitions written by SQL). */
describe('aps process definitions', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let tenantAdmin: CreatedUser;
  let stranger: CreatedUser;
  let otherTenant: number;
  let groupId: number;
  let invoice1: { id: string; deploymentId: string };
  let invoice2: { id: string; deploymentId: string };
  let leave: { id: string; deploymentId: string };
  let secret: { id: string; deploymentId: string };
  let foreign: { id: string; deploymentId: string };

  const get = (path: string, auth: string) => t.http().get(`${API}${path}`).set('Authorization', auth);
  const list = async (auth: string, query = ''): Promise<Json> => (await get(`/process-definitions${query}`, auth).expect(200)).body as Json;
  const ids = (page: Json): string[] => (page.data as Json[]).map((x) => x.id as string);
  const links = (definitionId: string) =>
    sql<{ user_id: string | null; group_id: string | null; type: string }>(
      t,
      `SELECT user_id::text, group_id::text, type FROM process_engine.identity_links WHERE definition_id = $1 ORDER BY id`,
      [definitionId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    tenantAdmin = await createTenantAdmin(t);
    otherTenant = await createTenant(t, 'Defs Other Co');
    stranger = await createUser(t, { tenantId: otherTenant });
    groupId = (await t.http().post(`${API}/admin/groups`).set('Authorization', t.adminBasic).send({ name: 'Starters', type: 1 }).expect(200)).body.id as number;
    await t.http().post(`${API}/admin/groups/${groupId}/members/${bob.id}`).set('Authorization', t.adminBasic).expect(200);
    invoice1 = await insertDefinition(t, { key: 'invoice', version: 1, name: 'Invoice', category: 'finance', appDefinitionId: 5 });
    invoice2 = await insertDefinition(t, { key: 'invoice', version: 2, name: 'Invoice', category: 'finance', appDefinitionId: 5 });
    leave = await insertDefinition(t, { key: 'leave', name: 'Leave request', description: 'Days off', startFormKey: 'leave-form' });
    secret = await insertDefinition(t, { key: 'secret', name: 'Secret' });
    foreign = await insertDefinition(t, { key: 'invoice', tenantId: otherTenant, name: 'Foreign invoice' });
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, definition_id, group_id, type) VALUES (1, $1, $2, 'candidate')`, [secret.id, groupId]);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET process-definitions', () => {
    it('lists the tenant\'s definitions with exactly the document\'s fields, by name then newest version', async () => {
      const page = await list(t.adminBasic);
      expect(page).toEqual({ size: 4, total: 4, start: 0, data: expect.any(Array) });
      expect(ids(page)).toEqual([invoice2.id, invoice1.id, leave.id, secret.id]);
      expect((page.data as Json[])[2]).toEqual({
        id: leave.id,
        name: 'Leave request',
        description: 'Days off',
        key: 'leave',
        category: null,
        version: 1,
        deploymentId: leave.deploymentId,
        tenantId: 1,
        hasStartForm: true,
      });
      expect((page.data as Json[])[0]).toMatchObject({ id: invoice2.id, version: 2, category: 'finance', hasStartForm: false });
    });

    it('latest=true keeps the newest version of each key; appDefinitionId filters; another tenant sees its own only', async () => {
      expect(ids(await list(t.adminBasic, '?latest=true'))).toEqual([invoice2.id, leave.id, secret.id]);
      expect(ids(await list(t.adminBasic, '?latest=false'))).toHaveLength(4);
      expect(ids(await list(t.adminBasic, '?appDefinitionId=5'))).toEqual([invoice2.id, invoice1.id]);
      expect(ids(await list(t.adminBasic, '?appDefinitionId=5&latest=true'))).toEqual([invoice2.id]);
      // Another app deploys a newer invoice: app 5's latest is still its own version 2.
      const invoice3 = await insertDefinition(t, { key: 'invoice', version: 3, name: 'Invoice', appDefinitionId: 6 });
      expect(ids(await list(t.adminBasic, '?appDefinitionId=5&latest=true'))).toEqual([invoice2.id]);
      expect(ids(await list(t.adminBasic, '?latest=true'))).toEqual([invoice3.id, leave.id, secret.id]);
      await sql(t, `DELETE FROM process_engine.process_definitions WHERE id = $1`, [invoice3.id]);
      expect(ids(await list(stranger.auth))).toEqual([foreign.id]);
    });

    it('pages with start or page and size', async () => {
      expect(await list(t.adminBasic, '?size=2&start=1')).toMatchObject({ size: 2, total: 4, start: 1, data: [{ id: invoice1.id }, { id: leave.id }] });
      expect(await list(t.adminBasic, '?size=3&page=1')).toMatchObject({ size: 1, total: 4, start: 3, data: [{ id: secret.id }] });
    });

    it('a definition with candidate starters is listed for them (through a group) and admins only', async () => {
      expect(ids(await list(alice.auth))).not.toContain(secret.id);
      expect(ids(await list(bob.auth))).toContain(secret.id);
      expect(ids(await list(tenantAdmin.auth))).toContain(secret.id);
    });

    it('bad query parameters: 400', async () => {
      for (const q of ['?latest=maybe', '?appDefinitionId=x', '?size=0', '?page=-1', '?unknown=1']) {
        const res = await get(`/process-definitions${q}`, t.adminBasic);
        expect({ q, status: res.status }).toEqual({ q, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
      }
    });
  });

  describe('candidate starters (identitylinks)', () => {
    const base = (id: string) => `/process-definitions/${encodeURIComponent(id)}/identitylinks`;

    it('an admin adds a user and a group; GET answers each link; a second add is 409', async () => {
      const user = await t.http().post(`${API}${base(leave.id)}`).set('Authorization', t.adminBasic).send({ user: String(alice.id) }).expect(200);
      expect(user.body).toEqual({ user: String(alice.id), group: null, type: 'candidate' });
      const group = await t.http().post(`${API}${base(leave.id)}`).set('Authorization', tenantAdmin.auth).send({ group: groupId }).expect(200);
      expect(group.body).toEqual({ user: null, group: String(groupId), type: 'candidate' });
      expect((await get(`${base(leave.id)}/users/${alice.id}`, bob.auth).expect(200)).body).toEqual({ user: String(alice.id), group: null, type: 'candidate' });
      expect((await get(`${base(leave.id)}/groups/${groupId}`, alice.auth).expect(200)).body).toEqual({ user: null, group: String(groupId), type: 'candidate' });
      const before = await engineSnapshot(t);
      expectApsError((await t.http().post(`${API}${base(leave.id)}`).set('Authorization', t.adminBasic).send({ user: alice.id }).expect(409)).body, 'GENERAL.ERROR.CONFLICT');
      expect(await engineSnapshot(t)).toEqual(before);
      expect(await links(leave.id)).toEqual([
        { user_id: String(alice.id), group_id: null, type: 'candidate' },
        { user_id: null, group_id: String(groupId), type: 'candidate' },
      ]);
      // The lists the Alfresco JS client reads: all, and by family.
      expect((await get(base(leave.id), bob.auth).expect(200)).body).toEqual([
        { user: String(alice.id), group: null, type: 'candidate' },
        { user: null, group: String(groupId), type: 'candidate' },
      ]);
      expect((await get(`${base(leave.id)}/users`, bob.auth).expect(200)).body).toEqual([{ user: String(alice.id), group: null, type: 'candidate' }]);
      expect((await get(`${base(leave.id)}/groups`, bob.auth).expect(200)).body).toEqual([{ user: null, group: String(groupId), type: 'candidate' }]);
      expect((await get(base(invoice1.id), bob.auth).expect(200)).body).toEqual([]);
      await get(base(foreign.id), bob.auth).expect(404);
      await get(`${base(leave.id)}/people`, bob.auth).expect(400);
      // Now only alice, the group's members and admins see the definition.
      expect(ids(await list(alice.auth))).toContain(leave.id);
      expect(ids(await list(bob.auth))).toContain(leave.id);
      const carol = await createUser(t);
      expect(ids(await list(carol.auth))).not.toContain(leave.id);
    });

    it('refused changes leave the links as they were', async () => {
      const before = await engineSnapshot(t);
      const cases: Array<[string, unknown, number, string | undefined]> = [
        [alice.auth, { user: String(bob.id) }, 403, undefined],
        [t.adminBasic, {}, 400, 'user'],
        [t.adminBasic, { user: String(bob.id), group: String(groupId) }, 400, undefined],
        [t.adminBasic, { user: 'bob' }, 400, 'user'],
        [t.adminBasic, { user: -3 }, 400, 'user'],
        [t.adminBasic, { user: '999999' }, 400, 'user'],
        [t.adminBasic, { user: String(stranger.id) }, 400, 'user'],
        [t.adminBasic, { group: '999999' }, 400, 'group'],
        [t.adminBasic, { user: String(bob.id), type: 'candidate' }, 400, undefined],
      ];
      for (const [auth, body, status, field] of cases) {
        const res = await t.http().post(`${API}${base(invoice1.id)}`).set('Authorization', auth).send(body as object);
        expect({ body, status: res.status }).toEqual({ body, status });
        expect(res.body).toMatchObject({ message: expect.any(String), messageKey: expect.stringMatching(/^GENERAL\.ERROR\./), ...(field ? { field } : {}) });
      }
      await t.http().post(`${API}${base('nope:1:999999')}`).set('Authorization', t.adminBasic).send({ user: String(bob.id) }).expect(404);
      await t.http().post(`${API}${base(foreign.id)}`).set('Authorization', t.adminBasic).send({ user: String(bob.id) }).expect(404);
      expectApsError(
        (await t.http().post(`${API}/process-definitions/not-an-id/identitylinks`).set('Authorization', t.adminBasic).send({ user: String(bob.id) }).expect(400)).body,
        'GENERAL.ERROR.BAD-REQUEST',
        'processDefinitionId',
      );
      expect(await engineSnapshot(t)).toEqual(before);
    });

    it('GET: 404 when not a candidate starter or unknown definition, 400 for a bad family or identity id', async () => {
      expectApsError((await get(`${base(leave.id)}/users/${bob.id}`, t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      await get(`${base(leave.id)}/groups/${alice.id}`, t.adminBasic).expect(404);
      await get(`${base(foreign.id)}/users/${alice.id}`, t.adminBasic).expect(404);
      await get(`${base(leave.id)}/users/${alice.id}`, stranger.auth).expect(404);
      expectApsError((await get(`${base(leave.id)}/people/${alice.id}`, t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'family');
      expectApsError((await get(`${base(leave.id)}/users/alice`, t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'identityId');
    });

    it('DELETE removes a link (admins only); again: 404', async () => {
      const before = await engineSnapshot(t);
      await t.http().delete(`${API}${base(leave.id)}/users/${alice.id}`).set('Authorization', alice.auth).expect(403);
      await t.http().delete(`${API}${base(leave.id)}/users/${alice.id}`).set('Authorization', stranger.auth).expect(403);
      await t.http().delete(`${API}${base(leave.id)}/users/${bob.id}`).set('Authorization', t.adminBasic).expect(404);
      await t.http().delete(`${API}${base(leave.id)}/teams/${bob.id}`).set('Authorization', t.adminBasic).expect(400);
      expect(await engineSnapshot(t)).toEqual(before);
      const res = await t.http().delete(`${API}${base(leave.id)}/users/${alice.id}`).set('Authorization', t.adminBasic).expect(200);
      expect(res.text).toBe('');
      expect(await links(leave.id)).toEqual([{ user_id: null, group_id: String(groupId), type: 'candidate' }]);
      await get(`${base(leave.id)}/users/${alice.id}`, t.adminBasic).expect(404);
      await t.http().delete(`${API}${base(leave.id)}/users/${alice.id}`).set('Authorization', t.adminBasic).expect(404);
      await t.http().delete(`${API}${base(leave.id)}/groups/${groupId}`).set('Authorization', tenantAdmin.auth).expect(200);
      expect(await links(leave.id)).toEqual([]);
    });
  });

  describe('GET process-definitions/{id}/start-form', () => {
    it('with a form key that names a form model of the tenant: the document\'s form shape, rendered, with the definition', async () => {
      // No form of that key yet: the definition has no start form to show.
      expect((await get(`/process-definitions/${leave.id}/start-form`, alice.auth).expect(404)).body).toMatchObject({ code: 'ENGINE.NO_START_FORM' });
      const form = { key: 'leave-form', name: 'Leave form', fields: [{ fieldType: 'FormFieldRepresentation', id: 'days', name: 'Days', type: 'integer', required: true }], outcomes: [] };
      await t.http().post(`${API}/models`).set('Authorization', t.adminBasic).send({ modelType: 2, name: 'Leave form', content: JSON.stringify(form) }).expect(200);
      const res = await get(`/process-definitions/${leave.id}/start-form`, alice.auth).expect(200);
      expect(res.body).toMatchObject({
        key: 'leave-form',
        name: 'Leave form',
        processDefinitionId: leave.id,
        processDefinitionName: 'Leave request',
        processDefinitionKey: 'leave',
        outcomes: [],
      });
      expect(res.body.fields).toEqual([expect.objectContaining({ fieldType: 'FormFieldRepresentation', id: 'days', name: 'Days', type: 'integer', required: true, value: null })]);
    });

    it('without a start form: 404 in the aps shape; unknown, other tenant: 404; malformed: 400', async () => {
      const res = await get(`/process-definitions/${invoice1.id}/start-form`, alice.auth).expect(404);
      expect(res.body).toMatchObject({ messageKey: 'GENERAL.ERROR.NOT-FOUND', code: 'ENGINE.NO_START_FORM' });
      await get(`/process-definitions/nope:1:1/start-form`, alice.auth).expect(404);
      await get(`/process-definitions/${foreign.id}/start-form`, alice.auth).expect(404);
      await get(`/process-definitions/leave:x:1/start-form`, alice.auth).expect(400);
    });
  });
});
