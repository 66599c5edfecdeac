import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

describe('aps filters: the user\'s task and process instance filters', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let appId: number;
  let processModelId: number;

  const http = () => t.http();
  /** Everything a refused request must leave untouched. */
  const snapshot = (): Promise<unknown> =>
    sql(t, `SELECT id::text, user_id::text, kind, app_id::text, name, icon, position, recent, filter FROM process_engine.filters ORDER BY id`);
  const createTaskFilter = async (auth: string, body: Json): Promise<Json> => {
    const res = await http().post(`${API}/filters/tasks`).set('Authorization', auth).send(body);
    expect(res.status).toBe(200);
    return res.body as Json;
  };

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    const app = await http().post(`${API}/models`).set('Authorization', alice.auth).send({ name: 'HR app', modelType: 3 }).expect(200);
    appId = app.body.id as number;
    const process = await http().post(`${API}/models`).set('Authorization', alice.auth).send({ name: 'Leave', modelType: 0 }).expect(200);
    processModelId = process.body.id as number;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('task filters', () => {
    let mine: Json;

    it('POST filters/tasks creates a filter and answers {id, name, appId, recent, icon, filter, index}', async () => {
      mine = await createTaskFilter(alice.auth, {
        name: 'My open tasks',
        appId,
        icon: 'glyphicon-inbox',
        filter: { sort: 'created-desc', state: 'open', assignment: 'assignee' },
      });
      expect(mine).toEqual({
        id: expect.any(Number),
        name: 'My open tasks',
        appId,
        recent: false,
        icon: 'glyphicon-inbox',
        filter: { sort: 'created-desc', state: 'open', assignment: 'assignee' },
        index: 0,
      });
      const again = await http().get(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).expect(200);
      expect(again.body).toEqual(mine);
    });

    it('new filters go last; the list is in the user\'s order, `appId` limits it, and filters are private', async () => {
      const second = await createTaskFilter(alice.auth, { name: 'Queued', appId, filter: { sort: 'due-asc', state: 'open', assignment: 'candidate' }, recent: true });
      const noApp = await createTaskFilter(alice.auth, { name: 'Completed', filter: { state: 'completed', assignment: 'involved' } });
      expect(second).toMatchObject({ index: 1, recent: true, appId });
      expect(noApp).toMatchObject({ index: 0, appId: null, icon: null, filter: { state: 'completed', assignment: 'involved' } });

      const all = await http().get(`${API}/filters/tasks`).set('Authorization', alice.auth).expect(200);
      expect(all.body).toEqual({ size: 3, total: 3, start: 0, data: expect.any(Array) });
      const ofApp = await http().get(`${API}/filters/tasks`).query({ appId }).set('Authorization', alice.auth).expect(200);
      expect((ofApp.body.data as Json[]).map((f) => f.name)).toEqual(['My open tasks', 'Queued']);

      const bobs = await http().get(`${API}/filters/tasks`).set('Authorization', bob.auth).expect(200);
      expect(bobs.body).toEqual({ size: 0, total: 0, start: 0, data: [] });
      // Process filters are another list.
      const processes = await http().get(`${API}/filters/processes`).set('Authorization', alice.auth).expect(200);
      expect(processes.body.total).toBe(0);
    });

    it('another user\'s filter is 404 for get, update and delete, and stays unchanged', async () => {
      const before = await snapshot();
      const id = String(mine.id);
      for (const res of [
        await http().get(`${API}/filters/tasks/${id}`).set('Authorization', bob.auth),
        await http().put(`${API}/filters/tasks/${id}`).set('Authorization', bob.auth).send({ name: 'Stolen' }),
        await http().delete(`${API}/filters/tasks/${id}`).set('Authorization', bob.auth),
      ]) {
        expect(res.status).toBe(404);
        expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND');
        expect(res.body.code).toBe('ENGINE.FILTER_NOT_FOUND');
      }
      // A task filter id is no process filter id either.
      await http().get(`${API}/filters/processes/${id}`).set('Authorization', alice.auth).expect(404);
      expect(await snapshot()).toEqual(before);
    });

    it('PUT filters/tasks/{id} replaces sent fields; `filter` replaces the whole criteria; the place stays', async () => {
      const res = await http()
        .put(`${API}/filters/tasks/${String(mine.id)}`)
        .set('Authorization', alice.auth)
        .send({ name: 'Mine, due first', filter: { sort: 'due-desc', state: 'all', assignment: 'group_12' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...mine, name: 'Mine, due first', filter: { sort: 'due-desc', state: 'all', assignment: 'group_12' } });
      // The Alfresco JS client sends the representation back, read-only fields included.
      const echo = await http().put(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).send({ ...(res.body as Json), icon: 'glyphicon-star' });
      expect(echo.status).toBe(200);
      expect(echo.body).toEqual({ ...(res.body as Json), icon: 'glyphicon-star' });
      mine = echo.body as Json;
    });

    it('bad filter values are a 400 naming the field and change nothing', async () => {
      const before = await snapshot();
      const cases: Array<[Json, string]> = [
        [{ name: 'x', filter: { sort: 'name-asc' } }, 'filter.sort'],
        [{ name: 'x', filter: { state: 'running' } }, 'filter.state'],
        [{ name: 'x', filter: { assignment: 'everyone' } }, 'filter.assignment'],
        [{ name: 'x', filter: { dueAfter: 'tomorrow' } }, 'filter.dueAfter'],
        [{ name: 'x', filter: { dueAfter: '2026-02-30T00:00:00.000+0000' } }, 'filter.dueAfter'],
        [{ name: 'x', filter: { dueBefore: '2026-11-22 10:00:00Z' } }, 'filter.dueBefore'],
        [{ name: 'x', filter: { colour: 'red' } }, 'filter.colour'],
        [{ name: 'x', filter: 'open' }, 'filter'],
        [{ name: '' }, 'name'],
        [{ icon: 'glyphicon-inbox' }, 'name'],
        [{ name: 'x', appId: 'abc' }, 'appId'],
        [{ name: 'x', appId: processModelId }, 'appId'],
        [{ name: 'x', appId: 999999 }, 'appId'],
        [{ name: 'x', owner: 1 }, 'owner'],
      ];
      for (const [body, field] of cases) {
        const res = await http().post(`${API}/filters/tasks`).set('Authorization', alice.auth).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      const update = await http().put(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).send({ filter: { sort: 'sideways' } });
      expect(update.status).toBe(400);
      expectApsError(update.body, 'GENERAL.ERROR.BAD-REQUEST', 'filter.sort');
      const nullName = await http().put(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).send({ name: null });
      expect(nullName.status).toBe(400);
      await http().get(`${API}/filters/tasks/abc`).set('Authorization', alice.auth).expect(400);
      await http().get(`${API}/filters/tasks/999999`).set('Authorization', alice.auth).expect(404);
      expect(await snapshot()).toEqual(before);
    });

    it('PUT filters/tasks {order, appId} reorders the filters of one app; bad orders are 400 and change nothing', async () => {
      const list = async (): Promise<Json[]> =>
        (await http().get(`${API}/filters/tasks`).query({ appId }).set('Authorization', alice.auth).expect(200)).body.data as Json[];
      const [first, second] = await list();
      const third = await createTaskFilter(alice.auth, { name: 'Third', appId });
      const res = await http().put(`${API}/filters/tasks`).set('Authorization', alice.auth).send({ order: [third.id, first!.id], appId });
      expect(res.status).toBe(200);
      expect((res.body.data as Json[]).map((f) => [f.name, f.index])).toEqual([
        ['Third', 0],
        [first!.name, 1],
        [second!.name, 2],
      ]);
      expect((await list()).map((f) => f.id)).toEqual([third.id, first!.id, second!.id]);

      const noApp = (await http().get(`${API}/filters/tasks`).set('Authorization', alice.auth)).body.data.find((f: Json) => f.appId === null) as Json;
      const bobFilter = await createTaskFilter(bob.auth, { name: 'Bob\'s', appId });
      const beforeBad = await snapshot();
      const bad: Array<[Json, string]> = [
        [{ order: [first!.id, first!.id], appId }, 'order[1]'],
        [{ order: [bobFilter.id], appId }, 'order[0]'],
        [{ order: [noApp.id], appId }, 'order[0]'],
        [{ order: [999999], appId }, 'order[0]'],
        [{ order: 'first', appId }, 'order'],
        [{ order: ['x'], appId }, 'order'],
      ];
      for (const [body, field] of bad) {
        const r = await http().put(`${API}/filters/tasks`).set('Authorization', alice.auth).send(body);
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
        expect(String(r.body.field)).toBe(field);
      }
      expect(await snapshot()).toEqual(beforeBad);
      // Without appId: the filters tied to no app.
      const r = await http().put(`${API}/filters/tasks`).set('Authorization', alice.auth).send({ order: [noApp.id] });
      expect(r.status).toBe(200);
      expect((r.body.data as Json[]).map((f) => f.id)).toEqual([noApp.id]);
    });

    it('DELETE filters/tasks/{id} deletes the caller\'s filter', async () => {
      await http().delete(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).expect(200);
      await http().get(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).expect(404);
      await http().delete(`${API}/filters/tasks/${String(mine.id)}`).set('Authorization', alice.auth).expect(404);
    });
  });

  describe('process instance filters', () => {
    it('PUT filters/processes creates as the document says, POST as the Alfresco JS client does', async () => {
      const put = await http()
        .put(`${API}/filters/processes`)
        .set('Authorization', alice.auth)
        .send({ name: 'Running', appId, icon: 'glyphicon-random', filter: { sort: 'created-desc', state: 'running' } });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({
        id: expect.any(Number),
        name: 'Running',
        appId,
        recent: false,
        icon: 'glyphicon-random',
        filter: { sort: 'created-desc', state: 'running' },
        index: 0,
      });
      const post = await http().post(`${API}/filters/processes`).set('Authorization', alice.auth).send({ name: 'All', appId, filter: { state: 'all', name: 'leave' } });
      expect(post.status).toBe(200);
      expect(post.body).toMatchObject({ name: 'All', index: 1, filter: { state: 'all', name: 'leave' } });
      const get = await http().get(`${API}/filters/processes/${String(post.body.id)}`).set('Authorization', alice.auth).expect(200);
      expect(get.body).toEqual(post.body);

      const reorder = await http().put(`${API}/filters/processes`).set('Authorization', alice.auth).send({ order: [post.body.id, put.body.id], appId });
      expect(reorder.status).toBe(200);
      expect((reorder.body.data as Json[]).map((f) => [f.name, f.index])).toEqual([
        ['All', 0],
        ['Running', 1],
      ]);
      // Task filters are not process filters.
      const taskList = await http().get(`${API}/filters/tasks`).query({ appId }).set('Authorization', alice.auth).expect(200);
      expect((taskList.body.data as Json[]).some((f) => f.name === 'Running')).toBe(false);

      const updated = await http().put(`${API}/filters/processes/${String(put.body.id)}`).set('Authorization', alice.auth).send({ filter: { state: 'completed', sort: 'ended-desc' } });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Running', index: 1, filter: { state: 'completed', sort: 'ended-desc' } });

      await http().delete(`${API}/filters/processes/${String(put.body.id)}`).set('Authorization', bob.auth).expect(404);
      await http().delete(`${API}/filters/processes/${String(put.body.id)}`).set('Authorization', alice.auth).expect(200);
      await http().get(`${API}/filters/processes/${String(put.body.id)}`).set('Authorization', alice.auth).expect(404);
    });

    it('bad process filter values are a 400 naming the field and change nothing', async () => {
      const before = await snapshot();
      const cases: Array<[Json, string]> = [
        [{ name: 'x', filter: { state: 'open' } }, 'filter.state'],
        [{ name: 'x', filter: { sort: 'due-asc' } }, 'filter.sort'],
        [{ name: 'x', filter: { assignment: 'assignee' } }, 'filter.assignment'],
        [{ filter: { state: 'running' } }, 'name'],
      ];
      for (const [body, field] of cases) {
        for (const method of ['post', 'put'] as const) {
          const res = await http()[method](`${API}/filters/processes`).set('Authorization', alice.auth).send(body);
          expect({ method, body, status: res.status }).toEqual({ method, body, status: 400 });
          expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
        }
      }
      const mixed = await http().put(`${API}/filters/processes`).set('Authorization', alice.auth).send({ order: [], name: 'x' });
      expect(mixed.status).toBe(400);
      expectApsError(mixed.body, 'GENERAL.ERROR.BAD-REQUEST', 'name');
      expect(await snapshot()).toEqual(before);
    });
  });
});
