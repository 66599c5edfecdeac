import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/platform/database/embedded-postgres.js';
import { ensureDatabase, runMigrations } from '../libs/platform/database/run-migrations.js';
import { migrations } from '../migrations/index.js';
import type { AppConfig } from './config/config.js';

export interface ResolvedDatabase {
  readonly url: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL, or a persistent embedded PostgreSQL under DATA_DIR/postgres; then the migrations.
 */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void = () => undefined): Promise<ResolvedDatabase> {
  let url = config.databaseUrl;
  let stop = async (): Promise<void> => undefined;
  if (url === undefined) {
    const server = await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres'), persistent: true, onLog: log });
    const u = new URL(server.localUrl);
    u.pathname = '/meridian';
    url = u.toString();
    stop = () => server.stop();
  }
  await ensureDatabase(url);
  await runMigrations(url, migrations);
  return { url, embedded: config.databaseUrl === undefined, stop };
}
