import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import S3rver from 's3rver';
import { S3ContentStore } from '../../../src/content/infrastructure/s3-content.store.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';
import { API, createUser } from '../../e2e/aps/aps-test-helpers.js';
import { binary, pngImage, uploadRaw } from '../../e2e/aps/content-test-helpers.js';

const BUCKET = 'meridian-test';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

/** A stream that sends `bytes` and then fails, as a client that drops the connection would. */
function failingAfter(bytes: number): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.alloc(bytes, 1));
      } else this.destroy(new Error('client went away'));
    },
  });
}

/** s3rver stands in for AWS S3 / MinIO: the same SDK calls, path-style, on a random local port. */
describe('S3ContentStore against an S3-compatible server (s3rver)', () => {
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  let store: S3ContentStore;
  const s3Env = (): Record<string, string> => ({
    CONTENT_STORE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const address = await server.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    store = new S3ContentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  });
  afterAll(async () => {
    store.client.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keys = async (prefix: string): Promise<string[]> => {
    const out: string[] = [];
    for await (const o of store.list(prefix)) out.push(o.key);
    return out.sort();
  };

  it('puts, gets (whole and a range), checks, lists and deletes objects', async () => {
    await store.put('content/1/2026/11/a', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(await store.exists('content/1/2026/11/a')).toBe(true);
    expect(await text(await store.get('content/1/2026/11/a'))).toBe('hello world');
    expect(await text(await store.get('content/1/2026/11/a', { start: 6, end: 10 }))).toBe('world');
    expect(await keys('content/1/')).toEqual(['content/1/2026/11/a']);
    await store.delete('content/1/2026/11/a');
    await store.delete('content/1/2026/11/a');
    expect(await store.exists('content/1/2026/11/a')).toBe(false);
    await expect(store.get('content/1/2026/11/a')).rejects.toBeDefined();
  });

  it('streams a body larger than one part as a multipart upload, byte for byte', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const chunks = Array.from({ length: 12 }, (_, i) => big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    await store.put('content/1/2026/11/big', Readable.from(chunks));
    const back: Buffer[] = [];
    for await (const c of await store.get('content/1/2026/11/big')) back.push(c as Buffer);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(Buffer.concat(back))).toBe(sha(big));
    await store.delete('content/1/2026/11/big');
  });

  it('a body that fails half-way leaves no object (single part and multipart)', async () => {
    await expect(store.put('content/1/2026/11/broken-small', failingAfter(1000))).rejects.toThrow();
    await expect(store.put('content/1/2026/11/broken-big', failingAfter(6 * 1024 * 1024))).rejects.toThrow();
    expect(await keys('content/1/2026/11/broken')).toEqual([]);
  });

  it('refuses keys that could escape the prefix', async () => {
    await expect(store.put('../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow(/Refusing/);
  });

  describe('the platform with CONTENT_STORE=s3', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ ...s3Env(), MAX_UPLOAD_BYTES: String(64 * 1024) });
    });
    afterAll(async () => {
      await t.close();
    });

    it('uploads to the bucket, serves the bytes and the thumbnail from it, deletes from it; an oversize upload leaves nothing', async () => {
      const user = await createUser(t);
      const png = await pngImage(320, 200);
      const id = ((await uploadRaw(t, user.auth, png, 'pic.png').expect(200)).body as { id: number }).id;
      const [row] = await sql<{ store_key: string }>(t, `SELECT store_key FROM content.content_items WHERE id = $1`, [id]);
      expect(await store.exists(row!.store_key)).toBe(true);
      const raw = await t.http().get(`${API}/content/${id}/raw`).set('Authorization', user.auth).buffer(true).parse(binary).expect(200);
      expect((raw.body as Buffer).equals(png)).toBe(true);
      await waitFor('thumbnail in S3', async () => (await t.http().get(`${API}/content/${id}/rendition/thumbnail`).set('Authorization', user.auth)).status === 200);
      expect(await store.exists(`${row!.store_key}.thumbnail.png`)).toBe(true);

      const before = await keys('content/');
      await uploadRaw(t, user.auth, Buffer.alloc(100 * 1024, 3), 'too-big.bin').expect(413);
      expect(await keys('content/')).toEqual(before);

      await t.http().delete(`${API}/content/${id}`).set('Authorization', user.auth).expect(200);
      await waitFor('bytes removed from S3', async () => !(await store.exists(row!.store_key)));
      expect(await store.exists(`${row!.store_key}.thumbnail.png`)).toBe(false);
      const listed = await store.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: row!.store_key }));
      expect(listed.Contents ?? []).toEqual([]);
    });
  });
});
