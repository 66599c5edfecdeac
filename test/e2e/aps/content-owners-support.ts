import sharp from 'sharp';
import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { waitFor } from '../../support/wait-for.js';
import { binary, contentFiles } from './content-test-helpers.js';

/** Helpers of the content-owner specs: images and documents as bytes, and what the server left in the database and on disk. */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

export function pngOf(width: number, height: number, rgb: [number, number, number] = [30, 120, 200]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
}

export function jpegOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 0 } } }).jpeg().toBuffer();
}

/** Every file under the content store's directory (bytes and thumbnails), relative to DATA_DIR. */
export const filesOnDisk = contentFiles;

export async function contentRows(t: TestApp): Promise<number> {
  return (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM content.content_items`))[0]!.n;
}

/**
 * The state a refused request must leave unchanged: rows and files. Taken once the thumbnails of
 * earlier uploads are settled (they are written after commit), so that only the request under test
 * could change it.
 */
export async function storeSnapshot(t: TestApp): Promise<{ rows: number; files: string[] }> {
  await waitFor('thumbnails of earlier uploads', async () => {
    const [row] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM content.content_items WHERE thumbnail_status = 'queued'`);
    return row!.n === 0;
  });
  return { rows: await contentRows(t), files: filesOnDisk(t) };
}

/** A superagent parser that keeps the body as bytes. */
export const binaryParser = binary;

/** `METHOD /path STATUS` of an answer, to name the failing call in a loop's assertion. */
export function callOf(res: { status: number }): string {
  const req = (res as unknown as { req: { method: string; path: string } }).req;
  return `${req.method} ${req.path} ${res.status}`;
}
