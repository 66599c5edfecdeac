// Round trips to PostgreSQL per engine lifecycle, counted by pg_stat_statements (not a timing).
//
//   npm run bench:engine:statements       K=100 lifecycles per path by default
//
// Builds, starts the server on a throwaway data directory, stops it, loads pg_stat_statements into
// its embedded PostgreSQL, starts it again, deploys the start → user task → end process of
// bench/engine.mjs, warms up, then for each path resets the statistics, runs K lifecycles one after
// another and prints the statements per lifecycle (calls / K, BEGIN and COMMIT included):
//   HTTP: aps POST process-instances, POST tasks/query, PUT tasks/{id}/action/complete;
//   in process: StartProcessInstance and CompleteTask on an application context; for this path the
//   socket writes to PostgreSQL are counted too (one write = one round trip when statements go one
//   after another; a pipelined BEGIN leaves in the same write as the statement after it).
// Statements of the server's background work (outbox polls, health) in that window are counted
// too; they are listed, so they can be told apart (the outbox polls every second at most).
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import {
  ADMIN_PASSWORD, applicationContext, basicAuth, build, compiled, databaseUrlOf, newDataDir, principalOf, randomPort, startServer, stopServer,
  waitHealthy,
} from './support.mjs';

const K = Number(process.env.K ?? 100);

const ONE_TASK = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.bench">
  <process id="benchOneTask" name="Bench one task" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Do it" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

async function httpLifecycle(url, headers) {
  const res = await fetch(`${url}/activiti-app/api/enterprise/process-instances`, { method: 'POST', headers, body: JSON.stringify({ processDefinitionKey: 'benchOneTask' }) });
  if (!res.ok) throw new Error(`start: ${res.status} ${await res.text()}`);
  const instance = await res.json();
  const q = await fetch(`${url}/activiti-app/api/enterprise/tasks/query`, { method: 'POST', headers, body: JSON.stringify({ processInstanceId: String(instance.id) }) });
  if (!q.ok) throw new Error(`tasks/query: ${q.status}`);
  const tasks = (await q.json()).data;
  const done = await fetch(`${url}/activiti-app/api/enterprise/tasks/${tasks[0].id}/action/complete`, { method: 'PUT', headers });
  if (!done.ok) throw new Error(`complete: ${done.status} ${await done.text()}`);
  await done.arrayBuffer();
}

async function counted(db, label, run) {
  await db.query('SELECT pg_stat_statements_reset()');
  await run();
  const { rows } = await db.query(
    `SELECT s.calls::int AS calls, regexp_replace(left(s.query, 110), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = 'meridian' AND s.query NOT LIKE '%pg_stat_statements%'
      ORDER BY s.calls DESC, s.query`,
  );
  const total = rows.reduce((n, r) => n + r.calls, 0);
  console.log(`\n${label}: ${(total / K).toFixed(2)} statements per lifecycle (${total} in ${K} lifecycles)`);
  console.table(rows.map((r) => ({ 'per lifecycle': +(r.calls / K).toFixed(2), query: r.query })));
  return total / K;
}

async function main() {
  await build();
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  let child = startServer(data.dir, port);
  let app;
  let db;
  try {
    await waitHealthy(url, 60_000);
    await stopServer(child);
    appendFileSync(join(data.dir, 'postgres', 'pg', 'postgresql.conf'), "\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_utility = on\n");
    child = startServer(data.dir, port);
    await waitHealthy(url, 60_000);
    // TCP, so that the in-process path's writes to PostgreSQL can be told apart by the remote port.
    const databaseUrl = databaseUrlOf(data.dir, { tcp: true });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

    const auth = basicAuth('admin', ADMIN_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([ONE_TASK], { type: 'text/xml' }), 'one-task.bpmn20.xml');
    const dep = await fetch(`${url}/activiti-app/api/repository/deployments`, { method: 'POST', headers: { authorization: auth }, body: form });
    if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${await dep.text()}`);
    const headers = { authorization: auth, 'content-type': 'application/json' };
    for (let i = 0; i < 20; i++) await httpLifecycle(url, headers);
    const http = await counted(db, 'HTTP (start, tasks/query, complete)', async () => {
      for (let i = 0; i < K; i++) await httpLifecycle(url, headers);
    });

    app = await applicationContext(databaseUrl);
    const actor = await principalOf(app, '1');
    const StartProcessInstance = await compiled('src/process-engine/application/instances/start-process-instance.use-case.js', 'StartProcessInstance');
    const CompleteTask = await compiled('src/process-engine/application/tasks/complete-task.use-case.js', 'CompleteTask');
    const start = app.get(StartProcessInstance, { strict: false });
    const complete = app.get(CompleteTask, { strict: false });
    const lifecycle = async () => {
      const r = await start.execute({ actor, processDefinitionKey: 'benchOneTask' });
      await complete.execute({ actor, taskId: r.taskIds[0] });
    };
    for (let i = 0; i < 20; i++) await lifecycle();
    const pgPort = Number(new URL(databaseUrl).port);
    let writes = 0;
    const proto = net.Socket.prototype;
    const original = { _write: proto._write, _writev: proto._writev };
    proto._write = function (...args) {
      if (this.remotePort === pgPort) writes++;
      return original._write.apply(this, args);
    };
    proto._writev = function (...args) {
      if (this.remotePort === pgPort) writes++;
      return original._writev.apply(this, args);
    };
    let inProcess;
    try {
      inProcess = await counted(db, 'In process (StartProcessInstance, CompleteTask)', async () => {
        writes = 0;
        for (let i = 0; i < K; i++) await lifecycle();
      });
    } finally {
      Object.assign(proto, original);
    }
    console.log(`\nstatements per lifecycle: HTTP ${http.toFixed(2)}, in process ${inProcess.toFixed(2)}`);
    console.log(`in process: ${(writes / K).toFixed(2)} writes (round trips) to PostgreSQL per lifecycle`);
  } finally {
    if (db) await db.end();
    if (app) await app.close();
    await stopServer(child);
    data.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
