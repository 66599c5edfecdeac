import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { EngineWrites } from '../../../src/process-engine/infrastructure/engine-writes.js';
import { loadConfig } from '../../../src/config/config.js';
import { createApp } from '../../../src/create-app.js';
import { ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { completeInProcess, deployBpmn, instanceRow, oneTaskBpmn, parallelBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { waitFor } from '../../support/wait-for.js';

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

async function snapshot(t: TestApp, instanceId: string): Promise<unknown> {
  return sql(
    t,
    `SELECT (SELECT row_to_json(p) FROM (SELECT state, version, incidents, ended_at FROM process_engine.process_instances WHERE id = $1) p) AS instance,
            (SELECT json_agg(e ORDER BY e.id) FROM (SELECT id, node_id, status, kind FROM process_engine.executions WHERE instance_id = $1) e) AS executions,
            (SELECT json_agg(x ORDER BY x.id) FROM (SELECT id, ended_at, version, assignee_id FROM process_engine.tasks WHERE instance_id = $1) x) AS tasks,
            (SELECT count(*)::int FROM process_engine.activity_history WHERE instance_id = $1) AS activities,
            (SELECT count(*)::int FROM process_engine.audit_entries WHERE instance_id = $1) AS audit,
            (SELECT count(*)::int FROM process_engine.variables WHERE instance_id = $1) AS variables`,
    [instanceId],
  );
}

describe('engine core: durability', () => {
  let t: TestApp;
  let alice: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
  });

  let stopped = false;

  afterAll(async () => {
    if (!stopped) await t.close();
    else await dropDatabase(t.databaseUrl);
  });

  it('a failure while advancing rolls the completion back too: the task stays open, the instance exactly as it was', async () => {
    await deployBpmn(t, parallelBpmn(2, 'crashy'));
    const instanceId = await startInProcess(t, alice, 'crashy');
    const [first] = await tasksOf(t, instanceId);
    const before = await snapshot(t, instanceId);

    const writes = t.app.get(EngineWrites, { strict: false });
    const crash = jest.spyOn(writes, 'writeStep').mockRejectedValueOnce(new Error('simulated crash mid-advance'));
    try {
      await expect(completeInProcess(t, alice, first!.id, [{ name: 'note', value: 'lost' }])).rejects.toThrow('simulated crash mid-advance');
    } finally {
      crash.mockRestore();
    }
    expect(await snapshot(t, instanceId)).toEqual(before);

    // The same completion goes through once the failure is gone.
    await completeInProcess(t, alice, first!.id);
    expect((await tasksOf(t, instanceId)).map((x) => x.taskDefinitionKey)).toEqual(['b2']);
  });

  it('a connection killed mid-transaction leaves nothing behind', async () => {
    await deployBpmn(t, oneTaskBpmn('killed'));
    const instanceId = await startInProcess(t, alice, 'killed');
    const [task] = await tasksOf(t, instanceId);
    const before = await snapshot(t, instanceId);

    const writes = t.app.get(EngineWrites, { strict: false });
    const kill = jest.spyOn(writes, 'writeStep').mockImplementationOnce(async () => {
      // Terminate this very transaction's backend from outside, as a crash of the node would.
      const admin = new pg.Client({ connectionString: t.databaseUrl });
      await admin.connect();
      try {
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
        );
      } finally {
        await admin.end();
      }
      throw new Error('connection lost');
    });
    try {
      await expect(completeInProcess(t, alice, task!.id)).rejects.toThrow();
    } finally {
      kill.mockRestore();
    }
    expect(await snapshot(t, instanceId)).toEqual(before);
    await waitFor('the pool to recover', async () => {
      try {
        await completeInProcess(t, alice, task!.id);
        return true;
      } catch {
        return false;
      }
    });
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed' });
  });
  // Last: it shuts the first application down for good (passport strategies are process-global,
  // so two live applications in one process would share the newest one's).
  it('an instance survives a restart: the application stops, a new one on the same database continues it', async () => {
    await deployBpmn(t, parallelBpmn(2, 'restart'));
    const instanceId = await startInProcess(t, alice, 'restart');
    const [first, second] = await tasksOf(t, instanceId);
    await completeInProcess(t, alice, first!.id);
    await t.app.close();
    stopped = true;

    // A restarted server on the same database, with its caches (definitions) empty.
    const config = loadConfig({ ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '50', DATABASE_URL: t.databaseUrl });
    const restarted = await createApp(config, t.databaseUrl);
    await restarted.init();
    try {
      const other = { ...t, app: restarted } as TestApp;
      await completeInProcess(other, alice, second!.id);
      const [after] = await tasksOf(t, instanceId);
      expect(after!.taskDefinitionKey).toBe('after');
      await completeInProcess(other, alice, after!.id);
    } finally {
      await restarted.close();
    }
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed', endActivityId: 'end' });
  });
});
