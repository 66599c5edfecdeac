import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { RuntimeFixtures } from './engine-runtime-data.fixtures.js';

type Json = Record<string, unknown>;

const ALL_TYPES = [
  { name: 'aString', type: 'string', value: 'hello' },
  { name: 'anInteger', type: 'integer', value: 42 },
  { name: 'aLong', type: 'long', value: 9007199254740991 },
  { name: 'aDouble', type: 'double', value: 2.5 },
  { name: 'aBoolean', type: 'boolean', value: true },
  { name: 'aDate', type: 'date', value: '2026-11-22T10:00:00.000+0000' },
  { name: 'aJson', type: 'json', value: { nested: [1, 'two', { three: null }] } },
];

describe('aps runtime data: process instance and task variables', () => {
  let t: TestApp;
  let fx: RuntimeFixtures;
  let alice: CreatedUser;
  let bob: CreatedUser;

  const http = () => t.http();
  const pv = (id: string, rest = '') => `${API}/process-instances/${id}/variables${rest}`;
  const tv = (id: string, rest = '') => `${API}/tasks/${id}/variables${rest}`;
  const list = async (url: string, auth = t.adminBasic): Promise<Json[]> => (await http().get(url).set('Authorization', auth).expect(200)).body as Json[];
  /** What a refused request must leave as it was: the variables, their history and the audit trail. */
  const snapshot = async (): Promise<unknown> => ({
    variables: await sql(t, `SELECT instance_id::text, task_id::text, name, type, value FROM process_engine.variables ORDER BY id`),
    history: await sql(t, `SELECT count(*)::int AS n FROM process_engine.variable_history`),
    audit: await sql(t, `SELECT count(*)::int AS n FROM process_engine.audit_entries`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    fx = new RuntimeFixtures(t);
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('process-instances/{id}/variables', () => {
    it('every type round-trips with its type: POST answers the created variables in order, GET lists them by name, GET /{name} answers one', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const created = await http().post(pv(id)).set('Authorization', alice.auth).send(ALL_TYPES).expect(200);
      expect(created.body).toEqual(ALL_TYPES);
      const sorted = [...ALL_TYPES].sort((a, b) => (a.name < b.name ? -1 : 1));
      expect(await list(pv(id), alice.auth)).toEqual(sorted);
      for (const v of ALL_TYPES) {
        const one = await http().get(pv(id, `/${v.name}`)).set('Authorization', alice.auth).expect(200);
        expect(one.body).toEqual(v);
      }
      // Stored typed, the date in UTC, the json as jsonb.
      const rows = await sql<{ name: string; type: string; value: unknown }>(t, `SELECT name, type, value FROM process_engine.variables WHERE instance_id = $1 ORDER BY name`, [id]);
      expect(rows.find((r) => r.name === 'aDate')).toEqual({ name: 'aDate', type: 'date', value: '2026-11-22T10:00:00.000Z' });
      expect(rows.find((r) => r.name === 'aJson')!.value).toEqual({ nested: [1, 'two', { three: null }] });
    });

    it('converts what the type allows: numeric text, "true", ISO dates with an offset or none (UTC), and infers a missing type', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const res = await http()
        .post(pv(id))
        .set('Authorization', alice.auth)
        .send([
          { name: 'n', type: 'integer', value: '17' },
          { name: 'd', type: 'double', value: '0.25' },
          { name: 'b', type: 'boolean', value: 'false' },
          { name: 'when', type: 'date', value: '2026-11-22T12:00:00+02:00' },
          { name: 'day', type: 'date', value: '2026-11-22' },
          { name: 'noon', type: 'date', value: '2026-11-22T12:00:00' },
          { name: 'inferred', value: 5 },
          { name: 'big', value: 3000000000 },
          { name: 'obj', value: { a: 1 } },
          { name: 'nothing', type: 'string', value: null },
          { name: 'untyped' },
        ])
        .expect(200);
      expect(res.body).toEqual([
        { name: 'n', type: 'integer', value: 17 },
        { name: 'd', type: 'double', value: 0.25 },
        { name: 'b', type: 'boolean', value: false },
        { name: 'when', type: 'date', value: '2026-11-22T10:00:00.000+0000' },
        { name: 'day', type: 'date', value: '2026-11-22T00:00:00.000+0000' },
        { name: 'noon', type: 'date', value: '2026-11-22T12:00:00.000+0000' },
        { name: 'inferred', type: 'integer', value: 5 },
        { name: 'big', type: 'long', value: 3000000000 },
        { name: 'obj', type: 'json', value: { a: 1 } },
        { name: 'nothing', type: 'string', value: null },
        { name: 'untyped', type: null, value: null },
      ]);
    });

    it('accepts a single object as the body (design.md §8)', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const res = await http().post(pv(id)).set('Authorization', alice.auth).send({ name: 'single', type: 'string', value: 'x' }).expect(200);
      expect(res.body).toEqual([{ name: 'single', type: 'string', value: 'x' }]);
    });

    it.each([
      ['integer "abc"', { name: 'amount', type: 'integer', value: 'abc' }],
      ['integer 4.5', { name: 'amount', type: 'integer', value: 4.5 }],
      ['integer beyond 32 bits', { name: 'amount', type: 'integer', value: 2147483648 }],
      ['boolean "yes"', { name: 'amount', type: 'boolean', value: 'yes' }],
      ['date "tomorrow"', { name: 'amount', type: 'date', value: 'tomorrow' }],
      ['date 2026-02-30', { name: 'amount', type: 'date', value: '2026-02-30' }],
      ['double "0x10"', { name: 'amount', type: 'double', value: '0x10' }],
      ['string 42', { name: 'amount', type: 'string', value: 42 }],
      ['an unknown type', { name: 'amount', type: 'float', value: 1.5 }],
    ])('a batch with one bad item (%s) answers 400 naming the variable and stores nothing of the batch', async (_label, bad) => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send([{ name: 'kept', type: 'string', value: 'before' }]).expect(200);
      const before = await snapshot();
      for (const [method, body] of [
        ['post', [{ name: 'fresh', type: 'string', value: 'ok' }, bad]],
        ['put', [{ name: 'kept', type: 'string', value: 'after' }, { name: 'fresh', type: 'string', value: 'ok' }, bad]],
      ] as const) {
        const res = await http()[method](pv(id)).set('Authorization', alice.auth).send(body).expect(400);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'amount');
        expect(res.body.message).toContain('amount');
      }
      const one = await http().put(pv(id, '/kept')).set('Authorization', alice.auth).send({ ...bad, name: 'kept' }).expect(400);
      expectApsError(one.body, 'GENERAL.ERROR.BAD-REQUEST', 'kept');
      expect(await snapshot()).toEqual(before);
      expect(await list(pv(id), alice.auth)).toEqual([{ name: 'kept', type: 'string', value: 'before' }]);
    });

    it('refuses malformed bodies with 400 and stores nothing: empty array, not an object, unknown property, no name, bad scope, a name twice', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const before = await snapshot();
      for (const body of [
        [],
        ['text'],
        [{ name: 'a', type: 'string', value: 'x', extra: 1 }],
        [{ type: 'string', value: 'x' }],
        [{ name: '', type: 'string', value: 'x' }],
        [{ name: 'a', type: 5, value: 'x' }],
        [{ name: 'a', value: 'x', scope: 'everywhere' }],
        [{ name: 'a', value: 'x' }, { name: 'a', value: 'y' }],
        [{ name: 'n'.repeat(256), value: 'x' }],
      ]) {
        const res = await http().post(pv(id)).set('Authorization', alice.auth).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.messageKey).toBe('GENERAL.ERROR.BAD-REQUEST');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('creating a variable that exists is a conflict (409 naming it) and creates none of the batch', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send([{ name: 'a', type: 'string', value: '1' }]).expect(200);
      const before = await snapshot();
      const res = await http()
        .post(pv(id))
        .set('Authorization', alice.auth)
        .send([{ name: 'b', type: 'string', value: '2' }, { name: 'a', type: 'integer', value: 3 }])
        .expect(409);
      expectApsError(res.body, 'GENERAL.ERROR.CONFLICT', 'a');
      expect(await snapshot()).toEqual(before);
      expect(await list(pv(id), alice.auth)).toEqual([{ name: 'a', type: 'string', value: '1' }]);
    });

    it('PUT on the collection updates what exists (type may change) and creates the rest; history records created and updated', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send([{ name: 'a', type: 'string', value: '1' }]).expect(200);
      const res = await http()
        .put(pv(id))
        .set('Authorization', alice.auth)
        .send([{ name: 'a', type: 'integer', value: 1 }, { name: 'b', type: 'boolean', value: true }])
        .expect(200);
      expect(res.body).toEqual([{ name: 'a', type: 'integer', value: 1 }, { name: 'b', type: 'boolean', value: true }]);
      expect(await list(pv(id), alice.auth)).toEqual(res.body);
      const history = await sql(t, `SELECT name, type, value, change, changed_by::int AS by FROM process_engine.variable_history WHERE instance_id = $1 ORDER BY id`, [id]);
      expect(history).toEqual([
        { name: 'a', type: 'string', value: '1', change: 'created', by: alice.id },
        { name: 'a', type: 'integer', value: 1, change: 'updated', by: alice.id },
        { name: 'b', type: 'boolean', value: true, change: 'created', by: alice.id },
      ]);
      const audit = await sql<{ type: string; user: number; details: Json }>(
        t,
        `SELECT type, user_id::int AS "user", details FROM process_engine.audit_entries WHERE instance_id = $1 AND type = 'variables-updated' ORDER BY id`,
        [id],
      );
      expect(audit).toEqual([
        { type: 'variables-updated', user: alice.id, details: { scope: 'global', variables: [{ name: 'a', type: 'string', value: '1', change: 'created' }] } },
        {
          type: 'variables-updated',
          user: alice.id,
          details: {
            scope: 'global',
            variables: [
              { name: 'a', type: 'integer', value: 1, change: 'updated' },
              { name: 'b', type: 'boolean', value: true, change: 'created' },
            ],
          },
        },
      ]);
    });

    it('PUT /{name} updates one variable (name in the body optional, and must match); unknown name 404', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send([{ name: 'a', type: 'string', value: '1' }]).expect(200);
      const res = await http().put(pv(id, '/a')).set('Authorization', alice.auth).send({ name: 'a', type: 'double', value: 1.5 }).expect(200);
      expect(res.body).toEqual({ name: 'a', type: 'double', value: 1.5 });
      expect((await http().put(pv(id, '/a')).set('Authorization', alice.auth).send({ type: 'string', value: 'z' }).expect(200)).body).toEqual({
        name: 'a',
        type: 'string',
        value: 'z',
      });
      const before = await snapshot();
      expectApsError((await http().put(pv(id, '/a')).set('Authorization', alice.auth).send({ name: 'b', type: 'string', value: 'q' }).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'name');
      expectApsError((await http().put(pv(id, '/missing')).set('Authorization', alice.auth).send({ type: 'string', value: 'q' }).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      expect(await snapshot()).toEqual(before);
      expect(await list(pv(id), alice.auth)).toEqual([{ name: 'a', type: 'string', value: 'z' }]);
    });

    it('DELETE /{name} deletes (200, empty body), then GET and DELETE answer 404; history records the deletion', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send([{ name: 'a', type: 'string', value: '1' }, { name: 'b', value: 2 }]).expect(200);
      const res = await http().delete(pv(id, '/a')).set('Authorization', alice.auth).expect(200);
      expect(res.text).toBe('');
      expect(await list(pv(id), alice.auth)).toEqual([{ name: 'b', type: 'integer', value: 2 }]);
      expectApsError((await http().get(pv(id, '/a')).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'variableName');
      await http().delete(pv(id, '/a')).set('Authorization', alice.auth).expect(404);
      const [last] = await sql(t, `SELECT name, change, value FROM process_engine.variable_history WHERE instance_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
      expect(last).toEqual({ name: 'a', change: 'deleted', value: null });
    });

    it('names with spaces and unicode work through the path', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', alice.auth).send({ name: 'grand total €', value: 'x' }).expect(200);
      expect((await http().get(pv(id, `/${encodeURIComponent('grand total €')}`)).set('Authorization', alice.auth).expect(200)).body).toEqual({
        name: 'grand total €',
        type: 'string',
        value: 'x',
      });
    });

    it('visibility: the starter and admins read and write; an uninvolved user gets 403 and changes nothing; unknown or other-tenant ids 404; malformed ids 400', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      await http().post(pv(id)).set('Authorization', t.adminBasic).send({ name: 'byAdmin', value: 1 }).expect(200);
      const before = await snapshot();
      expectApsError((await http().get(pv(id)).set('Authorization', bob.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await http().get(pv(id, '/byAdmin')).set('Authorization', bob.auth).expect(403);
      await http().post(pv(id)).set('Authorization', bob.auth).send({ name: 'x', value: 1 }).expect(403);
      await http().put(pv(id)).set('Authorization', bob.auth).send({ name: 'byAdmin', value: 2 }).expect(403);
      await http().put(pv(id, '/byAdmin')).set('Authorization', bob.auth).send({ value: 2 }).expect(403);
      await http().delete(pv(id, '/byAdmin')).set('Authorization', bob.auth).expect(403);
      expect(await snapshot()).toEqual(before);

      // Involved through a participant link: bob may now read.
      await fx.link({ instanceId: id, userId: bob.id, type: 'participant' });
      expect(await list(pv(id), bob.auth)).toEqual([{ name: 'byAdmin', type: 'integer', value: 1 }]);

      const foreign = await fx.instance({ tenantId: 2 });
      expectApsError((await http().get(pv(foreign)).set('Authorization', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'processInstanceId');
      await http().post(pv(foreign)).set('Authorization', t.adminBasic).send({ name: 'x', value: 1 }).expect(404);
      await http().get(pv('999999999')).set('Authorization', t.adminBasic).expect(404);
      for (const bad of ['abc', '-1', '0', '1.5']) {
        expectApsError((await http().get(pv(bad)).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'processInstanceId');
      }
      await http().post(pv('abc')).set('Authorization', t.adminBasic).send({ name: 'x', value: 1 }).expect(400);
      await http().get(pv(id)).expect(401);
    });

    it('concurrent creates of one name: exactly one succeeds, the others answer 409; the winner\'s value is stored once', async () => {
      const id = await fx.instance({ startedBy: alice.id });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => http().post(pv(id)).set('Authorization', alice.auth).send({ name: 'race', type: 'integer', value: i })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.body as Json[];
      expect(await list(pv(id), alice.auth)).toEqual(winner);
      const history = await sql(t, `SELECT change FROM process_engine.variable_history WHERE instance_id = $1`, [id]);
      expect(history).toEqual([{ change: 'created' }]);
    });

    it('writes on a suspended or ended instance answer 409 and change nothing; reads still work', async () => {
      for (const state of ['suspended', 'completed'] as const) {
        const id = await fx.instance({ startedBy: alice.id });
        await http().post(pv(id)).set('Authorization', alice.auth).send({ name: 'a', value: 1 }).expect(200);
        await fx.setState(id, state);
        const before = await snapshot();
        const res = await http().post(pv(id)).set('Authorization', alice.auth).send({ name: 'b', value: 1 }).expect(409);
        expectApsError(res.body, 'GENERAL.ERROR.CONFLICT', 'processInstanceId');
        expect(res.body.message).toContain(state);
        await http().put(pv(id)).set('Authorization', alice.auth).send({ name: 'a', value: 2 }).expect(409);
        await http().put(pv(id, '/a')).set('Authorization', alice.auth).send({ value: 2 }).expect(409);
        await http().delete(pv(id, '/a')).set('Authorization', alice.auth).expect(409);
        expect(await snapshot()).toEqual(before);
        expect(await list(pv(id), alice.auth)).toEqual([{ name: 'a', type: 'integer', value: 1 }]);
      }
    });
  });

  describe('tasks/{id}/variables', () => {
    it('POST creates local variables by default and global ones on the process instance; GET lists both with their scope', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      const res = await http()
        .post(tv(taskId))
        .set('Authorization', alice.auth)
        .send([
          { name: 'mine', type: 'string', value: 'local value' },
          { name: 'shared', scope: 'global', type: 'integer', value: 7 },
          { name: 'explicit', scope: 'local', type: 'boolean', value: false },
        ])
        .expect(200);
      expect(res.body).toEqual([
        { name: 'mine', scope: 'local', type: 'string', value: 'local value' },
        { name: 'shared', scope: 'global', type: 'integer', value: 7 },
        { name: 'explicit', scope: 'local', type: 'boolean', value: false },
      ]);
      expect(await list(tv(taskId), alice.auth)).toEqual([
        { name: 'explicit', scope: 'local', type: 'boolean', value: false },
        { name: 'mine', scope: 'local', type: 'string', value: 'local value' },
        { name: 'shared', scope: 'global', type: 'integer', value: 7 },
      ]);
      // The global one is the instance's variable; the local ones are not.
      expect(await list(pv(instanceId), alice.auth)).toEqual([{ name: 'shared', type: 'integer', value: 7 }]);
      expect(await list(tv(taskId, '?scope=local'), alice.auth)).toEqual([
        { name: 'explicit', scope: 'local', type: 'boolean', value: false },
        { name: 'mine', scope: 'local', type: 'string', value: 'local value' },
      ]);
      expect(await list(tv(taskId, '?scope=global'), alice.auth)).toEqual([{ name: 'shared', scope: 'global', type: 'integer', value: 7 }]);
      expectApsError((await http().get(tv(taskId, '?scope=everywhere')).set('Authorization', alice.auth).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'scope');
    });

    it('every type round-trips as a local and as a global task variable', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      const local = ALL_TYPES.map((v) => ({ ...v, scope: 'local' }));
      const global = ALL_TYPES.map((v) => ({ ...v, name: `g_${v.name}`, scope: 'global' }));
      const res = await http().post(tv(taskId)).set('Authorization', alice.auth).send([...local, ...global]).expect(200);
      expect(res.body).toEqual([...local, ...global].map(({ name, scope, type, value }) => ({ name, scope, type, value })));
      for (const v of [...local, ...global]) {
        expect((await http().get(tv(taskId, `/${v.name}?scope=${v.scope}`)).set('Authorization', alice.auth).expect(200)).body).toEqual(v);
      }
    });

    it('a local variable hides a global one of the same name; GET /{name} without scope answers the local, with scope=global the instance\'s', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await http().post(pv(instanceId)).set('Authorization', alice.auth).send({ name: 'x', type: 'string', value: 'global' }).expect(200);
      expect((await http().get(tv(taskId, '/x')).set('Authorization', alice.auth).expect(200)).body).toEqual({ name: 'x', scope: 'global', type: 'string', value: 'global' });
      await http().post(tv(taskId)).set('Authorization', alice.auth).send({ name: 'x', type: 'string', value: 'local' }).expect(200);
      expect(await list(tv(taskId), alice.auth)).toEqual([{ name: 'x', scope: 'local', type: 'string', value: 'local' }]);
      expect((await http().get(tv(taskId, '/x')).set('Authorization', alice.auth).expect(200)).body).toEqual({ name: 'x', scope: 'local', type: 'string', value: 'local' });
      expect((await http().get(tv(taskId, '/x?scope=global')).set('Authorization', alice.auth).expect(200)).body).toEqual({
        name: 'x',
        scope: 'global',
        type: 'string',
        value: 'global',
      });
      expectApsError((await http().get(tv(taskId, '/nope')).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'variableName');
      await http().get(tv(taskId, '/x?scope=bad')).set('Authorization', alice.auth).expect(400);
    });

    it('creating an existing variable in its scope is 409 (the same name in the other scope is fine)', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await http().post(tv(taskId)).set('Authorization', alice.auth).send({ name: 'x', value: 1 }).expect(200);
      const before = await snapshot();
      expectApsError(
        (await http().post(tv(taskId)).set('Authorization', alice.auth).send([{ name: 'y', scope: 'global', value: 1 }, { name: 'x', value: 2 }]).expect(409)).body,
        'GENERAL.ERROR.CONFLICT',
        'x',
      );
      expect(await snapshot()).toEqual(before);
      await http().post(tv(taskId)).set('Authorization', alice.auth).send({ name: 'x', scope: 'global', value: 3 }).expect(200);
    });

    it('PUT /{name}: local by default, scope global updates the process instance variable; the variable must exist in that scope', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await http().post(tv(taskId)).set('Authorization', alice.auth).send([{ name: 'l', value: 'a' }, { name: 'g', scope: 'global', value: 'b' }]).expect(200);
      expect((await http().put(tv(taskId, '/l')).set('Authorization', alice.auth).send({ name: 'l', type: 'integer', value: 5 }).expect(200)).body).toEqual({
        name: 'l',
        scope: 'local',
        type: 'integer',
        value: 5,
      });
      expect((await http().put(tv(taskId, '/g')).set('Authorization', alice.auth).send({ scope: 'global', type: 'string', value: 'c' }).expect(200)).body).toEqual({
        name: 'g',
        scope: 'global',
        type: 'string',
        value: 'c',
      });
      expect(await list(pv(instanceId), alice.auth)).toEqual([{ name: 'g', type: 'string', value: 'c' }]);
      const before = await snapshot();
      // g is not a local variable, l not a global one.
      await http().put(tv(taskId, '/g')).set('Authorization', alice.auth).send({ value: 'd' }).expect(404);
      await http().put(tv(taskId, '/l')).set('Authorization', alice.auth).send({ scope: 'global', value: 'd' }).expect(404);
      await http().put(tv(taskId, '/l')).set('Authorization', alice.auth).send({ name: 'other', value: 'd' }).expect(400);
      expectApsError((await http().put(tv(taskId, '/l')).set('Authorization', alice.auth).send({ type: 'boolean', value: 'yes' }).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'l');
      expect(await snapshot()).toEqual(before);
    });

    it('DELETE /{name} (scope local by default, global deletes the instance variable) and DELETE of all local variables', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await http()
        .post(tv(taskId))
        .set('Authorization', alice.auth)
        .send([{ name: 'l1', value: 1 }, { name: 'l2', value: 2 }, { name: 'l3', value: 3 }, { name: 'g1', scope: 'global', value: 4 }, { name: 'g2', scope: 'global', value: 5 }])
        .expect(200);
      await http().delete(tv(taskId, '/g1')).set('Authorization', alice.auth).expect(404);
      expect((await http().delete(tv(taskId, '/g1?scope=global')).set('Authorization', alice.auth).expect(200)).text).toBe('');
      expect((await http().delete(tv(taskId, '/l1')).set('Authorization', alice.auth).expect(200)).text).toBe('');
      expect((await list(tv(taskId), alice.auth)).map((v) => `${v.scope}:${v.name}`)).toEqual(['global:g2', 'local:l2', 'local:l3']);
      expect((await http().delete(tv(taskId)).set('Authorization', alice.auth).expect(200)).text).toBe('');
      expect(await list(tv(taskId), alice.auth)).toEqual([{ name: 'g2', scope: 'global', type: 'integer', value: 5 }]);
      await http().delete(tv(taskId)).set('Authorization', alice.auth).expect(200);
      const deleted = await sql(t, `SELECT name FROM process_engine.variable_history WHERE change = 'deleted' AND (task_id = $1 OR instance_id = $2) ORDER BY id`, [taskId, instanceId]);
      expect(deleted.map((r) => r.name)).toEqual(['g1', 'l1', 'l2', 'l3']);
    });

    it('a standalone task has local variables only: a global write answers 400 and stores nothing', async () => {
      const taskId = await fx.task({ assigneeId: alice.id });
      await http().post(tv(taskId)).set('Authorization', alice.auth).send({ name: 'l', value: 'x' }).expect(200);
      const before = await snapshot();
      const res = await http().post(tv(taskId)).set('Authorization', alice.auth).send([{ name: 'm', value: 'y' }, { name: 'g', scope: 'global', value: 'z' }]).expect(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'scope');
      expect(await snapshot()).toEqual(before);
      expect(await list(tv(taskId), alice.auth)).toEqual([{ name: 'l', scope: 'local', type: 'string', value: 'x' }]);
      expect(await list(tv(taskId, '?scope=global'), alice.auth)).toEqual([]);
      await http().get(tv(taskId, '/l?scope=global')).set('Authorization', alice.auth).expect(404);
    });

    it('concurrent creates of one local variable on a standalone task: one succeeds, the others 409', async () => {
      const taskId = await fx.task({ assigneeId: alice.id });
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => http().post(tv(taskId)).set('Authorization', alice.auth).send({ name: 'race', value: i })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(await sql(t, `SELECT change FROM process_engine.variable_history WHERE task_id = $1`, [taskId])).toEqual([{ change: 'created' }]);
    });

    it('a batch mixing scopes with one bad item stores nothing in either scope', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      const before = await snapshot();
      const res = await http()
        .post(tv(taskId))
        .set('Authorization', alice.auth)
        .send([{ name: 'ok', value: 1 }, { name: 'alsoOk', scope: 'global', value: 2 }, { name: 'when', scope: 'global', type: 'date', value: 'tomorrow' }])
        .expect(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'when');
      expect(await snapshot()).toEqual(before);
    });

    it('visibility: candidates and admins may, others 403; unknown or other-tenant tasks 404; malformed ids 400', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const taskId = await fx.task({ instanceId, assigneeId: alice.id });
      await http().post(tv(taskId)).set('Authorization', t.adminBasic).send({ name: 'a', value: 1 }).expect(200);
      const before = await snapshot();
      await http().get(tv(taskId)).set('Authorization', bob.auth).expect(403);
      await http().post(tv(taskId)).set('Authorization', bob.auth).send({ name: 'b', value: 1 }).expect(403);
      await http().delete(tv(taskId)).set('Authorization', bob.auth).expect(403);
      await http().delete(tv(taskId, '/a')).set('Authorization', bob.auth).expect(403);
      expect(await snapshot()).toEqual(before);
      await fx.link({ taskId, userId: bob.id, type: 'candidate' });
      expect(await list(tv(taskId), bob.auth)).toEqual([{ name: 'a', scope: 'local', type: 'integer', value: 1 }]);
      const foreign = await fx.task({ tenantId: 2 });
      await http().get(tv(foreign)).set('Authorization', t.adminBasic).expect(404);
      expectApsError((await http().get(tv('999999999')).set('Authorization', t.adminBasic).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND', 'taskId');
      expectApsError((await http().get(tv('x1')).set('Authorization', t.adminBasic).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'taskId');
      await http().delete(tv('x1', '/a')).set('Authorization', t.adminBasic).expect(400);
    });

    it('writes on a completed task, or a task of a suspended instance, answer 409 and change nothing; reads still work', async () => {
      const instanceId = await fx.instance({ startedBy: alice.id });
      const done = await fx.task({ instanceId, assigneeId: alice.id, ended: true });
      const before = await snapshot();
      expectApsError((await http().post(tv(done)).set('Authorization', alice.auth).send({ name: 'a', value: 1 }).expect(409)).body, 'GENERAL.ERROR.CONFLICT', 'taskId');
      await http().delete(tv(done)).set('Authorization', alice.auth).expect(409);
      await http().get(tv(done)).set('Authorization', alice.auth).expect(200);

      const open = await fx.task({ instanceId, assigneeId: alice.id });
      await fx.setState(instanceId, 'suspended');
      await http().post(tv(open)).set('Authorization', alice.auth).send({ name: 'a', value: 1 }).expect(409);
      await http().put(tv(open, '/a')).set('Authorization', alice.auth).send({ value: 1 }).expect(409);
      expect(await snapshot()).toEqual(before);
    });
  });
});
