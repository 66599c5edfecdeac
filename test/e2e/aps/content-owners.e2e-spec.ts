import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../support/app.js';
import { grantAuthorities, sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';
import { candidateGroupBpmn, completeInProcess, deployBpmn, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { API, APS_DATE, createTenant, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { binaryParser, callOf, contentRows, PDF, pngOf, storeSnapshot } from './content-owners-support.js';
import { addGroupMember, createGroup, type Json } from './engine-tasks-fixtures.js';

const MAX_UPLOAD = 64 * 1024;

/**
 * Seed 004 "Content" on engine objects: process-instances/{id}/content, tasks/{id}/content,
 * …/raw-content and link content, judged by the engine's owner policy over real HTTP.
 */
describe('aps content of process instances and tasks', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  let outsider: CreatedUser;
  let png: Buffer;

  const as = (who: CreatedUser | 'admin'): string => (who === 'admin' ? t.adminBasic : who.auth);
  const upload = (who: CreatedUser | 'admin', path: string, bytes: Buffer, name = 'file.bin', query: Json = {}, contentType?: string) =>
    t
      .http()
      .post(`${API}/${path}`)
      .query(query)
      .set('Authorization', as(who))
      .attach('file', bytes, contentType ? { filename: name, contentType } : name);
  const list = (who: CreatedUser | 'admin', path: string, query: Json = {}) => t.http().get(`${API}/${path}`).query(query).set('Authorization', as(who));
  const link = (who: CreatedUser | 'admin', path: string, body: Json, query: Json = {}) =>
    t.http().post(`${API}/${path}`).query(query).set('Authorization', as(who)).send(body);
  const ids = (res: { body: { data: Array<{ id: number }> } }): number[] => res.body.data.map((c) => c.id);

  /** A fresh instance of `own` started by alice, with its open task (assigned to alice). */
  const aliceCase = async (): Promise<{ instanceId: string; taskId: string }> => {
    const instanceId = await startInProcess(t, alice.id, 'own');
    return { instanceId, taskId: (await tasksOf(t, instanceId))[0]!.id };
  };

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.co@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob.co@example.com' });
    carol = await createUser(t, { firstName: 'Carol', lastName: 'Cole', email: 'carol.co@example.com' });
    outsider = await createUser(t, { tenantId: await createTenant(t, 'Content elsewhere'), email: 'outsider.co@example.com' });
    await grantAuthorities(t, outsider.id, ['tenant-admin']);
    const reviewers = await createGroup(t, 'Reviewers');
    await addGroupMember(t, reviewers, carol.id);
    await deployBpmn(t, oneTaskBpmn('own'));
    await deployBpmn(t, candidateGroupBpmn(String(reviewers), 'review'));
    png = await pngOf(64, 48);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('upload, list and filter', () => {
    it('uploads bytes to an instance (field content by default) and to a task; the instance lists both, the task its own', async () => {
      const { instanceId, taskId } = await aliceCase();
      const onInstance = await upload(alice, `process-instances/${instanceId}/raw-content`, png, 'scan.png');
      expect(onInstance.status).toBe(200);
      expect(onInstance.body).toEqual({
        id: expect.any(Number),
        name: 'scan.png',
        created: expect.stringMatching(APS_DATE),
        createdBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.co@example.com', pictureId: null },
        relatedContent: false,
        contentAvailable: true,
        link: false,
        mimeType: 'image/png',
        simpleType: 'image',
        previewStatus: expect.stringMatching(/^(queued|created)$/),
        thumbnailStatus: expect.stringMatching(/^(queued|created)$/),
        processInstanceId: instanceId,
      });
      const onTask = await upload(alice, `tasks/${taskId}/raw-content`, PDF, 'offer.pdf', { isRelatedContent: true });
      expect(onTask.status).toBe(200);
      expect(onTask.body).toMatchObject({ name: 'offer.pdf', relatedContent: true, mimeType: 'application/pdf', simpleType: 'pdf', taskId, processInstanceId: instanceId });

      const all = await list(alice, `process-instances/${instanceId}/content`);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ size: 2, total: 2, start: 0 });
      expect(ids(all)).toEqual([onInstance.body.id, onTask.body.id]);
      const { previewStatus: _p, thumbnailStatus: _t, ...fields } = onInstance.body as Json;
      expect(all.body.data[0]).toMatchObject(fields);
      expect(ids(await list(alice, `process-instances/${instanceId}/content`, { isRelatedContent: true }))).toEqual([onTask.body.id]);
      expect(ids(await list(alice, `process-instances/${instanceId}/content`, { isRelatedContent: false }))).toEqual([onInstance.body.id]);
      expect(ids(await list(alice, `tasks/${taskId}/content`))).toEqual([onTask.body.id]);
      expect(ids(await list(alice, `tasks/${taskId}/content`, { isRelatedContent: false }))).toEqual([]);

      // The bytes come back as uploaded.
      const raw = await t.http().get(`${API}/content/${onTask.body.id}/raw`).set('Authorization', alice.auth).buffer(true).parse(binaryParser);
      expect(raw.status).toBe(200);
      expect(Buffer.compare(raw.body as Buffer, PDF)).toBe(0);
    });

    it('pages with start, page and size in the aps envelope', async () => {
      const { instanceId } = await aliceCase();
      const uploaded: number[] = [];
      for (let i = 0; i < 3; i++) uploaded.push((await upload(alice, `process-instances/${instanceId}/raw-content`, Buffer.from(`note ${i}`), `note-${i}.txt`).expect(200)).body.id);
      const first = await list(alice, `process-instances/${instanceId}/content`, { size: 2 });
      expect(first.body).toMatchObject({ size: 2, total: 3, start: 0 });
      expect(ids(first)).toEqual(uploaded.slice(0, 2));
      const second = await list(alice, `process-instances/${instanceId}/content`, { size: 2, page: 1 });
      expect(second.body).toMatchObject({ size: 1, total: 3, start: 2 });
      expect(ids(second)).toEqual(uploaded.slice(2));
      expect((await list(alice, `process-instances/${instanceId}/content`, { start: 1, size: 1 })).body).toMatchObject({ size: 1, total: 3, start: 1, data: [{ id: uploaded[1] }] });
      expect((await list(alice, `process-instances/${instanceId}/content`, { start: 10 })).body).toEqual({ size: 0, total: 3, start: 10, data: [] });
      for (const bad of [{ size: 0 }, { size: 1001 }, { start: -1 }, { isRelatedContent: 'yes' }]) {
        const res = await list(alice, `process-instances/${instanceId}/content`, bad);
        expect(res.status).toBe(400);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST');
      }
    });
  });

  describe('links', () => {
    it('relates a link to an instance (related content by default) and to a task; a link holds no bytes', async () => {
      const { instanceId, taskId } = await aliceCase();
      const body = { name: 'Image.png', link: true, source: 'alfresco-1', sourceId: '30358280-88de-436e-9d4d-8baa9dc44f17@swsdp', mimeType: 'image/png' };
      const res = await link(alice, `process-instances/${instanceId}/content`, body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: 'Image.png',
        created: expect.stringMatching(APS_DATE),
        createdBy: expect.objectContaining({ id: alice.id }),
        relatedContent: true,
        contentAvailable: false,
        link: true,
        mimeType: 'image/png',
        simpleType: 'image',
        previewStatus: 'unsupported',
        thumbnailStatus: 'unsupported',
        source: 'alfresco-1',
        sourceId: '30358280-88de-436e-9d4d-8baa9dc44f17@swsdp',
        linkUrl: null,
        processInstanceId: instanceId,
      });
      const raw = await t.http().get(`${API}/content/${res.body.id}/raw`).set('Authorization', alice.auth);
      expect(raw.status).toBe(404);
      expectApsError(raw.body, 'GENERAL.ERROR.NOT-FOUND');
      expect((await t.http().get(`${API}/content/${res.body.id}`).set('Authorization', alice.auth).expect(200)).body).toEqual(res.body);

      const onTask = await link(alice, `tasks/${taskId}/content`, { name: 'Spec', linkUrl: 'https://docs.example.com/spec?id=7' }, { isRelatedContent: false });
      expect(onTask.status).toBe(200);
      expect(onTask.body).toMatchObject({
        name: 'Spec',
        relatedContent: false,
        link: true,
        linkUrl: 'https://docs.example.com/spec?id=7',
        mimeType: 'application/octet-stream',
        simpleType: 'content',
        taskId,
        processInstanceId: instanceId,
      });
      expect(ids(await list(alice, `tasks/${taskId}/content`))).toEqual([onTask.body.id]);
      expect(ids(await list(alice, `process-instances/${instanceId}/content`))).toEqual([res.body.id, onTask.body.id]);
    });

    it('refuses bad links with 400 naming the field, and stores nothing', async () => {
      const { instanceId } = await aliceCase();
      const before = await contentRows(t);
      const cases: Array<[Json, string]> = [
        [{ name: 'x', linkUrl: 'javascript:alert(document.cookie)' }, 'linkUrl'],
        [{ name: 'x', linkUrl: 'data:text/html,<script>alert(1)</script>' }, 'linkUrl'],
        [{ name: 'x', linkUrl: 'file:///etc/passwd' }, 'linkUrl'],
        [{ name: 'x', linkUrl: '/relative' }, 'linkUrl'],
        [{ name: 'x', linkUrl: `https://example.com/${'a'.repeat(2000)}` }, 'linkUrl'],
        [{ name: 'x', source: 'alfresco-1' }, 'linkUrl'],
        [{ linkUrl: 'https://example.com/' }, 'name'],
        [{ name: '', linkUrl: 'https://example.com/' }, 'name'],
        [{ name: 'x'.repeat(256), linkUrl: 'https://example.com/' }, 'name'],
        [{ name: '../..', linkUrl: 'https://example.com/' }, 'file'],
        [{ name: 'x', linkUrl: 'https://example.com/', mimeType: 'not a type' }, 'mimeType'],
        [{ name: 'x', linkUrl: 'https://example.com/', link: false }, 'link'],
        [{ name: 'x', linkUrl: 'https://example.com/', link: 'yes' }, 'link'],
        [{ name: 'x', sourceId: 's'.repeat(1025) }, 'sourceId'],
      ];
      for (const [body, field] of cases) {
        const res = await link(alice, `process-instances/${instanceId}/content`, body);
        expect([JSON.stringify(body).slice(0, 80), res.status]).toEqual([JSON.stringify(body).slice(0, 80), 400]);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      expect(await contentRows(t)).toBe(before);
      expect((await list(alice, `process-instances/${instanceId}/content`)).body.total).toBe(0);
    });
  });

  describe('who may', () => {
    let instanceId: string;
    let taskId: string;
    let contentId: number;
    let reviewInstanceId: string;
    let reviewTaskId: string;

    beforeAll(async () => {
      ({ instanceId, taskId } = await aliceCase());
      contentId = (await upload(alice, `tasks/${taskId}/raw-content`, png, 'private.png').expect(200)).body.id;
      reviewInstanceId = await startInProcess(t, alice.id, 'review');
      reviewTaskId = (await tasksOf(t, reviewInstanceId))[0]!.id;
    });

    it('a user of the tenant who is not involved: 403 on list, upload, link, metadata, bytes, thumbnail and delete; nothing changes', async () => {
      const before = await storeSnapshot(t);
      const refused = [
        await list(bob, `process-instances/${instanceId}/content`),
        await list(bob, `tasks/${taskId}/content`),
        await upload(bob, `process-instances/${instanceId}/raw-content`, png, 'b.png'),
        await upload(bob, `tasks/${taskId}/raw-content`, png, 'b.png'),
        await link(bob, `process-instances/${instanceId}/content`, { name: 'b', linkUrl: 'https://example.com/' }),
        await link(bob, `tasks/${taskId}/content`, { name: 'b', linkUrl: 'https://example.com/' }),
        await t.http().get(`${API}/content/${contentId}`).set('Authorization', bob.auth),
        await t.http().get(`${API}/content/${contentId}/raw`).set('Authorization', bob.auth),
        await t.http().get(`${API}/content/${contentId}/rendition/thumbnail`).set('Authorization', bob.auth),
        await t.http().delete(`${API}/content/${contentId}`).set('Authorization', bob.auth),
      ];
      for (const res of refused) {
        expect(callOf(res)).toMatch(/ 403$/);
        expectApsError(res.body, 'GENERAL.ERROR.FORBIDDEN');
      }
      expect(await storeSnapshot(t)).toEqual(before);
    });

    it('a user of another tenant (even a tenant admin there): 404 on everything; nothing changes', async () => {
      const before = await storeSnapshot(t);
      const refused = [
        await list(outsider, `process-instances/${instanceId}/content`),
        await list(outsider, `tasks/${taskId}/content`),
        await upload(outsider, `process-instances/${instanceId}/raw-content`, png, 'o.png'),
        await upload(outsider, `tasks/${taskId}/raw-content`, png, 'o.png'),
        await link(outsider, `tasks/${taskId}/content`, { name: 'o', linkUrl: 'https://example.com/' }),
        await t.http().get(`${API}/content/${contentId}`).set('Authorization', outsider.auth),
        await t.http().get(`${API}/content/${contentId}/raw`).set('Authorization', outsider.auth),
        await t.http().delete(`${API}/content/${contentId}`).set('Authorization', outsider.auth),
      ];
      for (const res of refused) {
        expect(callOf(res)).toMatch(/ 404$/);
        expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND');
      }
      expect(await storeSnapshot(t)).toEqual(before);
    });

    it('the tenant admin sees and changes everything of the tenant', async () => {
      expect(ids(await list('admin', `process-instances/${instanceId}/content`).expect(200))).toEqual([contentId]);
      expect(ids(await list('admin', `tasks/${taskId}/content`).expect(200))).toEqual([contentId]);
      await t.http().get(`${API}/content/${contentId}`).set('Authorization', t.adminBasic).expect(200);
      const extra = await upload('admin', `tasks/${taskId}/raw-content`, png, 'admin.png').expect(200);
      await t.http().delete(`${API}/content/${extra.body.id}`).set('Authorization', t.adminBasic).expect(200);
      expect(ids(await list(alice, `tasks/${taskId}/content`))).toEqual([contentId]);
    });

    it('a candidate (through a group) sees and adds content of the task and sees its instance\'s content', async () => {
      const mine = await upload(alice, `process-instances/${reviewInstanceId}/raw-content`, png, 'brief.png').expect(200);
      expect(ids(await list(carol, `process-instances/${reviewInstanceId}/content`).expect(200))).toEqual([mine.body.id]);
      const theirs = await upload(carol, `tasks/${reviewTaskId}/raw-content`, Buffer.from('looks good'), 'review.txt', { isRelatedContent: true }).expect(200);
      expect(theirs.body).toMatchObject({ mimeType: 'text/plain', simpleType: 'text', relatedContent: true, createdBy: { id: carol.id } });
      expect(ids(await list(carol, `tasks/${reviewTaskId}/content`).expect(200))).toEqual([theirs.body.id]);
      await t.http().get(`${API}/content/${mine.body.id}/raw`).set('Authorization', carol.auth).expect(200);
      // Carol is not involved in alice's other case.
      expect((await list(carol, `process-instances/${instanceId}/content`)).status).toBe(403);
    });

    it('unknown owners: 404; malformed ids: 400 naming the parameter', async () => {
      for (const path of ['process-instances/999999/content', 'tasks/999999/content']) {
        const res = await list(alice, path);
        expect(res.status).toBe(404);
        expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND');
      }
      const before = await storeSnapshot(t);
      for (const path of ['process-instances/999999/raw-content', 'tasks/999999/raw-content']) {
        expect((await upload(alice, path, png, 'x.png')).status).toBe(404);
      }
      expect((await link(alice, 'tasks/999999/content', { name: 'x', linkUrl: 'https://example.com/' })).status).toBe(404);
      for (const [path, field] of [
        ['process-instances/abc/content', 'processInstanceId'],
        ['tasks/-1/content', 'taskId'],
        ['tasks/1.5/content', 'taskId'],
        ['process-instances/99999999999999999999/content', 'processInstanceId'],
      ] as const) {
        const res = await list(alice, path);
        expect(res.status).toBe(400);
        expectApsError(res.body, 'GENERAL.ERROR.BAD-REQUEST', field);
      }
      expect((await upload(alice, 'tasks/abc/raw-content', png, 'x.png')).status).toBe(400);
      expect(await storeSnapshot(t)).toEqual(before);
    });
  });

  describe('bad uploads', () => {
    let instanceId: string;
    let taskId: string;

    beforeAll(async () => {
      ({ instanceId, taskId } = await aliceCase());
    });

    it('zero bytes, no file part, not multipart: 400; over MAX_UPLOAD_BYTES: 413 — nothing stored, no bytes left on disk', async () => {
      const before = await storeSnapshot(t);
      const empty = await upload(alice, `tasks/${taskId}/raw-content`, Buffer.alloc(0), 'empty.txt');
      expect(empty.status).toBe(400);
      expectApsError(empty.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      const noFile = await t.http().post(`${API}/tasks/${taskId}/raw-content`).set('Authorization', alice.auth).field('name', 'x');
      expect(noFile.status).toBe(400);
      expectApsError(noFile.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      const json = await t.http().post(`${API}/process-instances/${instanceId}/raw-content`).set('Authorization', alice.auth).send({ file: 'x' });
      expect(json.status).toBe(400);
      const big = await upload(alice, `process-instances/${instanceId}/raw-content`, Buffer.alloc(MAX_UPLOAD + 1, 7), 'big.bin');
      expect(big.status).toBe(413);
      expectApsError(big.body, 'GENERAL.ERROR.PAYLOAD-TOO-LARGE');
      expect(await storeSnapshot(t)).toEqual(before);
      expect((await list(alice, `process-instances/${instanceId}/content`)).body.total).toBe(0);
      // Exactly the limit is fine.
      await upload(alice, `process-instances/${instanceId}/raw-content`, Buffer.alloc(MAX_UPLOAD, 7), 'exact.bin').expect(200);
    });

    it('a lying MIME type is stored as detected; a path-traversal name keeps its last segment', async () => {
      const lying = await upload(alice, `tasks/${taskId}/raw-content`, PDF, 'photo.png', {}, 'image/png').expect(200);
      expect(lying.body).toMatchObject({ name: 'photo.png', mimeType: 'application/pdf', simpleType: 'pdf' });
      const html = await upload(alice, `tasks/${taskId}/raw-content`, Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', {}, 'image/png').expect(200);
      expect(html.body.mimeType).not.toMatch(/^image\//);
      const raw = await t.http().get(`${API}/content/${html.body.id}/raw`).set('Authorization', alice.auth);
      expect(raw.headers['x-content-type-options']).toBe('nosniff');
      expect(raw.headers['content-disposition']).toMatch(/^attachment/);
      const traversal = await upload(alice, `tasks/${taskId}/raw-content`, Buffer.from('secret'), '../../etc/passwd').expect(200);
      expect(traversal.body.name).toBe('passwd');
      const windows = await upload(alice, `tasks/${taskId}/raw-content`, Buffer.from('secret'), '..\\..\\boot.ini').expect(200);
      expect(windows.body.name).toBe('boot.ini');
      const [row] = await sql<{ key: string }>(t, `SELECT store_key AS key FROM content.content_items WHERE id = $1`, [traversal.body.id]);
      expect(row!.key).toMatch(/^content\/1\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    });

    it('a content id of another tenant is 404 for every content call', async () => {
      const outsiderUpload = await t.http().post(`${API}/content/raw`).set('Authorization', outsider.auth).attach('file', png, 'theirs.png').expect(200);
      for (const res of [
        await t.http().get(`${API}/content/${outsiderUpload.body.id}`).set('Authorization', t.adminBasic),
        await t.http().get(`${API}/content/${outsiderUpload.body.id}/raw`).set('Authorization', t.adminBasic),
        await t.http().delete(`${API}/content/${outsiderUpload.body.id}`).set('Authorization', t.adminBasic),
      ]) {
        expect(res.status).toBe(404);
      }
      await t.http().get(`${API}/content/${outsiderUpload.body.id}`).set('Authorization', outsider.auth).expect(200);
    });
  });

  describe('ended owners', () => {
    it('a completed task and an ended instance keep their content readable but refuse additions and deletions with 409', async () => {
      const { instanceId, taskId } = await aliceCase();
      const kept = await upload(alice, `tasks/${taskId}/raw-content`, png, 'kept.png').expect(200);
      await completeInProcess(t, alice.id, taskId);
      const before = await storeSnapshot(t);
      for (const res of [
        await upload(alice, `tasks/${taskId}/raw-content`, png, 'late.png'),
        await upload(alice, `process-instances/${instanceId}/raw-content`, png, 'late.png'),
        await link(alice, `tasks/${taskId}/content`, { name: 'late', linkUrl: 'https://example.com/' }),
        await link('admin', `process-instances/${instanceId}/content`, { name: 'late', linkUrl: 'https://example.com/' }),
        await t.http().delete(`${API}/content/${kept.body.id}`).set('Authorization', alice.auth),
      ]) {
        expect(callOf(res)).toMatch(/ 409$/);
        expectApsError(res.body, 'GENERAL.ERROR.CONFLICT');
      }
      expect(await storeSnapshot(t)).toEqual(before);
      expect(ids(await list(alice, `process-instances/${instanceId}/content`).expect(200))).toEqual([kept.body.id]);
      expect(ids(await list(alice, `tasks/${taskId}/content`).expect(200))).toEqual([kept.body.id]);
      await t.http().get(`${API}/content/${kept.body.id}/raw`).set('Authorization', alice.auth).expect(200);
      // Bob is still refused with 403 (not 409): nobody learns the state of what they may not see.
      expect((await upload(bob, `tasks/${taskId}/raw-content`, png, 'x.png')).status).toBe(403);
    });
  });

  it('an upload racing the end of its task: the attachment waits for the completion, then answers 409 and stores nothing', async () => {
    const { instanceId, taskId } = await aliceCase();
    const before = await storeSnapshot(t);
    // Another transaction ends the task as a completion does — the instance locked first — and holds it uncommitted.
    const other = new pg.Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT 1 FROM process_engine.process_instances WHERE id = $1 FOR UPDATE`, [instanceId]);
      await other.query(`UPDATE process_engine.tasks SET ended_at = now(), end_reason = 'completed', version = version + 1 WHERE id = $1`, [taskId]);
      // The upload's first check still sees the task open (the end is not committed): it streams, then
      // its inserting transaction locks the task's instance and waits for the other transaction.
      const racing = upload(alice, `tasks/${taskId}/raw-content`, png, 'racing.png').then((res) => res);
      await waitFor(
        'the upload to wait for the task row',
        async () =>
          (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'`))[0]!.n > 0,
        10_000,
      );
      await other.query('COMMIT');
      const res = await racing;
      expect(callOf(res)).toMatch(/ 409$/);
      expectApsError(res.body, 'GENERAL.ERROR.CONFLICT');
    } finally {
      await other.end();
    }
    expect(await storeSnapshot(t)).toEqual(before);
  });

  it('the instance\'s audit log shows content attached and deleted', async () => {
    const { instanceId, taskId } = await aliceCase();
    const added = await upload(alice, `tasks/${taskId}/raw-content`, png, 'audit.png').expect(200);
    await t.http().delete(`${API}/content/${added.body.id}`).set('Authorization', alice.auth).expect(200);
    const log = await t.http().get(`${API}/process-instances/${instanceId}/audit-log`).set('Authorization', alice.auth).expect(200);
    const entries = JSON.stringify(log.body);
    expect(entries).toContain('contentAttached');
    expect(entries).toContain('Content \\"audit.png\\" attached');
    expect(entries).toContain('contentDeleted');
  });
});
