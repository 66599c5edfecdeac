// `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded server under DATA_DIR).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { loadConfig } = await import(join(root, 'dist/src/config/config.js'));
const { resolveDatabase } = await import(join(root, 'dist/src/database.js'));
const database = await resolveDatabase(loadConfig());
console.log(`migrations applied to ${database.embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'}`);
await database.stop();
