import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StartProcessInstance } from '../../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { notificationsSettled } from '../../support/notifications.js';
import {
  candidateGroupBpmn,
  candidateUserBpmn,
  completeInProcess,
  deployBpmn,
  exclusiveBpmn,
  instanceRow,
  oneTaskBpmn,
  parallelBpmn,
  principalOf,
  startInProcess,
  tasksOf,
} from '../../support/engine.js';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>>(
    t,
    `SELECT (SELECT count(*)::int FROM process_engine.process_instances) AS instances,
            (SELECT count(*)::int FROM process_engine.executions) AS executions,
            (SELECT count(*)::int FROM process_engine.tasks) AS tasks,
            (SELECT count(*)::int FROM process_engine.variables) AS variables,
            (SELECT count(*)::int FROM process_engine.activity_history) AS activities,
            (SELECT count(*)::int FROM process_engine.audit_entries) AS audit,
            (SELECT count(*)::int FROM process_engine.identity_links) AS links`,
  );
  return row!;
}

describe('engine core: deploy → start → task → complete → end, against the real database', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let carol: string;
  let sales: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    bob = await insertUser(t, { username: 'bob', email: 'bob@corp.example', password: 'Passw0rd-bob' });
    carol = await insertUser(t, { username: 'carol', password: 'Passw0rd-carol' });
    const [g] = await sql<{ id: string }>(t, `INSERT INTO org_structure.groups (tenant_id, title, kind) VALUES (1, 'Sales', 'functional') RETURNING id::text AS id`);
    sales = g!.id;
    await sql(t, `INSERT INTO org_structure.group_members (tenant_id, group_id, user_id) VALUES (1, $1, $2)`, [sales, bob]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs a one-task process to its end with tasks, links, history and audit', async () => {
    const d = await deployBpmn(t, oneTaskBpmn('life'));
    const instanceId = await startInProcess(t, alice, 'life', [{ name: 'amount', type: 'integer', value: 5 }], { name: 'First' });

    const [task] = await tasksOf(t, instanceId);
    expect(task).toMatchObject({ name: 'Do it', taskDefinitionKey: 'task', assigneeId: alice, endedAt: null });
    const [full] = await sql(t, `SELECT description, definition_id, execution_id IS NOT NULL AS has_exec, priority FROM process_engine.tasks WHERE id = $1`, [task!.id]);
    expect(full).toEqual({ description: 'Please do it', definition_id: d.definitions[0]!.id, has_exec: true, priority: 50 });
    expect(await instanceRow(t, instanceId)).toEqual({ state: 'running', version: 1, incidents: 0, endActivityId: null });
    const vars = await sql(t, `SELECT name, type, value FROM process_engine.variables WHERE instance_id = $1 ORDER BY name`, [instanceId]);
    expect(vars).toEqual([
      { name: 'amount', type: 'integer', value: 5 },
      { name: 'initiator', type: 'string', value: alice },
    ]);
    const links = await sql(t, `SELECT user_id::text AS u, type FROM process_engine.identity_links WHERE instance_id = $1 ORDER BY type`, [instanceId]);
    expect(links).toEqual([
      { u: alice, type: 'participant' },
      { u: alice, type: 'starter' },
    ]);
    const open = await sql(t, `SELECT activity_id, activity_type, task_id::text AS task, ended_at IS NOT NULL AS ended FROM process_engine.activity_history WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    expect(open).toEqual([
      { activity_id: 'start', activity_type: 'startEvent', task: null, ended: true },
      { activity_id: 'task', activity_type: 'userTask', task: task!.id, ended: false },
    ]);

    await completeInProcess(t, alice, task!.id, [{ name: 'approved', type: 'boolean', value: true }]);

    expect(await tasksOf(t, instanceId)).toEqual([]);
    const [done] = await tasksOf(t, instanceId, true);
    expect(done).toMatchObject({ endReason: 'completed', assigneeId: alice });
    expect(await instanceRow(t, instanceId)).toEqual({ state: 'completed', version: 2, incidents: 0, endActivityId: 'end' });
    const history = await sql(t, `SELECT activity_id, ended_at IS NOT NULL AS ended FROM process_engine.activity_history WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    expect(history).toEqual([
      { activity_id: 'start', ended: true },
      { activity_id: 'task', ended: true },
      { activity_id: 'end', ended: true },
    ]);
    const audit = await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    expect(audit.map((a) => a.type)).toEqual(['process-started', 'task-created', 'task-completed', 'process-ended']);
    expect(await sql(t, `SELECT count(*)::int AS n FROM process_engine.executions WHERE instance_id = $1`, [instanceId])).toEqual([{ n: 0 }]);
    const approved = await sql(t, `SELECT value FROM process_engine.variables WHERE instance_id = $1 AND name = 'approved'`, [instanceId]);
    expect(approved).toEqual([{ value: true }]);
  });

  it('refuses a second completion (409 TASK_ENDED) and completions by people not involved (403)', async () => {
    await deployBpmn(t, oneTaskBpmn('twice'));
    const instanceId = await startInProcess(t, alice, 'twice');
    const [task] = await tasksOf(t, instanceId);
    expect(await codeOf(completeInProcess(t, carol, task!.id))).toBe('ENGINE.NOT_INVOLVED');
    await completeInProcess(t, alice, task!.id);
    expect(await codeOf(completeInProcess(t, alice, task!.id))).toBe('ENGINE.TASK_ENDED');
    expect(await codeOf(completeInProcess(t, alice, '99999999'))).toBe('ENGINE.TASK_NOT_FOUND');
  });

  it('resolves candidate groups by name and candidate users by username or email; a candidate completing claims the task', async () => {
    await deployBpmn(t, candidateGroupBpmn('sales', 'byGroup'));
    const g = await startInProcess(t, alice, 'byGroup');
    const [gt] = await tasksOf(t, g);
    expect(gt!.assigneeId).toBeNull();
    expect(await sql(t, `SELECT group_id::text AS g, type FROM process_engine.identity_links WHERE task_id = $1`, [gt!.id])).toEqual([{ g: sales, type: 'candidate' }]);
    expect(await codeOf(completeInProcess(t, carol, gt!.id))).toBe('ENGINE.NOT_INVOLVED');
    await completeInProcess(t, bob, gt!.id);
    expect((await tasksOf(t, g, true))[0]).toMatchObject({ assigneeId: bob, endReason: 'completed' });

    await deployBpmn(t, candidateUserBpmn(`BOB@corp.example, carol, ${carol}, 999999`, 'byUser'));
    const u = await startInProcess(t, alice, 'byUser');
    const [ut] = await tasksOf(t, u);
    const users = await sql<{ u: string }>(t, `SELECT user_id::text AS u FROM process_engine.identity_links WHERE task_id = $1 AND type = 'candidate' ORDER BY user_id`, [ut!.id]);
    expect(users.map((r) => r.u).sort()).toEqual([bob, carol].sort());
    const participants = await sql<{ u: string }>(t, `SELECT user_id::text AS u FROM process_engine.identity_links WHERE instance_id = $1 AND type = 'participant'`, [u]);
    expect(participants.map((r) => r.u).sort()).toEqual([bob, carol].sort());
  });

  it('leaves a task unassigned with an audit entry when its assignee names nobody', async () => {
    await deployBpmn(t, oneTaskBpmn('ghost').replace('activiti:assignee="${initiator}"', 'activiti:assignee="nobody-here"'));
    const instanceId = await startInProcess(t, alice, 'ghost');
    const [task] = await tasksOf(t, instanceId);
    expect(task!.assigneeId).toBeNull();
    const audit = await sql(t, `SELECT details FROM process_engine.audit_entries WHERE task_id = $1 AND type = 'task-assignment-unresolved'`, [task!.id]);
    expect(audit).toEqual([{ details: { taskDefinitionKey: 'task', role: 'assignee', reference: 'nobody-here' } }]);
  });

  it('rejects bad starts with 4xx codes and writes nothing', async () => {
    const d = await deployBpmn(t, oneTaskBpmn('badStarts'));
    const before = await rowCounts(t);
    const start = t.app.get(StartProcessInstance, { strict: false });
    const actor = await principalOf(t, alice);
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'no-such-key' }))).toBe('ENGINE.DEFINITION_NOT_FOUND');
    expect(await codeOf(start.execute({ actor, processDefinitionId: 'badStarts:9:999' }))).toBe('ENGINE.DEFINITION_NOT_FOUND');
    expect(await codeOf(start.execute({ actor }))).toBe('ENGINE.DEFINITION_ID_OR_KEY');
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'badStarts', processDefinitionId: d.definitions[0]!.id }))).toBe('ENGINE.DEFINITION_ID_OR_KEY');
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'badStarts', variables: [{ name: 'n', type: 'integer', value: 'abc' }] }))).toBe('ENGINE.VARIABLE_TYPE');
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'badStarts', variables: [{ name: 'd', type: 'date', value: 'yesterday' }] }))).toBe('ENGINE.VARIABLE_TYPE');
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'badStarts', variables: [{ name: 'x', type: 'blob', value: 1 }] }))).toBe('ENGINE.VARIABLE_TYPE');
    await sql(t, `UPDATE process_engine.process_definitions SET suspended = true WHERE id = $1`, [d.definitions[0]!.id]);
    // A write from outside the application reaches the definition cache by NOTIFY, as another node's would: wait for it.
    await notificationsSettled(t, ['meridian_engine_definitions']);
    expect(await codeOf(start.execute({ actor, processDefinitionKey: 'badStarts' }))).toBe('ENGINE.DEFINITION_SUSPENDED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('rejects completions with variables of a wrong type and changes nothing', async () => {
    await deployBpmn(t, oneTaskBpmn('badComplete'));
    const instanceId = await startInProcess(t, alice, 'badComplete');
    const [task] = await tasksOf(t, instanceId);
    const before = await rowCounts(t);
    expect(await codeOf(completeInProcess(t, alice, task!.id, [{ name: 'n', type: 'long', value: 1.5 }]))).toBe('ENGINE.VARIABLE_TYPE');
    expect(await rowCounts(t)).toEqual(before);
    expect(await tasksOf(t, instanceId)).toHaveLength(1);
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'running', version: 1 });
  });

  it('lets only candidate starters (or admins) start a restricted definition', async () => {
    const xml = oneTaskBpmn('restricted').replace('<process id="restricted"', '<process id="restricted" activiti:candidateStarterUsers="carol" activiti:candidateStarterGroups="Sales"');
    const d = await deployBpmn(t, xml);
    const links = await sql(t, `SELECT user_id::text AS u, group_id::text AS g, type FROM process_engine.identity_links WHERE definition_id = $1 ORDER BY user_id NULLS LAST`, [
      d.definitions[0]!.id,
    ]);
    expect(links).toEqual([
      { u: carol, g: null, type: 'candidate' },
      { u: null, g: sales, type: 'candidate' },
    ]);
    expect(await codeOf(startInProcess(t, alice, 'restricted'))).toBe('ENGINE.NOT_CANDIDATE_STARTER');
    expect(await startInProcess(t, carol, 'restricted')).toMatch(/^\d+$/);
    expect(await startInProcess(t, bob, 'restricted')).toMatch(/^\d+$/);
    expect(await startInProcess(t, 1, 'restricted')).toMatch(/^\d+$/);
  });

  it('refuses a deployment whose candidate starters name nobody', async () => {
    const xml = oneTaskBpmn('starterGhost').replace('<process id="starterGhost"', '<process id="starterGhost" activiti:candidateStarterGroups="No Such Group"');
    const res = await t.http().post('/activiti-app/api/repository/deployments').set('Authorization', t.adminBasic).attach('file', Buffer.from(xml), 'x.bpmn');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('No Such Group');
  });

  it('routes an exclusive gateway on variables set at completion', async () => {
    await deployBpmn(t, exclusiveBpmn('route'));
    const big = await startInProcess(t, alice, 'route');
    await completeInProcess(t, alice, (await tasksOf(t, big))[0]!.id, [{ name: 'amount', value: 500 }]);
    expect((await tasksOf(t, big)).map((x) => x.taskDefinitionKey)).toEqual(['big']);
    const small = await startInProcess(t, alice, 'route', [{ name: 'amount', value: 5 }]);
    await completeInProcess(t, alice, (await tasksOf(t, small))[0]!.id);
    expect((await tasksOf(t, small)).map((x) => x.taskDefinitionKey)).toEqual(['small']);
  });

  it('records an incident when no gateway flow matches; the instance keeps running, the completion stands', async () => {
    await deployBpmn(t, exclusiveBpmn('stuck'));
    const instanceId = await startInProcess(t, alice, 'stuck');
    const [task] = await tasksOf(t, instanceId);
    // `amount` is not set: neither condition holds (or evaluating fails), and there is no default flow.
    await completeInProcess(t, alice, task!.id);
    const row = await instanceRow(t, instanceId);
    expect(row).toMatchObject({ state: 'running', incidents: 1 });
    const incidents = await sql(t, `SELECT activity_id, type, resolved_at FROM process_engine.incidents WHERE instance_id = $1`, [instanceId]);
    expect(incidents).toEqual([{ activity_id: 'gw', type: expect.stringMatching(/^(NO_OUTGOING_FLOW|EXPRESSION_FAILED)$/), resolved_at: null }]);
    expect(await tasksOf(t, instanceId)).toEqual([]);
  });

  it('forks and joins a parallel gateway: the task after the join is created once, after both branches', async () => {
    await deployBpmn(t, parallelBpmn(3, 'fork3'));
    const instanceId = await startInProcess(t, alice, 'fork3');
    const branches = await tasksOf(t, instanceId);
    expect(branches.map((x) => x.taskDefinitionKey).sort()).toEqual(['b1', 'b2', 'b3']);
    await completeInProcess(t, alice, branches[0]!.id);
    await completeInProcess(t, alice, branches[1]!.id);
    expect((await tasksOf(t, instanceId)).map((x) => x.taskDefinitionKey)).toEqual(['b3']);
    await completeInProcess(t, alice, branches[2]!.id);
    const after = await tasksOf(t, instanceId);
    expect(after.map((x) => x.taskDefinitionKey)).toEqual(['after']);
    await completeInProcess(t, alice, after[0]!.id);
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed' });
  });

  it('refuses to complete a task of a suspended instance (409) and changes nothing', async () => {
    await deployBpmn(t, oneTaskBpmn('paused'));
    const instanceId = await startInProcess(t, alice, 'paused');
    await sql(t, `UPDATE process_engine.process_instances SET state = 'suspended' WHERE id = $1`, [instanceId]);
    const [task] = await tasksOf(t, instanceId);
    expect(await codeOf(completeInProcess(t, alice, task!.id))).toBe('ENGINE.INSTANCE_NOT_RUNNING');
    expect(await tasksOf(t, instanceId)).toHaveLength(1);
  });

  it('completes a standalone task (no instance) by locking the task row; local variables stay on the task', async () => {
    const [row] = await sql<{ id: string }>(
      t,
      `INSERT INTO process_engine.tasks (tenant_id, name, assignee_id) VALUES (1, 'Standalone', $1) RETURNING id::text AS id`,
      [alice],
    );
    await completeInProcess(t, alice, row!.id, [{ name: 'note', value: 'done', scope: 'local' }]);
    const [task] = await sql(t, `SELECT end_reason, completed_by::text AS by, version FROM process_engine.tasks WHERE id = $1`, [row!.id]);
    expect(task).toEqual({ end_reason: 'completed', by: alice, version: 2 });
    expect(await sql(t, `SELECT name, value, instance_id FROM process_engine.variables WHERE task_id = $1`, [row!.id])).toEqual([
      { name: 'note', value: 'done', instance_id: null },
    ]);
    expect(await codeOf(completeInProcess(t, alice, row!.id))).toBe('ENGINE.TASK_ENDED');
  });

  it('stores local-scope completion variables on the task and global ones on the instance', async () => {
    await deployBpmn(t, parallelBpmn(2, 'scopes'));
    const instanceId = await startInProcess(t, alice, 'scopes');
    const [b1] = await tasksOf(t, instanceId);
    await completeInProcess(t, alice, b1!.id, [
      { name: 'mine', type: 'string', value: 'local', scope: 'local' },
      { name: 'shared', type: 'integer', value: '7' },
    ]);
    expect(await sql(t, `SELECT name, value FROM process_engine.variables WHERE task_id = $1`, [b1!.id])).toEqual([{ name: 'mine', value: 'local' }]);
    expect(await sql(t, `SELECT type, value FROM process_engine.variables WHERE instance_id = $1 AND task_id IS NULL AND name = 'shared'`, [instanceId])).toEqual([
      { type: 'integer', value: 7 },
    ]);
  });

  it('validates start-form values against the start form, stores them typed and the outcome as form_{formKey}_outcome; no start form: 400', async () => {
    const withForm = oneTaskBpmn('withForm').replace('<startEvent id="start" activiti:initiator="initiator"/>', '<startEvent id="start" activiti:initiator="initiator" activiti:formKey="request"/>');
    const form = {
      key: 'request',
      name: 'Request',
      fields: [
        { id: 'amount', name: 'Amount', type: 'integer', required: true },
        { id: 'note', name: 'Note', type: 'text' },
      ],
      outcomes: [{ id: 'submit', name: 'Submit' }],
    };
    const res = await t
      .http()
      .post('/activiti-app/api/repository/deployments')
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(withForm), 'with-form.bpmn20.xml')
      .attach('file', Buffer.from(JSON.stringify(form)), 'request.form');
    expect(res.status).toBe(201);
    const [def] = await sql(t, `SELECT start_form_key, has_start_form FROM process_engine.process_definitions WHERE deployment_id = $1`, [res.body.id]);
    expect(def).toEqual({ start_form_key: 'request', has_start_form: true });
    const a = await startInProcess(t, alice, 'withForm', [], { values: { amount: 12, note: 'hi' }, outcome: 'Submit' });
    const varsA = await sql(t, `SELECT name, type, value FROM process_engine.variables WHERE instance_id = $1 AND name <> 'initiator' ORDER BY name`, [a]);
    expect(varsA).toEqual([
      { name: 'amount', type: 'long', value: 12 },
      { name: 'form_request_outcome', type: 'string', value: 'Submit' },
      { name: 'note', type: 'string', value: 'hi' },
    ]);
    const history = await sql(t, `SELECT change, count(*)::int AS n FROM process_engine.variable_history WHERE instance_id = $1 GROUP BY change`, [a]);
    expect(history).toEqual([{ change: 'created', n: 4 }]);
    // Invalid values start nothing.
    const count = async () => (await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.process_instances`))[0]!.n;
    const before = await count();
    expect(await codeOf(startInProcess(t, alice, 'withForm', [], { values: { note: 'no amount' }, outcome: 'Submit' }))).toBe('FORMS.INVALID_VALUES');
    // Values for a definition without a start form: refused (design decision), nothing started.
    await deployBpmn(t, oneTaskBpmn('noForm'));
    expect(await codeOf(startInProcess(t, alice, 'noForm', [], { values: { amount: 1 }, outcome: 'Submit' }))).toBe('ENGINE.NO_START_FORM_FOR_VALUES');
    expect(await count()).toBe(before);
  });

  it('sets due date and priority from the model; values the columns cannot take leave the defaults instead of failing', async () => {
    const xml = oneTaskBpmn('dueDates').replace('activiti:assignee="${initiator}"', 'activiti:assignee="${initiator}" activiti:dueDate="${due}" activiti:priority="${prio}"');
    await deployBpmn(t, xml);
    const ok = await startInProcess(t, alice, 'dueDates', [
      { name: 'due', value: '2030-01-02T03:04:05Z' },
      { name: 'prio', value: 80 },
    ]);
    const [good] = await sql(t, `SELECT due_date, priority FROM process_engine.tasks WHERE instance_id = $1`, [ok]);
    expect(good).toEqual({ due_date: new Date('2030-01-02T03:04:05Z'), priority: 80 });
    // A due date that is no date is the model's fault: an incident on the instance, not a failed start.
    const bad = await startInProcess(t, alice, 'dueDates', [
      { name: 'due', value: 'next tuesday' },
      { name: 'prio', value: 10 },
    ]);
    expect(await instanceRow(t, bad)).toMatchObject({ state: 'running', incidents: 1 });
    expect(await sql(t, `SELECT type FROM process_engine.incidents WHERE instance_id = $1`, [bad])).toEqual([{ type: 'EXPRESSION_FAILED' }]);
    // A priority beyond the column's range falls back to the default.
    const huge = await startInProcess(t, alice, 'dueDates', [
      { name: 'due', value: 'P3D' },
      { name: 'prio', value: 1e12 },
    ]);
    const [fallback] = await sql<{ priority: number; due_date: Date }>(t, `SELECT due_date, priority FROM process_engine.tasks WHERE instance_id = $1`, [huge]);
    expect(fallback?.priority).toBe(50);
    expect(Math.abs(fallback!.due_date.getTime() - (Date.now() + 3 * 86_400_000))).toBeLessThan(60_000);
  });
});
