import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { oneTaskBpmn } from '../../support/engine.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

const FIXTURE = readFileSync(new URL('../../fixtures/bpmn/simple-user-task.bpmn', import.meta.url));

describe('aps models: create, details, update, favorites, history, clone, delete, BPMN export and import', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let admin: CreatedUser;
  let outsider: CreatedUser;

  const http = () => t.http();
  const models = () => sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.models`).then((r) => r[0]!.n);
  /** Everything a refused request must leave untouched. */
  const snapshot = async (): Promise<unknown> => ({
    models: await sql(t, `SELECT id::text, name, model_key, description, model_type, version, content, comment, last_updated_at FROM process_engine.models ORDER BY id`),
    history: await sql(t, `SELECT id::text, model_id::text, version, content FROM process_engine.model_history ORDER BY id`),
    favorites: await sql(t, `SELECT model_id::text, user_id::text FROM process_engine.model_favorites ORDER BY model_id, user_id`),
  });
  const create = async (auth: string, body: Json): Promise<Json> => {
    const res = await http().post(`${API}/models/`).set('Authorization', auth).send(body);
    expect(res.status).toBe(200);
    return res.body as Json;
  };
  const bpmn20 = (id: unknown, auth: string) => http().get(`${API}/models/${String(id)}/bpmn20`).set('Authorization', auth).buffer(true).parse(textParser);

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    admin = await createTenantAdmin(t);
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Elsewhere') });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('a process model', () => {
    let model: Json;
    let firstXml: string;

    it('POST models/ creates version 1 with the document\'s model representation and a minimal valid BPMN', async () => {
      model = await create(alice.auth, { modelType: 0, name: 'Holiday request', description: 'Time off' });
      expect(model).toEqual({
        id: expect.any(Number),
        name: 'Holiday request',
        description: 'Time off',
        modelType: 0,
        version: 1,
        comment: null,
        stencilSet: 0,
        referenceId: null,
        createdBy: alice.id,
        createdByFullName: 'Alice Archer',
        lastUpdatedBy: alice.id,
        lastUpdatedByFullName: 'Alice Archer',
        lastUpdated: expect.stringMatching(APS_DATE),
        latestVersion: true,
        favorite: false,
        permission: 'write',
        tenantId: 1,
      });
      const got = await http().get(`${API}/models/${String(model.id)}`).set('Authorization', alice.auth).expect(200);
      expect(got.body).toEqual(model);

      const xml = await bpmn20(model.id, alice.auth);
      expect(xml.status).toBe(200);
      expect(xml.headers['content-type']).toMatch(/^application\/xml/);
      expect(xml.headers['content-disposition']).toContain('attachment; filename="Holiday request.bpmn20.xml"');
      firstXml = xml.body as string;
      expect(firstXml).toContain('<process id="holidayRequest" name="Holiday request" isExecutable="true">');
      expect(firstXml).toContain('<documentation>Time off</documentation>');
      // That it deploys is shown by engine-apps (an app bundling a model created so).
    });

    it('another user of the tenant reads it with permission read; other tenants get 404', async () => {
      const res = await http().get(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth).expect(200);
      expect(res.body).toEqual({ ...model, permission: 'read' });
      const adminView = await http().get(`${API}/models/${String(model.id)}`).set('Authorization', admin.auth).expect(200);
      expect(adminView.body.permission).toBe('write');
      for (const path of ['', '/history', '/bpmn20']) {
        const other = await http().get(`${API}/models/${String(model.id)}${path}`).set('Authorization', outsider.auth);
        expect(other.status).toBe(404);
        expect(other.body.code).toBe('ENGINE.MODEL_NOT_FOUND');
      }
    });

    it('PUT models/{id} {name, description} changes the current version in place; only the creator or an admin may', async () => {
      const res = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', alice.auth).send({ name: 'Holiday', description: 'Days off' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: model.id, name: 'Holiday', description: 'Days off', version: 1 });

      const before = await snapshot();
      const refused = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth).send({ name: 'Bob\'s now' });
      expect(refused.status).toBe(403);
      expectApsError(refused.body, 'GENERAL.ERROR.FORBIDDEN');
      const refusedDelete = await http().delete(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth);
      expect(refusedDelete.status).toBe(403);
      expect(await snapshot()).toEqual(before);

      const byAdmin = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', admin.auth).send({ description: 'Days off, by admin' });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toMatchObject({ description: 'Days off, by admin', lastUpdatedBy: admin.id, createdBy: alice.id, version: 1 });
      model = { ...model, ...(byAdmin.body as Json), permission: 'write' };
    });

    it('favorite is per user: any user of the tenant may set their own flag', async () => {
      const fav = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth).send({ favorite: true });
      expect(fav.status).toBe(200);
      expect(fav.body).toMatchObject({ favorite: true, permission: 'read', version: 1, name: 'Holiday' });
      expect((await http().get(`${API}/models/${String(model.id)}`).set('Authorization', alice.auth)).body.favorite).toBe(false);
      expect((await http().get(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth)).body.favorite).toBe(true);
      const list = await http().get(`${API}/models`).query({ filter: 'favorite', modelType: 0 }).set('Authorization', bob.auth).expect(200);
      expect((list.body.data as Json[]).map((m) => m.id)).toEqual([model.id]);
      expect((await http().get(`${API}/models`).query({ filter: 'favorite' }).set('Authorization', alice.auth)).body.total).toBe(0);
      // Favoriting changes neither the version nor the last update.
      const rows = await sql<{ version: number; last_updated_by: string }>(t, `SELECT version, last_updated_by::text FROM process_engine.models WHERE id = $1`, [model.id]);
      expect(rows[0]).toEqual({ version: 1, last_updated_by: String(admin.id) });
      await http().put(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth).send({ favorite: false }).expect(200);
      expect((await http().get(`${API}/models/${String(model.id)}`).set('Authorization', bob.auth)).body.favorite).toBe(false);
    });

    it('new BPMN content makes version 2 and keeps version 1 in the history, exported exactly as stored', async () => {
      const newXml = oneTaskBpmn('holidayRequest', 'Holiday request v2');
      const res = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', alice.auth).send({ content: newXml, comment: 'Adds a task' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: model.id, version: 2, comment: 'Adds a task', latestVersion: true, lastUpdatedBy: alice.id });

      const history = await http().get(`${API}/models/${String(model.id)}/history`).set('Authorization', alice.auth).expect(200);
      expect(history.body).toEqual({
        size: 1,
        total: 1,
        start: 0,
        data: [
          {
            id: expect.any(Number),
            name: 'Holiday',
            description: 'Days off, by admin',
            modelType: 0,
            version: 1,
            comment: null,
            stencilSet: 0,
            referenceId: null,
            createdBy: alice.id,
            createdByFullName: 'Alice Archer',
            lastUpdatedBy: admin.id,
            lastUpdatedByFullName: expect.any(String),
            lastUpdated: expect.stringMatching(APS_DATE),
            latestVersion: false,
            favorite: null,
            permission: null,
            tenantId: 1,
          },
        ],
      });
      const entry = (history.body.data as Json[])[0]!;
      const one = await http().get(`${API}/models/${String(model.id)}/history/${String(entry.id)}`).set('Authorization', bob.auth).expect(200);
      expect(one.body).toEqual(entry);
      const withLatest = await http().get(`${API}/models/${String(model.id)}/history`).query({ includeLatestVersion: true }).set('Authorization', alice.auth).expect(200);
      expect((withLatest.body.data as Json[]).map((m) => [m.version, m.latestVersion])).toEqual([
        [2, true],
        [1, false],
      ]);

      expect((await bpmn20(model.id, alice.auth)).body).toBe(newXml);
      const old = await http().get(`${API}/models/${String(model.id)}/history/${String(entry.id)}/bpmn20`).set('Authorization', alice.auth).buffer(true).parse(textParser);
      expect(old.status).toBe(200);
      expect(old.headers['content-type']).toMatch(/^application\/xml/);
      expect(old.body).toBe(firstXml);

      // The same content again makes no new version.
      const same = await http().put(`${API}/models/${String(model.id)}`).set('Authorization', alice.auth).send({ content: newXml });
      expect(same.body.version).toBe(2);
    });

    it('invalid content, ids and history ids answer 4xx and change nothing', async () => {
      const before = await snapshot();
      const id = String(model.id);
      const bad: Array<[Json, string]> = [
        [{ content: 'not xml at all' }, 'content'],
        [{ content: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions>&x;</definitions>' }, 'content'],
        [{ content: '<html><body/></html>' }, 'content'],
        [{ name: '' }, 'name'],
        [{ name: '   ' }, 'name'],
        [{ name: null }, 'name'],
        [{ favorite: 'yes' }, 'favorite'],
        [{ version: 7 }, 'version'],
      ];
      for (const [body, field] of bad) {
        const res = await http().put(`${API}/models/${id}`).set('Authorization', alice.auth).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      await http().get(`${API}/models/abc`).set('Authorization', alice.auth).expect(400);
      await http().get(`${API}/models/999999`).set('Authorization', alice.auth).expect(404);
      await http().put(`${API}/models/999999`).set('Authorization', alice.auth).send({ name: 'x' }).expect(404);
      await http().get(`${API}/models/${id}/history/999999`).set('Authorization', alice.auth).expect(404);
      await http().get(`${API}/models/${id}/history/999999/bpmn20`).set('Authorization', alice.auth).expect(404);
      const thumb = await http().get(`${API}/models/${id}/thumbnail`).set('Authorization', alice.auth);
      expect(thumb.status).toBe(404);
      expect(thumb.body.code).toBe('ENGINE.MODEL_THUMBNAIL_NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });

    it('POST models/{id}/newversion takes a BPMN file as a new version', async () => {
      const res = await http().post(`${API}/models/${String(model.id)}/newversion`).set('Authorization', alice.auth).attach('file', FIXTURE, 'vacation.bpmn20.xml');
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(3);
      expect(Buffer.from((await bpmn20(model.id, alice.auth)).body as string)).toEqual(FIXTURE);
      const before = await snapshot();
      const bad = await http().post(`${API}/models/${String(model.id)}/newversion`).set('Authorization', alice.auth).attach('file', Buffer.from('<nope'), 'x.bpmn');
      expect(bad.status).toBe(400);
      expectApsError(bad.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      expect(await snapshot()).toEqual(before);
    });

    it('POST models/{id}/newversion of a model that is not a process model: 400 naming modelId, nothing changes', async () => {
      const app = await create(alice.auth, { name: 'Not a process', modelType: 3, content: JSON.stringify({ models: [model.id] }) });
      const before = await snapshot();
      const res = await http().post(`${API}/models/${String(app.id)}/newversion`).set('Authorization', alice.auth).attach('file', FIXTURE, 'vacation.bpmn20.xml');
      expect(res.status).toBe(400);
      expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'modelId');
      expect(res.body.code).toBe('ENGINE.MODEL_WRONG_TYPE');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('create: bad input creates nothing', () => {
    it('unknown modelType, missing or blank name, bad key, invalid content: 400 naming the field', async () => {
      const before = await models();
      const cases: Array<[Json, string]> = [
        [{ name: 'x', modelType: 7 }, 'modelType'],
        [{ name: 'x', modelType: '0' }, 'modelType'],
        [{ name: 'x' }, 'modelType'],
        [{ modelType: 0 }, 'name'],
        [{ name: '', modelType: 0 }, 'name'],
        [{ name: '  ', modelType: 0 }, 'name'],
        [{ name: 'x'.repeat(256), modelType: 0 }, 'name'],
        [{ name: 'x', modelType: 0, key: '1abc' }, 'key'],
        [{ name: 'x', modelType: 0, key: 'a b' }, 'key'],
        [{ name: 'x', modelType: 0, content: '<definitions/>' }, 'content'],
        [{ name: 'x', modelType: 3, content: '{"models": [999999]}' }, 'content.models[0]'],
        [{ name: 'x', modelType: 3, content: '[1]' }, 'content'],
        [{ name: 'x', modelType: 2, content: 'not json' }, 'content'],
        [{ name: 'x', modelType: 0, owner: 3 }, 'owner'],
      ];
      for (const [body, field] of cases) {
        const res = await http().post(`${API}/models`).set('Authorization', alice.auth).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      expect(await models()).toBe(before);
    });

    it('a key is kept; other model types start without BPMN; forms take a JSON object', async () => {
      const keyed = await create(alice.auth, { name: 'Keyed', modelType: 0, key: 'my_key-1' });
      expect((await bpmn20(keyed.id, alice.auth)).body).toContain('<process id="my_key-1"');
      const form = await create(alice.auth, { name: 'A form', modelType: 2, content: '{"fields": []}' });
      expect(form).toMatchObject({ modelType: 2, version: 1 });
      const exported = await bpmn20(form.id, alice.auth);
      expect(exported.status).toBe(400);
      expect(JSON.parse(exported.body as string).field).toBe('processModelId');
      const table = await create(alice.auth, { name: 'Rules', modelType: 4, stencilSet: 3 });
      expect(table).toMatchObject({ modelType: 4, stencilSet: 3 });
    });
  });

  describe('list, clone and delete', () => {
    let mine: Json;
    let bobs: Json;

    beforeAll(async () => {
      mine = await create(alice.auth, { name: 'aaa first', modelType: 0 });
      bobs = await create(bob.auth, { name: 'zzz last', modelType: 0 });
    });

    it('GET models filters by creator and type, sorts and pages as documented', async () => {
      const list = async (query: Json, auth = alice.auth): Promise<Json> => (await http().get(`${API}/models`).query(query).set('Authorization', auth).expect(200)).body as Json;
      const all = await list({ modelType: 0, size: 100 });
      expect(all.total).toBeGreaterThanOrEqual(4);
      expect(all).toMatchObject({ start: 0, size: all.total });
      const lastUpdated = (all.data as Json[]).map((m) => String(m.lastUpdated));
      expect(lastUpdated).toEqual([...lastUpdated].sort().reverse());
      expect((all.data as Json[]).every((m) => m.modelType === 0)).toBe(true);

      const myNames = ((await list({ filter: 'myprocesses', sort: 'nameAsc', size: 100 })).data as Json[]).map((m) => m.name);
      expect(myNames[0]).toBe('aaa first');
      expect(myNames).not.toContain('zzz last');
      expect(((await list({ filter: 'sharedWithMe', size: 100 })).data as Json[]).map((m) => m.name)).toEqual(['zzz last']);
      expect(((await list({ filter: 'sharedWithOthers', size: 100 }, bob.auth)).data as Json[]).map((m) => m.name)).toEqual(['zzz last']);
      const desc = ((await list({ sort: 'nameDesc', size: 100 })).data as Json[]).map((m) => m.name);
      expect(desc[0]).toBe('zzz last');
      const apps = await list({ modelType: 2 });
      expect((apps.data as Json[]).map((m) => m.name)).toEqual(['A form']);

      const page = await list({ sort: 'nameAsc', size: 1, page: 1 });
      expect(page).toMatchObject({ size: 1, start: 1, total: all.total });
      expect(((await list({ sort: 'nameAsc', size: 1, start: 1 })).data as Json[])[0]!.id).toBe((page.data as Json[])[0]!.id);

      for (const [query, field] of [
        [{ sort: 'newest' }, 'sort'],
        [{ filter: 'everything' }, 'filter'],
        [{ modelType: 9 }, 'modelType'],
        [{ modelType: 'process' }, 'modelType'],
        [{ size: 0 }, 'size'],
      ] as Array<[Json, string]>) {
        const res = await http().get(`${API}/models`).query(query).set('Authorization', alice.auth);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      // Another tenant sees none of them.
      expect((await list({ size: 100 }, outsider.auth)).total).toBe(0);
    });

    it('POST models/{id}/clone copies the current content into a new model of the caller', async () => {
      const res = await http().post(`${API}/models/${String(bobs.id)}/clone`).set('Authorization', alice.auth).send({ name: 'Copy of zzz' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Copy of zzz', version: 1, createdBy: alice.id, modelType: 0, permission: 'write', favorite: false });
      expect(res.body.id).not.toBe(bobs.id);
      expect((await bpmn20(res.body.id, alice.auth)).body).toBe((await bpmn20(bobs.id, bob.auth)).body);

      const before = await models();
      for (const [body, field] of [
        [{ name: 'x', modelType: 3 }, 'modelType'],
        [{}, 'name'],
        [{ name: ' ' }, 'name'],
      ] as Array<[Json, string]>) {
        const bad = await http().post(`${API}/models/${String(bobs.id)}/clone`).set('Authorization', alice.auth).send(body);
        expect({ body, status: bad.status }).toEqual({ body, status: 400 });
        expectApsError(bad.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      await http().post(`${API}/models/999999/clone`).set('Authorization', alice.auth).send({ name: 'x' }).expect(404);
      await http().post(`${API}/models/${String(bobs.id)}/clone`).set('Authorization', outsider.auth).send({ name: 'x' }).expect(404);
      expect(await models()).toBe(before);
    });

    it('DELETE models/{id}: the creator deletes the model with its history and favorites', async () => {
      await http().put(`${API}/models/${String(mine.id)}`).set('Authorization', alice.auth).send({ content: oneTaskBpmn('aaa') }).expect(200);
      await http().put(`${API}/models/${String(mine.id)}`).set('Authorization', bob.auth).send({ favorite: true }).expect(200);
      await http().delete(`${API}/models/${String(mine.id)}`).set('Authorization', outsider.auth).expect(404);
      const res = await http().delete(`${API}/models/${String(mine.id)}`).set('Authorization', alice.auth);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      await http().get(`${API}/models/${String(mine.id)}`).set('Authorization', alice.auth).expect(404);
      expect(await sql(t, `SELECT 1 FROM process_engine.model_history WHERE model_id = $1`, [mine.id])).toEqual([]);
      expect(await sql(t, `SELECT 1 FROM process_engine.model_favorites WHERE model_id = $1`, [mine.id])).toEqual([]);
      await http().delete(`${API}/models/${String(mine.id)}`).set('Authorization', alice.auth).expect(404);
    });
  });

  describe('POST process-models/import', () => {
    it('imports a .bpmn20.xml file: name, key and description from the process; export answers the same bytes', async () => {
      const res = await http().post(`${API}/process-models/import`).set('Authorization', bob.auth).attach('file', FIXTURE, 'vacation.bpmn20.xml');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Vacation request', description: 'Ask for time off.', modelType: 0, version: 1, createdBy: bob.id, latestVersion: true });
      const exported = await bpmn20(res.body.id, bob.auth);
      expect(exported.headers['content-disposition']).toContain('Vacation request.bpmn20.xml');
      expect(Buffer.from(exported.body as string)).toEqual(FIXTURE);
      const row = await sql<{ model_key: string }>(t, `SELECT model_key FROM process_engine.models WHERE id = $1`, [res.body.id]);
      expect(row[0]!.model_key).toBe('vacationRequest');
      const dotBpmn = await http().post(`${API}/process-models/import`).set('Authorization', bob.auth).attach('file', Buffer.from(oneTaskBpmn('plain', '')), 'plain.bpmn');
      expect(dotBpmn.status).toBe(200);
      expect(dotBpmn.body.name).toBe('plain');
    });

    it('Latin-1 and UTF-16 files are read as such and stored as UTF-8', async () => {
      const latin = oneTaskBpmn('latin', 'Urlaub für Müller').replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>');
      expect(latin).toContain('encoding="ISO-8859-1"');
      const l = await http().post(`${API}/process-models/import`).set('Authorization', bob.auth).attach('file', Buffer.from(latin, 'latin1'), 'latin.bpmn');
      expect(l.status).toBe(200);
      expect(l.body.name).toBe('Urlaub für Müller');
      expect((await bpmn20(l.body.id, bob.auth)).body).toBe(latin.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'));

      const utf16 = oneTaskBpmn('wide', 'Größe');
      const u = await http()
        .post(`${API}/process-models/import`)
        .set('Authorization', bob.auth)
        .attach('file', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]), 'wide.bpmn');
      expect(u.status).toBe(200);
      expect(u.body.name).toBe('Größe');
      expect((await bpmn20(u.body.id, bob.auth)).body).toBe(utf16);
    });

    it('not XML, XXE, entity expansion, not BPMN, invalid BPMN, over-deep nesting, a wrong file name or no file: 400 and no model', async () => {
      const before = await snapshot();
      const xxe = '<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">&xxe;</process></definitions>';
      const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol2;"/></definitions>';
      const noStart = oneTaskBpmn('noStart').replace('<startEvent id="start" activiti:initiator="initiator"/>', '').replace('<sequenceFlow id="f1" sourceRef="start" targetRef="task"/>', '');
      const cases: Array<[Buffer, string]> = [
        [Buffer.from('this is not xml'), 'a.bpmn'],
        [Buffer.from(xxe), 'xxe.bpmn20.xml'],
        [Buffer.from(bomb), 'bomb.bpmn'],
        [Buffer.from('<?xml version="1.0"?><html><body>hi</body></html>'), 'page.bpmn'],
        [Buffer.from(noStart), 'nostart.bpmn'],
        [Buffer.from(oneTaskBpmn('deep').replace('<endEvent id="end"/>', `<endEvent id="end"/>${'<extensionElements>'.repeat(20000)}${'</extensionElements>'.repeat(20000)}`)), 'deep.bpmn'],
        [Buffer.from(oneTaskBpmn()), 'process.txt'],
      ];
      for (const [bytes, name] of cases) {
        const res = await http().post(`${API}/process-models/import`).set('Authorization', alice.auth).attach('file', bytes, name);
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      }
      const none = await http().post(`${API}/process-models/import`).set('Authorization', alice.auth).field('other', 'x');
      expect(none.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });
  });
});

/** The body as text, whatever the content type (supertest parses only what it knows). */
const textParser = ((res: NodeJS.ReadableStream & { setEncoding(e: string): void }, callback: (err: Error | null, body: string) => void): void => {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => callback(null, data));
}) as unknown as (res: unknown, callback: (err: Error | null, body: unknown) => void) => void;
