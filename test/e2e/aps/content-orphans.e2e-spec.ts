import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SweepOrphanContent } from '../../../src/content/application/sweep-orphan-content.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { contentFiles, contentSnapshot, pngImage, renditionsSettled, uploadRaw } from './content-test-helpers.js';

type Json = Record<string, unknown>;

describe('aps content: no orphan bytes', () => {
  let t: TestApp;
  let alice: CreatedUser;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('when the row insert fails after the bytes were written, the bytes are removed and nothing is stored', async () => {
    // Make the insert fail for one name, as a constraint or a lost connection would.
    await sql(
      t,
      `CREATE FUNCTION content.fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.name = 'doomed.txt' THEN RAISE EXCEPTION 'insert refused by the test'; END IF; RETURN NEW; END $$`,
    );
    await sql(t, `CREATE TRIGGER fail_insert BEFORE INSERT ON content.content_items FOR EACH ROW EXECUTE FUNCTION content.fail_insert()`);
    try {
      const before = await contentSnapshot(t);
      const res = await uploadRaw(t, alice.auth, Buffer.alloc(300 * 1024, 65), 'doomed.txt');
      expect(res.status).toBe(500);
      expectApsError(res.body, 'GENERAL.ERROR.INTERNAL-SERVER-ERROR');
      expect(await contentSnapshot(t)).toEqual(before);
      expect(await sql(t, `SELECT count(*)::int AS n FROM platform.outbox WHERE event_type = 'content.content.attached' AND payload->>'name' = 'doomed.txt'`)).toEqual([{ n: 0 }]);
      // Other names still go through.
      await uploadRaw(t, alice.auth, Buffer.from('fine'), 'fine.txt').expect(200);
    } finally {
      await sql(t, `DROP TRIGGER fail_insert ON content.content_items`);
    }
  });

  it('a client that drops the connection half-way through the file leaves no bytes and no row', async () => {
    const before = await contentSnapshot(t);
    const url = new URL(t.baseUrl);
    const boundary = 'meridian-abort-test';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dropped.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const req = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: `${API}/content/raw`,
      headers: { authorization: alice.auth, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': 10 * 1024 * 1024 },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(512 * 1024, 9));
    // Wait until the server has started writing the bytes, then hang up.
    await waitFor('the partial upload on disk', () => contentFiles(t).length > (before as { files: string[] }).files.length);
    req.destroy();
    await waitFor('the partial bytes removed', async () => JSON.stringify(await contentSnapshot(t)) === JSON.stringify(before));
    expect(await contentSnapshot(t)).toEqual(before);
  });

  it('the sweeper removes store objects without a row once they are an hour old, and keeps the rest', async () => {
    const png = await pngImage(300, 300);
    const kept = (await uploadRaw(t, alice.auth, png, 'kept.png').expect(200)).body as Json;
    await renditionsSettled(t, alice.auth, kept.id as number);
    const [row] = await sql<{ store_key: string; thumbnail_key: string }>(t, `SELECT store_key, thumbnail_key FROM content.content_items WHERE id = $1`, [kept.id]);
    expect(row!.thumbnail_key).toBe(`${row!.store_key}.thumbnail.png`);

    // What a crash between the write and the insert leaves: an object no row names.
    const orphan = 'content/1/2020/01/00000000-0000-4000-8000-000000000001';
    const fresh = 'content/1/2020/01/00000000-0000-4000-8000-000000000002';
    const outside = 'pictures/1/logo';
    for (const key of [orphan, fresh, outside]) {
      const path = join(t.config.dataDir, ...key.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'left behind');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const key of [orphan, outside, row!.store_key, row!.thumbnail_key]) utimesSync(join(t.config.dataDir, ...key.split('/')), twoHoursAgo, twoHoursAgo);

    const removed = await t.app.get(SweepOrphanContent).sweep();
    expect(removed).toBe(1);
    const files = contentFiles(t);
    expect(files).not.toContain(orphan);
    expect(files).toEqual(expect.arrayContaining([fresh, row!.store_key, row!.thumbnail_key]));
    await t.http().get(`${API}/content/${kept.id}/raw`).set('Authorization', alice.auth).expect(200);
    await t.http().get(`${API}/content/${kept.id}/rendition/thumbnail`).set('Authorization', alice.auth).expect(200);
    // Outside content/ nothing is touched, however old.
    expect(existsSync(join(t.config.dataDir, 'pictures', '1', 'logo'))).toBe(true);
  });
});
