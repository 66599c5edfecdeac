import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import type { Test } from 'supertest';
import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';
import { API } from './aps-test-helpers.js';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under `<DATA_DIR>/content`, as paths relative to DATA_DIR. */
export function contentFiles(t: TestApp): string[] {
  const root = join(t.config.dataDir, 'content');
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(t.config.dataDir, full));
    }
  };
  walk(root);
  return out.sort();
}

/** What an upload may change: the rows, the outbox rows of content events, the files. */
export async function contentSnapshot(t: TestApp): Promise<unknown> {
  return {
    rows: await sql(t, `SELECT id::text, name, store_key FROM content.content_items ORDER BY id`),
    files: contentFiles(t),
  };
}

/** POST a multipart upload with one `file` part. */
export function uploadRaw(t: TestApp, auth: string, bytes: Buffer, filename: string, contentType = 'application/octet-stream', query = ''): Test {
  return t.http().post(`${API}/content/raw${query}`).set('Authorization', auth).attach('file', bytes, { filename, contentType });
}

export async function pngImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer();
}

export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Polls the content's metadata until its thumbnail left `queued`; answers the content object. */
export async function renditionsSettled(t: TestApp, auth: string, id: number): Promise<Record<string, unknown>> {
  return waitFor(`renditions of content ${id}`, async () => {
    const res = await t.http().get(`${API}/content/${id}`).set('Authorization', auth);
    const body = res.body as Record<string, unknown>;
    return res.status === 200 && body.thumbnailStatus !== 'queued' ? body : undefined;
  });
}

/** supertest: collect a binary body as a Buffer. */
export function binary(response: unknown, callback: (err: Error | null, body: unknown) => void): void {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (e: Error) => callback(e, Buffer.alloc(0)));
}
