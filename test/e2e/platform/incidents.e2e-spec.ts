import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { grantAuthorities } from '../../support/db.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from '../aps/aps-test-helpers.js';
import { insertDefinition, insertIncident, insertInstance, insertTask } from '../aps/engine-instances-fixtures.js';

type Json = Record<string, unknown>;

/** GET /api/platform/incidents (design.md §8 "Incidents"), on rows written by SQL. */
describe('platform: incidents', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let tenantAdmin: CreatedUser;
  let stranger: CreatedUser;
  let def: string;
  let mine: string;
  let bobs: string;
  let foreign: string;
  let i1: string;
  let i2: string;
  let i3: string;
  let resolved: string;

  const list = async (auth: string, query: Record<string, string | number | boolean> = {}): Promise<Json> =>
    (await t.http().get('/api/platform/incidents').query(query).set('Authorization', auth).expect(200)).body as Json;
  const ids = (page: Json): string[] => (page.data as Json[]).map((x) => String(x.id));

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t);
    bob = await createUser(t);
    tenantAdmin = await createTenantAdmin(t);
    const other = await createTenant(t, 'Incidents Other Co');
    stranger = await createUser(t, { tenantId: other });
    await grantAuthorities(t, stranger.id, ['tenant-admin']);
    def = (await insertDefinition(t, { key: 'gw' })).id;
    const otherDef = (await insertDefinition(t, { key: 'gw', tenantId: other })).id;
    mine = await insertInstance(t, { definitionId: def, startedBy: alice.id });
    bobs = await insertInstance(t, { definitionId: def, startedBy: bob.id });
    await insertTask(t, { instanceId: bobs, candidateUserId: alice.id });
    const third = await insertInstance(t, { definitionId: def, startedBy: bob.id });
    foreign = await insertInstance(t, { definitionId: otherDef, startedBy: null, tenantId: other });
    i1 = await insertIncident(t, { instanceId: mine, activityId: 'gw', message: 'No outgoing flow of gw matched', createdAt: '2026-01-01T10:00:00Z' });
    i2 = await insertIncident(t, { instanceId: bobs, createdAt: '2026-01-02T10:00:00Z' });
    i3 = await insertIncident(t, { instanceId: third, createdAt: '2026-01-03T10:00:00Z' });
    resolved = await insertIncident(t, { instanceId: mine, resolved: true, createdAt: '2026-01-04T10:00:00Z' });
    await insertIncident(t, { instanceId: foreign, tenantId: other });
  });
  afterAll(async () => {
    await t.close();
  });

  it('admins list every open incident of their tenant, newest first, in the aps page shape', async () => {
    const page = await list(tenantAdmin.auth);
    expect(page).toMatchObject({ size: 3, total: 3, start: 0 });
    expect(ids(page)).toEqual([i3, i2, i1]);
    expect((page.data as Json[])[2]).toEqual({
      id: Number(i1),
      processInstanceId: mine,
      processDefinitionId: def,
      executionId: null,
      activityId: 'gw',
      type: 'NO_OUTGOING_FLOW',
      message: 'No outgoing flow of gw matched',
      created: '2026-01-01T10:00:00.000+0000',
      resolved: null,
    });
  });

  it('includeResolved adds resolved incidents; processInstanceId filters; paging by start or page', async () => {
    const all = await list(t.adminBasic, { includeResolved: true });
    expect(ids(all)).toEqual([resolved, i3, i2, i1]);
    expect((all.data as Json[])[0]!.resolved).toMatch(APS_DATE);
    expect(ids(await list(t.adminBasic, { processInstanceId: mine }))).toEqual([i1]);
    expect(ids(await list(t.adminBasic, { processInstanceId: mine, includeResolved: true }))).toEqual([resolved, i1]);
    expect(ids(await list(t.adminBasic, { processInstanceId: foreign }))).toEqual([]);
    expect(await list(t.adminBasic, { size: 1, start: 1 })).toMatchObject({ size: 1, total: 3, start: 1, data: [{ id: Number(i2) }] });
    expect(await list(t.adminBasic, { size: 2, page: 1 })).toMatchObject({ size: 1, total: 3, start: 2, data: [{ id: Number(i1) }] });
  });

  it('others see the incidents of the instances they may see only; another tenant sees none of ours', async () => {
    expect(ids(await list(alice.auth))).toEqual([i2, i1]);
    expect(ids(await list(bob.auth))).toEqual([i3, i2]);
    expect(ids(await list(alice.auth, { processInstanceId: bobs }))).toEqual([i2]);
    // The other tenant's admin sees its own incident only.
    const strangers = await list(stranger.auth);
    expect(strangers).toMatchObject({ total: 1, data: [{ processInstanceId: foreign }] });
  });

  it('bad parameters: 400 in the aps shape; no credentials: 401', async () => {
    for (const query of [{ processInstanceId: 'abc' }, { processInstanceId: '99999999999999999999' }, { includeResolved: 'sometimes' }, { size: 0 }, { start: -1 }, { other: 1 }]) {
      const res = await t.http().get('/api/platform/incidents').query(query).set('Authorization', t.adminBasic);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
    }
    await t.http().get('/api/platform/incidents').expect(401);
  });
});
