// Benchmark: token issuance and authenticated user listing over real HTTP.
//
//   npm run bench            (builds, starts the server on a throwaway embedded PostgreSQL)
//   BENCH_URL=http://host:port ADMIN_PASSWORD=… OAUTH_CLIENT_SECRET=… npm run bench   (against a running server)
//
// Prints requests/s and p50/p99 latency at 1 and 32 connections, each next to a baseline measured
// in the same run: `GET /health` (one database round trip, no authentication) for the API calls,
// and in-process argon2id verifications per second for the password grant, whose cost is one
// argon2id verification by design.
import { cpus } from 'node:os';
import argon2 from 'argon2';
import {
  ADMIN_PASSWORD, CLIENT_ID, CLIENT_SECRET, DURATION, build, load as run, newDataDir, randomPort, row, startServer, stopServer, waitHealthy,
} from './support.mjs';

async function argon2Baseline() {
  const hash = await argon2.hash('bench-password', { type: argon2.argon2id });
  const started = Date.now();
  let n = 0;
  const workers = Array.from({ length: cpus().length }, async () => {
    while (Date.now() - started < 3000) {
      await argon2.verify(hash, 'bench-password');
      n++;
    }
  });
  await Promise.all(workers);
  return Math.round((n * 1000) / (Date.now() - started));
}

async function main() {
  let url = process.env.BENCH_URL;
  let child;
  let data;
  if (!url) {
    await build();
    data = newDataDir();
    const dataDir = data.dir;
    const port = randomPort();
    url = `http://127.0.0.1:${port}`;
    child = startServer(dataDir, port);
    const cold = await waitHealthy(url, 60_000);
    await stopServer(child);
    child = startServer(dataDir, port);
    const warm = await waitHealthy(url, 60_000);
    console.log(`startup to healthy: cold (new data directory) ${cold} ms, warm ${warm} ms (target: warm < 10000 ms)`);
  }

  try {
    const basicAuth = `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`;
    const clientAuth = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    const tokenRes = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: clientAuth },
      body: new URLSearchParams({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD }),
    });
    if (!tokenRes.ok) throw new Error(`password grant failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const { access_token: token } = await tokenRes.json();
    const bearer = `Bearer ${token}`;
    const usersPath = '/api/1.0/workflow/users?start=0&limit=25';
    const check = await fetch(`${url}${usersPath}`, { headers: { authorization: bearer } });
    if (!check.ok) throw new Error(`GET ${usersPath} failed: ${check.status}`);

    const rows = [];
    for (const connections of [1, 32]) {
      rows.push(row('baseline GET /health', connections, await run({ url: `${url}/health`, connections })));
      rows.push(row('GET users (Bearer JWT)', connections, await run({ url: `${url}${usersPath}`, connections, headers: { authorization: bearer } })));
      rows.push(row('GET users (Basic, cached)', connections, await run({ url: `${url}${usersPath}`, connections, headers: { authorization: basicAuth } })));
      rows.push(
        row('POST /oauth/token client_credentials', connections, await run({
          url: `${url}/oauth/token`, connections, method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: clientAuth },
          body: 'grant_type=client_credentials',
        })),
      );
    }
    // The password grant verifies an argon2id hash each time: its ceiling is the argon2 rate.
    const pw = await run({
      url: `${url}/oauth/token`, connections: 4, method: 'POST', duration: Math.min(DURATION, 5),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: clientAuth },
      body: `grant_type=password&username=admin&password=${encodeURIComponent(ADMIN_PASSWORD)}`,
    });
    rows.push(row('POST /oauth/token password', 4, pw));
    console.table(rows);
    console.log(`baseline: argon2id verifications/s in-process on ${cpus().length} cores: ${await argon2Baseline()}`);
    console.log('targets (issue 2): GET users >= 1500 req/s and p99 < 50 ms at 32 connections');
  } finally {
    if (child) await stopServer(child);
    data?.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
