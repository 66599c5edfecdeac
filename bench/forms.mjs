// Benchmark: forms in processes (issue 5, forms-engine).
//
//   npm run bench:forms            N=1000 task completions per series by default; N=100 for a quick check
//
// Builds, starts the server on a throwaway embedded PostgreSQL, deploys start → user task (a
// 20-field form: text, multi-line text, integers, amounts, booleans, dropdowns, with required
// fields, lengths and ranges) → end, with the form as a further file part of the deployment, and
// starts 2N instances. Then, over HTTP with 16 concurrent clients:
//   (a) POST task-forms/{taskId} with 20 values and an outcome: validation by forms, the
//       submission recorded, 21 typed variables written, the task completed and the instance
//       advanced to its end — one transaction per request;
//   (b) the named baseline in the same run: PUT tasks/{taskId}/action/complete (no body) on tasks of
//       the same process.
// Prints requests/s, p50/p99 of each series and (a)/(b).
import { ADMIN_PASSWORD, basicAuth, build, newDataDir, randomPort, startServer, stopServer, waitHealthy } from './support.mjs';

const N = Number(process.env.N ?? 1000);
const CLIENTS = 16;
const API = '/activiti-app/api/enterprise';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.bench">
  <process id="benchForms" name="Bench forms" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Fill in" activiti:assignee="\${initiator}" activiti:formKey="bench-form"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const field = (id, type, extra = {}) => ({ fieldType: 'FormFieldRepresentation', id, name: id.toUpperCase(), type, ...extra });
const OPTIONS = [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }, { id: 'c', name: 'Gamma' }];
const FORM = {
  key: 'bench-form',
  name: 'Bench form',
  fields: [
    ...Array.from({ length: 6 }, (_, i) => field(`text${i}`, 'text', { required: i < 3, params: { maxLength: 200 } })),
    field('notes', 'multi-line-text'),
    ...Array.from({ length: 5 }, (_, i) => field(`int${i}`, 'integer', { required: i < 2, minValue: '0', maxValue: '100000' })),
    ...Array.from({ length: 2 }, (_, i) => field(`amount${i}`, 'amount')),
    ...Array.from({ length: 3 }, (_, i) => field(`flag${i}`, 'boolean')),
    ...Array.from({ length: 3 }, (_, i) => field(`choice${i}`, 'dropdown', { options: OPTIONS })),
  ],
  outcomes: [{ id: 'approve', name: 'Approve' }, { id: 'reject', name: 'Reject' }],
};
if (FORM.fields.length !== 20) throw new Error(`the bench form must have 20 fields, has ${FORM.fields.length}`);

function values(i) {
  const v = {};
  for (let k = 0; k < 6; k++) v[`text${k}`] = `value ${k} of ${i}`;
  v.notes = `Notes for ${i}\nsecond line`;
  for (let k = 0; k < 5; k++) v[`int${k}`] = (i * 7 + k) % 100000;
  for (let k = 0; k < 2; k++) v[`amount${k}`] = 12.5 + k;
  for (let k = 0; k < 3; k++) v[`flag${k}`] = (i + k) % 2 === 0;
  for (let k = 0; k < 3; k++) v[`choice${k}`] = OPTIONS[(i + k) % 3].name;
  return v;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: +at(0.5).toFixed(2), p99: +at(0.99).toFixed(2) };
}

/** `n` jobs, at most `width` in flight; answers the wall time in ms and each job's latency. */
async function pool(n, width, job) {
  let next = 0;
  const times = [];
  const started = now();
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        const t = now();
        await job(i);
        times.push(now() - t);
      }
    }),
  );
  return { wall: now() - started, times };
}

async function startInstances(url, headers, n) {
  const taskIds = new Array(n);
  await pool(n, CLIENTS, async (i) => {
    const res = await fetch(`${url}${API}/process-instances`, { method: 'POST', headers, body: JSON.stringify({ processDefinitionKey: 'benchForms' }) });
    if (!res.ok) throw new Error(`start: ${res.status} ${await res.text()}`);
    const instance = await res.json();
    const q = await fetch(`${url}${API}/tasks/query`, { method: 'POST', headers, body: JSON.stringify({ processInstanceId: String(instance.id) }) });
    if (!q.ok) throw new Error(`tasks/query: ${q.status}`);
    taskIds[i] = (await q.json()).data[0].id;
  });
  return taskIds;
}

function row(name, n, run) {
  const s = stats(run.times);
  return { name, requests: n, 'req/s': Math.round((n * 1000) / run.wall), 'p50 ms': s.p50, 'p99 ms': s.p99 };
}

async function main() {
  await build();
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  const child = startServer(data.dir, port);
  try {
    await waitHealthy(url, 60_000);
    const auth = basicAuth('admin', ADMIN_PASSWORD);
    const headers = { authorization: auth, 'content-type': 'application/json' };
    const form = new FormData();
    form.append('file', new Blob([BPMN], { type: 'text/xml' }), 'bench-forms.bpmn20.xml');
    form.append('file', new Blob([JSON.stringify(FORM)], { type: 'application/json' }), 'bench.form');
    const deployed = await fetch(`${url}/activiti-app/api/repository/deployments`, { method: 'POST', headers: { authorization: auth }, body: form });
    if (deployed.status !== 201) throw new Error(`deploy: ${deployed.status} ${await deployed.text()}`);

    const warm = Math.min(100, N);
    console.log(`starting ${2 * N + 2 * warm} instances …`);
    const warmForm = await startInstances(url, headers, warm);
    const warmPlain = await startInstances(url, headers, warm);
    const formTasks = await startInstances(url, headers, N);
    const plainTasks = await startInstances(url, headers, N);

    const submit = (ids) => async (i) => {
      const res = await fetch(`${url}${API}/task-forms/${ids[i]}`, { method: 'POST', headers, body: JSON.stringify({ values: values(i), outcome: 'Approve' }) });
      if (!res.ok) throw new Error(`task-forms: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const complete = (ids) => async (i) => {
      const res = await fetch(`${url}${API}/tasks/${ids[i]}/action/complete`, { method: 'PUT', headers });
      if (!res.ok) throw new Error(`complete: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // Warm-up of both paths (plans, caches, JIT), not measured.
    await pool(warm, CLIENTS, submit(warmForm));
    await pool(warm, CLIENTS, complete(warmPlain));

    const a = await pool(N, CLIENTS, submit(formTasks));
    const b = await pool(N, CLIENTS, complete(plainTasks));
    const rows = [row(`(a) POST task-forms/{id}, 20 fields, ${CLIENTS} clients`, N, a), row(`(b) baseline PUT tasks/{id}/action/complete, ${CLIENTS} clients`, N, b)];
    console.table(rows);
    console.log(`(a)/(b) throughput: ${(rows[0]['req/s'] / rows[1]['req/s']).toFixed(2)}`);
  } finally {
    await stopServer(child);
    data.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
