import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../libs/platform/database/embedded-postgres.js';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL for `npm start`', () => {
  const base = join(tmpdir(), 'meridian-test');
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  const dir = mkdtempSync(join(base, 'embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a stop and a start of the same data directory', async () => {
    const first = await startEmbeddedPostgres({ dir, persistent: true });
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await startEmbeddedPostgres({ dir, persistent: true });
    try {
      expect(second.port).toBe(first.port);
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
      // localUrl (what `npm start` connects with) reaches the same server through its Unix socket
      // in the cluster directory: no client address; url is TCP on 127.0.0.1.
      expect(decodeURIComponent(new URL(second.localUrl).hostname)).toBe(join(dir, 'pg'));
      expect(await query(second.localUrl, 'SELECT v, inet_client_addr() AS addr FROM kept')).toEqual([{ v: 'still here', addr: null }]);
      expect(await query(second.url, 'SELECT host(inet_client_addr()) AS addr')).toEqual([{ addr: '127.0.0.1' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('reclaims a server left running by a process that died without stopping it', async () => {
    // The first handle is dropped without stop(), as after a SIGKILL of the Node process.
    const orphan = await startEmbeddedPostgres({ dir, persistent: true });
    const pid = Number(((await query(orphan.url, 'SELECT pg_backend_pid() AS p')) as { p: number }[])[0]!.p);
    expect(pid).toBeGreaterThan(0);

    const next = await startEmbeddedPostgres({ dir, persistent: true });
    try {
      expect(await query(next.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await next.stop();
    }
  }, 60_000);
});
