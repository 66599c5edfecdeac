import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../libs/platform/database/run-migrations.js';
import { migrations } from '../../migrations/index.js';

const TEMPLATE = 'meridian_template';

function serverUrl(database: string): string {
  const base = process.env.MERIDIAN_TEST_PG;
  if (!base) throw new Error('MERIDIAN_TEST_PG is not set: run the tests through jest (globalSetup)');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database for one test file, cloned from a template that the first caller migrates.
 * An advisory lock serialises template creation and cloning across jest workers.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  const name = `test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`SELECT pg_advisory_lock(7413400099)`);
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [TEMPLATE]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${TEMPLATE}`);
      await runMigrations(serverUrl(TEMPLATE), migrations);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(7413400099)`).catch(() => undefined);
    await admin.end();
  }
  const url = serverUrl(name);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl('postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
