// Benchmark: content uploads (issue 5, "content store").
//
//   npm run bench:content           ten 100 MB files at once; FILES=4 SIZE_MB=20 npm run bench:content for a quick check
//
// Builds, starts the server on a throwaway embedded PostgreSQL and data directory (local content
// store, MAX_UPLOAD_BYTES 200 MiB), then uploads FILES files of SIZE_MB each concurrently over HTTP
// (POST /activiti-app/api/enterprise/content/raw, multipart, streamed from disk), while sampling the
// server process's resident memory (VmRSS) every 20 ms. Prints the throughput (MB/s over the wall
// time of the whole batch) and the server's RSS before, at its peak during, and after the uploads:
// memory must stay flat (busboy streams the file part straight to the store; nothing holds a file).
// As the baseline, in the same run: the same bytes copied with fs streams (FILES at once, flushed
// to disk like the store does) — the raw disk write speed of this machine.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ADMIN_PASSWORD, basicAuth, build, newDataDir, randomPort, startServer, stopServer, waitHealthy } from './support.mjs';

const FILES = Number(process.env.FILES ?? 10);
const SIZE_MB = Number(process.env.SIZE_MB ?? 100);
const SIZE = SIZE_MB * 1024 * 1024;

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

const mb = (bytes) => +(bytes / (1024 * 1024)).toFixed(1);

/** Writes a file of pseudo-random bytes (a 1 MiB random block repeated with a counter), answering its sha-256. */
async function makeFile(path) {
  const block = randomBytes(1024 * 1024);
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let i = 0; i < SIZE_MB; i++) {
    const chunk = Buffer.from(block);
    chunk.writeUInt32BE(i, 0);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  return hash.digest('hex');
}

/** One multipart upload streamed from `path`; answers the content object. */
function upload(port, auth, path, name) {
  const boundary = `----meridian-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(path).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/activiti-app/api/enterprise/content/raw', headers: { authorization: auth, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200) reject(new Error(`upload ${name}: ${res.statusCode} ${body}`));
          else resolve(JSON.parse(body));
        });
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('error', reject);
    file.pipe(req, { end: false });
    file.on('end', () => req.end(tail));
  });
}

async function main() {
  await build();
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  const source = join(data.dir, 'bench-source.bin');
  const child = startServer(data.dir, port);
  try {
    await waitHealthy(url, 60_000);
    const sha = await makeFile(source);
    const auth = basicAuth('admin', ADMIN_PASSWORD);

    // Warm-up: one small upload (routes, statements, JIT), then let the heap settle.
    const small = join(data.dir, 'warm.bin');
    writeFileSync(small, randomBytes(64 * 1024));
    await upload(port, auth, small, 'warm.bin');
    await new Promise((r) => setTimeout(r, 1000));

    const before = rssOf(child.pid);
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssOf(child.pid));
      } catch {
        // the process is gone
      }
    }, 20);
    const started = process.hrtime.bigint();
    const results = await Promise.all(Array.from({ length: FILES }, (_, i) => upload(port, auth, source, `file-${i}.bin`)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(child.pid));
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssOf(child.pid);

    // The bytes arrived intact: the first upload read back and hashed.
    const res = await fetch(`${url}/activiti-app/api/enterprise/content/${results[0].id}/raw`, { headers: { authorization: auth } });
    const back = createHash('sha256');
    for await (const chunk of res.body) back.update(chunk);
    const intact = back.digest('hex') === sha;

    // Baseline: the same bytes, FILES copies at once, with fs streams flushed to disk.
    const copies = Array.from({ length: FILES }, (_, i) => join(data.dir, `copy-${i}.bin`));
    const baseStart = process.hrtime.bigint();
    await Promise.all(copies.map((to) => pipeline(createReadStream(source), createWriteStream(to, { flush: true }))));
    const baseSeconds = Number(process.hrtime.bigint() - baseStart) / 1e9;
    for (const c of copies) rmSync(c, { force: true });

    const total = FILES * SIZE;
    console.log(`\nContent uploads: ${FILES} × ${SIZE_MB} MB concurrently over HTTP (local store, sha-256 + type detection while streaming)`);
    console.table([
      { what: 'HTTP upload (content/raw)', seconds: +seconds.toFixed(2), 'MB/s': mb(total / seconds) },
      { what: 'baseline: fs stream copy, flushed', seconds: +baseSeconds.toFixed(2), 'MB/s': mb(total / baseSeconds) },
    ]);
    console.table([{ 'server RSS before (MB)': mb(before), 'peak during (MB)': mb(peak), 'after (MB)': mb(after), 'peak − before (MB)': mb(peak - before) }]);
    console.log(`upload/baseline throughput: ${((total / seconds) / (total / baseSeconds)).toFixed(2)}; bytes read back intact: ${intact}`);
  } finally {
    await stopServer(child);
    data.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
