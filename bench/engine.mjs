// Benchmark: the process engine (issue "Process engine core").
//
//   npm run bench:engine            N=2000 by default; N=50 npm run bench:engine for a quick check
//   PARTS=a,b N=500 npm run bench:engine   only some parts (a, b, c, fork): short back-to-back comparisons
//   NO_BUILD=1 …                     skip the build (dist/ is current)
//
// Builds, starts the server on a throwaway embedded PostgreSQL, deploys a start → user task → end
// process and a 10-way parallel fork/join, then runs N complete lifecycles (start, complete the
// task, the instance ends) with full history:
//   (a) in process, through the application services (StartProcessInstance, CompleteTask) on an
//       application context over the same database, CONCURRENCY lifecycles at a time;
//   (b) over HTTP with 16 concurrent clients (POST process-instances, PUT tasks/{id}/action/complete
//       of the aps dialect — the endpoints of engine-instances and engine-tasks; skipped when absent);
//   (c) the same flow with the `bpmn-engine` npm package in process, its state serialized with
//       JSON.stringify(getState()) after each step (the cost of persisting it);
// and prints lifecycles/s, p50/p99 of start and of complete, and ours/bpmn-engine. (b) runs first,
// before this process loads the application for (a); CPU per lifecycle is printed for the server (or
// this process for (a)), the embedded PostgreSQL and, for (b), the clients.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD, applicationContext, basicAuth, build, compiled, databaseUrlOf, newDataDir, principalOf, randomPort, root, startServer,
  stopServer, waitHealthy,
} from './support.mjs';

const N = Number(process.env.N ?? 2000);
const FORK_N = Number(process.env.FORK_N ?? Math.max(10, Math.floor(N / 10)));
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const HTTP_CLIENTS = 16;
const PARTS = new Set((process.env.PARTS ?? 'a,b,c,fork').split(',').map((p) => p.trim()));
const require = createRequire(import.meta.url);

const DEFS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.bench">`;

const ONE_TASK = `${DEFS}
  <process id="benchOneTask" name="Bench one task" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Do it" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const BRANCHES = 10;
const FORK = `${DEFS}
  <process id="benchFork" name="Bench fork/join" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
${Array.from({ length: BRANCHES }, (_, i) => `    <sequenceFlow id="to${i}" sourceRef="fork" targetRef="b${i}"/>
    <userTask id="b${i}" name="Branch ${i}" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="from${i}" sourceRef="b${i}" targetRef="join"/>`).join('\n')}
    <parallelGateway id="join"/>
    <sequenceFlow id="f9" sourceRef="join" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/**
 * CPU time (ms) used so far by this process, the server process and the embedded PostgreSQL (the
 * postmaster and its backends, from /proc): under CPU contention (a shared machine) wall-clock
 * throughput mostly measures the neighbours, CPU per lifecycle much less so. Linux only; 100 Hz ticks.
 */
function cpuSnapshot(serverPid, dataDir) {
  const ticks = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime + stime, and cutime + cstime: backends that exited were reaped by the postmaster.
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * 10, reaped: (Number(fields[13]) + Number(fields[14])) * 10 };
    } catch {
      return null;
    }
  };
  let pg = 0;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const t = ticks(name);
      if (t && (Number(name) === postmaster || t.ppid === postmaster)) pg += t.cpu + (Number(name) === postmaster ? t.reaped : 0);
    }
  } catch {
    // no /proc or no cluster: PostgreSQL CPU unknown
  }
  const usage = process.cpuUsage();
  return { bench: (usage.user + usage.system) / 1000, server: ticks(serverPid)?.cpu ?? 0, pg };
}

/** CPU ms per lifecycle between two snapshots, for the processes that did the work. */
function cpuPer(before, after, n, inProcessApp) {
  const node = inProcessApp ? after.bench - before.bench : after.server - before.server;
  const cpu = { 'node CPU ms/lc': +(node / n).toFixed(2), 'pg CPU ms/lc': +((after.pg - before.pg) / n).toFixed(2) };
  // Over HTTP the clients run in this process, on the same two cores: their share is shown apart.
  if (!inProcessApp) cpu['client CPU ms/lc'] = +((after.bench - before.bench) / n).toFixed(2);
  return cpu;
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: +at(0.5).toFixed(2), p99: +at(0.99).toFixed(2) };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Runs `n` jobs with at most `width` in flight; answers the wall time in ms. */
async function pool(n, width, job) {
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        await job(i);
      }
    }),
  );
  return now() - started;
}

function result(name, n, wallMs, starts, completes, extra = {}) {
  return { name, lifecycles: n, 'lifecycles/s': Math.round((n * 1000) / wallMs), 'start p50': stats(starts).p50, 'start p99': stats(starts).p99, 'complete p50': stats(completes).p50, 'complete p99': stats(completes).p99, ...extra };
}

/** (a) Through the application services, in process. */
async function inProcess(app, actor, services, key, n, width, tasksPer) {
  const { StartProcessInstance, CompleteTask } = services;
  const start = app.get(StartProcessInstance, { strict: false });
  const complete = app.get(CompleteTask, { strict: false });
  const starts = [];
  const completes = [];
  const wall = await pool(n, width, async () => {
    let t = now();
    const r = await start.execute({ actor, processDefinitionKey: key });
    starts.push(now() - t);
    if (r.taskIds.length !== tasksPer) throw new Error(`expected ${tasksPer} tasks, got ${r.taskIds.length}`);
    for (const taskId of r.taskIds) {
      t = now();
      await complete.execute({ actor, taskId });
      completes.push(now() - t);
    }
  });
  return { wall, starts, completes };
}

/**
 * The clients of (b). They share the two cores with the server, so their own CPU counts against
 * it (each row prints it): WHATWG fetch (undici) spent ≈ 2 ms per lifecycle here, node:http
 * ≈ 0.45 ms, and this raw client — one keep-alive socket per client, requests written as text,
 * responses read by Content-Length, as a load generator like wrk does — ≈ 0.15 ms. The server sees
 * the same HTTP/1.1 requests either way. CLIENT=node or CLIENT=fetch runs (b) with the others.
 */
function httpClient(url, auth) {
  if (process.env.CLIENT === 'fetch') return fetchClient(url, auth);
  if (process.env.CLIENT === 'node') return nodeHttpClient(url, auth);
  return rawClient(url, auth);
}

function response(status, text) {
  return { status, ok: status >= 200 && status < 300, text, json: () => JSON.parse(text) };
}

function rawClient(url, auth) {
  const { hostname, port } = new URL(url);
  const idle = [];
  const all = [];
  const head = `Host: ${hostname}:${port}\r\nAuthorization: ${auth}\r\n`;
  const connect = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect({ host: hostname, port: Number(port), noDelay: true }, () => resolve(socket));
      socket.once('error', reject);
      all.push(socket);
    });
  // One request at a time per socket: read the head, then Content-Length bytes of body.
  const exchange = (socket, message) =>
    new Promise((resolve, reject) => {
      let buffer = Buffer.alloc(0);
      let bodyStart = -1;
      let length = 0;
      let status = 0;
      const fail = (e) => {
        socket.off('data', onData);
        socket.off('close', closed);
        reject(e);
      };
      const closed = () => fail(new Error('the server closed the connection before answering'));
      const onData = (chunk) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        if (bodyStart < 0) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const lines = buffer.toString('latin1', 0, end).split('\r\n');
          status = Number(lines[0].split(' ')[1]);
          const lengthLine = lines.find((l) => /^content-length:/i.test(l));
          if (!lengthLine) return fail(new Error(`response without Content-Length: ${lines[0]}`));
          length = Number(lengthLine.slice(lengthLine.indexOf(':') + 1));
          bodyStart = end + 4;
        }
        if (buffer.length < bodyStart + length) return;
        socket.off('data', onData);
        socket.off('error', fail);
        socket.off('close', closed);
        resolve(response(status, buffer.toString('utf8', bodyStart, bodyStart + length)));
      };
      socket.on('data', onData);
      socket.once('error', fail);
      socket.once('close', closed);
      socket.write(message);
    });
  const request = async (method, path, body) => {
    let socket = idle.pop();
    while (socket?.destroyed) socket = idle.pop(); // closed by the server while idle (keep-alive timeout)
    socket ??= await connect();
    const payload = body === undefined ? '' : JSON.stringify(body);
    const type = body === undefined ? '' : 'Content-Type: application/json\r\n';
    const result = await exchange(socket, `${method} ${path} HTTP/1.1\r\n${head}${type}Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
    idle.push(socket);
    return result;
  };
  return { request, close: () => all.forEach((s) => s.destroy()) };
}

function nodeHttpClient(url, auth) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: HTTP_CLIENTS });
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = { authorization: auth };
      if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      const req = http.request({ host: hostname, port, method, path, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(response(res.statusCode, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { request, close: () => agent.destroy() };
}

function fetchClient(url, auth) {
  const request = async (method, path, body) => {
    const headers = { authorization: auth };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return response(res.status, await res.text());
  };
  return { request, close: () => {} };
}

/** (b) Over HTTP, 16 clients; the aps endpoints of the other tracks. */
async function overHttp(url, auth, key, n) {
  const client = httpClient(url, auth);
  try {
    const api = '/activiti-app/api/enterprise';
    const probe = await client.request('POST', `${api}/process-instances`, { processDefinitionKey: key });
    if (probe.status === 404 || probe.status === 405) return null;
    if (!probe.ok) throw new Error(`POST process-instances: ${probe.status} ${probe.text}`);
    const starts = [];
    const completes = [];
    const wall = await pool(n, HTTP_CLIENTS, async () => {
      let t = now();
      const res = await client.request('POST', `${api}/process-instances`, { processDefinitionKey: key });
      if (!res.ok) throw new Error(`start: ${res.status} ${res.text}`);
      const instance = res.json();
      starts.push(now() - t);
      const q = await client.request('POST', `${api}/tasks/query`, { processInstanceId: String(instance.id) });
      if (!q.ok) throw new Error(`tasks/query: ${q.status} ${q.text}`);
      const tasks = q.json().data;
      t = now();
      const done = await client.request('PUT', `${api}/tasks/${tasks[0].id}/action/complete`);
      if (!done.ok) throw new Error(`complete: ${done.status} ${done.text}`);
      completes.push(now() - t);
    });
    return { wall, starts, completes };
  } finally {
    client.close();
  }
}

/** (c) bpmn-engine in process, state serialized after each step. */
async function bpmnEngine(source, n, taskIds) {
  const { Engine } = require(join(root, 'node_modules/bpmn-engine/lib/index.cjs'));
  const starts = [];
  const completes = [];
  let bytes = 0;
  const wall = await pool(n, 1, async (i) => {
    let t = now();
    const listener = new EventEmitter();
    const engine = new Engine({ name: `bench-${i}`, source });
    const ended = engine.waitFor('end');
    const execution = await engine.execute({ listener, variables: { initiator: '1' } });
    bytes += JSON.stringify(await engine.getState()).length;
    starts.push(now() - t);
    for (const id of taskIds) {
      t = now();
      execution.signal({ id });
      bytes += JSON.stringify(await engine.getState()).length;
      completes.push(now() - t);
    }
    await ended;
  });
  return { wall, starts, completes, bytes };
}

async function main() {
  if (process.env.NO_BUILD !== '1') await build(); // NO_BUILD=1: dist/ is current (back-to-back runs)
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  const child = startServer(data.dir, port);
  await waitHealthy(url, 60_000);
  const databaseUrl = databaseUrlOf(data.dir);
  const auth = basicAuth('admin', ADMIN_PASSWORD);
  let app;
  try {
    for (const [name, xml] of [['one-task.bpmn20.xml', ONE_TASK], ['fork.bpmn20.xml', FORK]]) {
      const form = new FormData();
      form.append('file', new Blob([xml], { type: 'text/xml' }), name);
      const res = await fetch(`${url}/activiti-app/api/repository/deployments`, { method: 'POST', headers: { authorization: auth }, body: form });
      if (res.status !== 201) throw new Error(`deploy ${name}: ${res.status} ${await res.text()}`);
    }

    const rows = [];
    // (b) first, while this process is only the 16 clients: the application context of (a) (its pool,
    // its outbox poller, its LISTEN connection) is created afterwards. The server is warmed up over
    // HTTP first (its JIT, its statements prepared on every pooled connection).
    if (PARTS.has('b')) await overHttp(url, auth, 'benchOneTask', Math.min(300, N));
    const beforeB = cpuSnapshot(child.pid, data.dir);
    const b = PARTS.has('b') ? await overHttp(url, auth, 'benchOneTask', N) : null;
    if (b) rows.push(result(`(b) HTTP, ${HTTP_CLIENTS} clients`, N, b.wall, b.starts, b.completes, cpuPer(beforeB, cpuSnapshot(child.pid, data.dir), N, false)));
    else if (PARTS.has('b')) console.log('(b) skipped: POST /activiti-app/api/enterprise/process-instances is not on this branch yet');

    app = await applicationContext(databaseUrl);
    const actor = await principalOf(app, '1');
    const StartProcessInstance = await compiled('src/process-engine/application/instances/start-process-instance.use-case.js', 'StartProcessInstance');
    const CompleteTask = await compiled('src/process-engine/application/tasks/complete-task.use-case.js', 'CompleteTask');
    const services = { StartProcessInstance, CompleteTask };

    // Warm-up: plans prepared, caches filled, JIT warm.
    await inProcess(app, actor, services, 'benchOneTask', Math.min(100, N), CONCURRENCY, 1);

    if (PARTS.has('a')) {
      const before = cpuSnapshot(child.pid, data.dir);
      const a = await inProcess(app, actor, services, 'benchOneTask', N, CONCURRENCY, 1);
      const cpu = cpuPer(before, cpuSnapshot(child.pid, data.dir), N, true);
      rows.push(result(`(a) application services, ${CONCURRENCY} concurrent`, N, a.wall, a.starts, a.completes, cpu));
    }
    if (PARTS.has('c')) {
      const c = await bpmnEngine(ONE_TASK, N, ['task']);
      rows.push(result('(c) bpmn-engine, getState() serialized per step', N, c.wall, c.starts, c.completes, { 'state bytes/lifecycle': Math.round(c.bytes / N) }));
    }
    if (PARTS.has('fork')) {
      const forkIds = Array.from({ length: BRANCHES }, (_, i) => `b${i}`);
      const fa = await inProcess(app, actor, services, 'benchFork', FORK_N, CONCURRENCY, BRANCHES);
      rows.push(result(`10-way fork/join: application services, ${CONCURRENCY} concurrent`, FORK_N, fa.wall, fa.starts, fa.completes));
      const fc = await bpmnEngine(FORK, FORK_N, forkIds);
      rows.push(result('10-way fork/join: bpmn-engine, state serialized', FORK_N, fc.wall, fc.starts, fc.completes));
    }

    console.table(rows);
    const row = (prefix) => rows.find((r) => r.name.startsWith(prefix));
    const ratio = (x, y) => (x && y ? (x['lifecycles/s'] / y['lifecycles/s']).toFixed(2) : 'n/a');
    console.log(`ours/bpmn-engine (lifecycles/s): in-process ${ratio(row('(a)'), row('(c)'))}, HTTP ${ratio(row('(b)'), row('(c)'))}` +
      `, 10-way fork/join ${ratio(row('10-way fork/join: application'), row('10-way fork/join: bpmn-engine'))}`);
    console.log('targets: (a) >= 600 lifecycles/s, (b) >= 300 lifecycles/s, ours faster than bpmn-engine with persisted state');
  } finally {
    if (app) await app.close();
    await stopServer(child);
    data.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
