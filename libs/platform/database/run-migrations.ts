import { DataSource, type MixedList } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/**
 * Applies pending migrations under an advisory lock, so that several nodes starting together
 * migrate once. Returns the names of the migrations that ran.
 */
export async function runMigrations(url: string, migrations: MixedList<Constructor>): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions({ url, migrations, poolSize: 2, applicationName: 'meridian-migrate' }));
  await ds.initialize();
  try {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(7413400001)`);
      const ran = await ds.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(7413400001)`).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await ds.destroy();
  }
}

/** Creates the database named in the URL if it does not exist yet (the embedded server starts with none). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (name === '' || name === 'postgres') return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = new DataSource({ type: 'postgres', url: admin.toString(), extra: { max: 1 } });
  await ds.initialize();
  try {
    const rows = (await ds.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])) as unknown[];
    if (rows.length === 0) {
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to create a database named "${name}"`);
      await ds.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await ds.destroy();
  }
}
