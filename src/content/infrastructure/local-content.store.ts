import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, opendir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange, ContentStore, StoredObject } from '../domain/content-store.js';

/** Keys are ours (`content/1/2026/11/<uuid>`), but a store never trusts them: no `..`, no absolute paths. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/i.test(key) || key.split('/').some((s) => s === '.' || s === '..')) {
    throw new Error(`Refusing content store key "${key}"`);
  }
}

/**
 * Content bytes as files under a root directory (`<DATA_DIR>`): a key is a relative path. Files
 * are written with `wx` (never over an existing object) and flushed to disk before `put` resolves
 * (the row that names them commits afterwards); a failed write removes its partial file.
 */
export class LocalContentStore implements ContentStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertSafeKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    try {
      await pipeline(body, createWriteStream(path, { flags: 'wx', flush: true }));
    } catch (error) {
      body.destroy();
      await rm(path, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    // Open first, so that a missing object rejects here rather than on the stream.
    const handle = await open(this.path(key), 'r');
    return range ? handle.createReadStream({ start: range.start, end: range.end }) : handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    const base = join(this.root, ...prefix.split('/').filter((s) => s !== ''));
    yield* this.walk(base);
  }

  private async *walk(dir: string): AsyncIterable<StoredObject> {
    let entries;
    try {
      entries = await opendir(dir);
    } catch {
      return;
    }
    for await (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) yield* this.walk(full);
      else if (entry.isFile()) {
        const info = await stat(full).catch(() => null);
        if (info) yield { key: relative(this.root, full).split(sep).join('/'), lastModified: info.mtime };
      }
    }
  }
}

/** The same bytes as a read stream of a file (tests, benchmarks). */
export function fileStream(path: string): Readable {
  return createReadStream(path);
}
