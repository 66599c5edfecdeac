// Shared pieces of the benchmarks: build, start a server on a throwaway data directory, wait for
// health, run autocannon, format rows. Every request loop is bounded and targets loopback only.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { serverEnv } from '../scripts/server-env.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'bench-admin-password';
export const CLIENT_ID = process.env.OAUTH_CLIENT_ID ?? 'meridian';
export const CLIENT_SECRET = process.env.OAUTH_CLIENT_SECRET ?? 'bench-client-secret-0123456789';

export async function build() {
  const child = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) process.exit(code ?? 1);
}

export function newDataDir() {
  const base = join(tmpdir(), 'meridian-bench');
  mkdirSync(base, { recursive: true });
  chmodSync(base, 0o755);
  const dir = mkdtempSync(join(base, 'data-'));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The embedded server's own database URL, from the connection file `npm start` keeps: through its
 * Unix socket when it has one (as the server connects), else (or with `tcp: true`) over TCP.
 */
export function databaseUrlOf(dataDir, { tcp = false } = {}) {
  const { port, password } = JSON.parse(readFileSync(join(dataDir, 'postgres', 'postgres.json'), 'utf8'));
  const socketDir = join(dataDir, 'postgres', 'pg');
  const host = !tcp && existsSync(join(socketDir, `.s.PGSQL.${port}`)) ? encodeURIComponent(socketDir) : '127.0.0.1';
  return `postgres://postgres:${encodeURIComponent(password)}@${host}:${port}/meridian`;
}

export async function waitHealthy(url, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

export function startServer(dataDir, port) {
  // BENCH_NODE_ARGS: extra node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, join(root, 'dist/src/main.js')], {
    env: { ...serverEnv(), DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADMIN_PASSWORD, OAUTH_CLIENT_ID: CLIENT_ID, OAUTH_CLIENT_SECRET: CLIENT_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export function randomPort() {
  return 18000 + Math.floor(Math.random() * 1000);
}

export function load(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export function row(name, connections, r) {
  return { name, connections, 'req/s': Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, 'non-2xx': r.non2xx + r.errors };
}

export function basicAuth(login, password) {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

/** p50/p99 in milliseconds of `n` sequential calls of `fn`. */
export async function latency(n, fn) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: +at(0.5).toFixed(2), p99: +at(0.99).toFixed(2) };
}

/**
 * The application without its HTTP listener, in this process, on the server's database (a Nest
 * application context): for benches that call use cases directly. `dist/` must be built.
 */
export async function applicationContext(databaseUrl, { outboxPollMs = 1000 } = {}) {
  const { NestFactory } = await import(join(root, 'node_modules/@nestjs/core/index.js'));
  const { AppModule } = await import(join(root, 'dist/src/app.module.js'));
  const { loadConfig } = await import(join(root, 'dist/src/config/config.js'));
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ADMIN_PASSWORD, OUTBOX_POLL_MS: String(outboxPollMs) });
  const app = await NestFactory.createApplicationContext(AppModule.register(config, databaseUrl), { logger: false });
  await app.init();
  return app;
}

/** A class compiled to dist/, by its path under dist/ and its export name. */
export async function compiled(path, name) {
  return (await import(join(root, 'dist', path)))[name];
}

/** The principal of a user id (as the Basic strategy makes it), for calling use cases in process. */
export async function principalOf(app, userId) {
  const PrincipalLoader = await compiled('src/identity/infrastructure/principal.loader.js', 'PrincipalLoader');
  const loader = app.get(PrincipalLoader, { strict: false });
  return loader.toPrincipal(await loader.rowById(userId), 'basic');
}
