// `npm start`: compile when the sources are newer than the build, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serverEnv } from './server-env.mjs';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'dist/src/main.js');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    latest = Math.max(latest, info.isDirectory() ? newest(path) : info.mtimeMs);
  }
  return latest;
}

const sourcesChanged = () =>
  Math.max(...['src', 'libs', 'migrations'].map((d) => newest(join(root, d)))) > statSync(entry).mtimeMs;

if (!existsSync(entry) || sourcesChanged()) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit', env: serverEnv() });
process.exit(run.status ?? 1);
