// `npm run start:dist`: run the compiled server as it is (no build check), as `npm start` runs it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serverEnv } from './server-env.mjs';

const entry = join(new URL('..', import.meta.url).pathname, 'dist/src/main.js');
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit', env: serverEnv() });
process.exit(run.status ?? 1);
