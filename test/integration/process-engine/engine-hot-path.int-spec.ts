import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi } from '../../../src/identity/index.js';
import { OrgStructureApi } from '../../../src/org-structure/index.js';
import { AddCandidateStarter } from '../../../src/process-engine/application/definitions/add-candidate-starter.use-case.js';
import { StartProcessInstance } from '../../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { CompleteTask } from '../../../src/process-engine/application/tasks/complete-task.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { deployBpmn, instanceRow, oneTaskBpmn, principalOf, startInProcess, tasksOf } from '../../support/engine.js';
import { notificationsSettled } from '../../support/notifications.js';
import { countStatements } from '../../support/statements.js';
import { waitFor } from '../../support/wait-for.js';

const ADMIN = '1';

const DEFS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.test/bpmn">`;

/** start → end: the start runs the instance to its end. */
const STRAIGHT_THROUGH = `${DEFS}
  <process id="straight" name="Straight" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/** start → fork → (user task `wait`, terminate end): the start creates a task and terminates in the same step. */
const CREATE_AND_TERMINATE = `${DEFS}
  <process id="createAndTerminate" name="Create and terminate" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f1" sourceRef="fork" targetRef="wait"/>
    <userTask id="wait" name="Wait" activiti:assignee="nobody-by-that-name"/>
    <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
    <endEvent id="end"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="stop"/>
    <endEvent id="stop"><terminateEventDefinition/></endEvent>
  </process>
</definitions>`;

/** start → user task offered to candidate users and groups → end. */
const CANDIDATES = (users: string, groups: string) => `${DEFS}
  <process id="candidates" name="Candidates" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Pick" activiti:candidateUsers="${users}" activiti:candidateGroups="${groups}"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/**
 * The engine's hot path (bench/engine-statements.mjs counts the same over HTTP): a start writes the
 * new instance and everything its first step writes in one statement, reading nothing while the
 * definition is cached; a completion locks and reads, updates the task (reading the step's state in
 * the same statement), and writes the step. What the caches hold is dropped by the commits of this
 * node and by the NOTIFY of the database triggers for writes made elsewhere.
 */
describe('engine hot path: statements per start and completion, one-statement starts, caches', () => {
  let t: TestApp;
  let ann: string;

  beforeAll(async () => {
    t = await startTestApp();
    ann = await insertUser(t, { username: 'ann', firstName: 'Ann', password: 'Passw0rd-ann' });
  });

  afterAll(async () => {
    await t.close();
  });

  const counted = <T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> => countStatements(t, run);

  it('an aps start answers the new instance from its one statement, exactly as GET process-instances/{id} reads it', async () => {
    await deployBpmn(t, oneTaskBpmn('viewed'));
    await notificationsSettled(t, ['meridian_engine_definitions', 'meridian_auth', 'meridian_org']);
    const api = '/activiti-app/api/enterprise/process-instances';
    const start = () =>
      t.http().post(api).set('Authorization', t.adminBasic).send({
        processDefinitionKey: 'viewed',
        name: 'Viewed',
        // out of name order, of several types: the view lists them by name, typed as stored
        variables: [
          { name: 'zeta', type: 'string', value: 'last' },
          { name: 'amount', type: 'long', value: 42 },
          { name: 'Beta', type: 'boolean', value: true },
          { name: 'when', type: 'date', value: '2026-11-22T10:00:00.000Z' },
        ],
      });
    await start().expect(200); // the definition cached
    const started = await counted(async () => (await start().expect(200)).body as Record<string, unknown>);
    expect(started.statements).toEqual(['WITH inst AS']);
    const read = await t.http().get(`${api}/${String(started.result.id)}`).set('Authorization', t.adminBasic).expect(200);
    expect(started.result).toEqual(read.body);
    expect((started.result.variables as Array<{ name: string }>).map((v) => v.name)).toEqual(['Beta', 'amount', 'initiator', 'when', 'zeta']);
    expect(started.result).toMatchObject({ name: 'Viewed', ended: null, processDefinitionKey: 'viewed', startedBy: expect.objectContaining({ id: 1 }) });
  });

  it('a start is one statement once its definition is cached; a completion three', async () => {
    await deployBpmn(t, oneTaskBpmn('hot'));
    const actor = await principalOf(t, ADMIN);
    const start = t.app.get(StartProcessInstance, { strict: false });
    const complete = t.app.get(CompleteTask, { strict: false });
    // The deployment's NOTIFY empties the definition cache when it arrives: let it arrive first.
    await notificationsSettled(t, ['meridian_engine_definitions', 'meridian_auth', 'meridian_org']);
    await start.execute({ actor, processDefinitionKey: 'hot' }); // fills the definition cache

    const started = await counted(() => start.execute({ actor, processDefinitionKey: 'hot' }));
    expect(started.statements).toHaveLength(1);
    expect(started.statements[0]).toMatch(/^WITH inst AS/);
    expect(started.result.taskIds).toHaveLength(1);

    const completed = await counted(() => complete.execute({ actor, taskId: started.result.taskIds[0]! }));
    // lock and read the task; versioned update + audit + the step's state; the step's writes
    expect(completed.statements).toHaveLength(3);
    expect(await instanceRow(t, started.result.instanceId)).toMatchObject({ state: 'completed', endActivityId: 'end' });
    const audit = await sql<{ type: string; task: boolean }>(
      t,
      `SELECT type, task_id IS NOT NULL AS task FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`,
      [started.result.instanceId],
    );
    expect(audit).toEqual([
      { type: 'process-started', task: false },
      { type: 'task-created', task: true },
      { type: 'task-completed', task: true },
      { type: 'process-ended', task: false },
    ]);
  });

  it('a start that runs to the end writes the instance ended, with its history, in its one statement', async () => {
    await deployBpmn(t, STRAIGHT_THROUGH, 'straight.bpmn20.xml');
    const instanceId = await startInProcess(t, ADMIN, 'straight', [{ name: 'n', type: 'integer', value: 7 }]);
    expect(await instanceRow(t, instanceId)).toEqual({ state: 'completed', version: 1, incidents: 0, endActivityId: 'end' });
    const [row] = await sql(t, `SELECT ended_at IS NOT NULL AS ended, end_reason FROM process_engine.process_instances WHERE id = $1`, [instanceId]);
    expect(row).toEqual({ ended: true, end_reason: null });
    const activities = await sql(t, `SELECT activity_id, ended_at IS NOT NULL AS ended FROM process_engine.activity_history WHERE instance_id = $1 ORDER BY id`, [
      instanceId,
    ]);
    expect(activities).toEqual([
      { activity_id: 'start', ended: true },
      { activity_id: 'end', ended: true },
    ]);
    expect(await sql(t, `SELECT name, value FROM process_engine.variables WHERE instance_id = $1 ORDER BY name`, [instanceId])).toEqual([{ name: 'n', value: 7 }]);
    expect(await sql(t, `SELECT name, change FROM process_engine.variable_history WHERE instance_id = $1`, [instanceId])).toEqual([{ name: 'n', change: 'created' }]);
    expect(await sql(t, `SELECT count(*)::int AS n FROM process_engine.executions WHERE instance_id = $1`, [instanceId])).toEqual([{ n: 0 }]);
    expect((await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [instanceId])).map((r) => r.type)).toEqual([
      'process-started',
      'process-ended',
    ]);
  });

  it('a task created and cancelled by the same start step is written cancelled, its audit entries naming it', async () => {
    await deployBpmn(t, CREATE_AND_TERMINATE, 'terminate-at-start.bpmn20.xml');
    const instanceId = await startInProcess(t, ADMIN, 'createAndTerminate');
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed', endActivityId: 'stop' });
    const tasks = await sql<{ id: string; end_reason: string; version: number; ended: boolean; assignee_id: string | null }>(
      t,
      `SELECT id::text AS id, end_reason, version, ended_at IS NOT NULL AS ended, assignee_id FROM process_engine.tasks WHERE instance_id = $1`,
      [instanceId],
    );
    expect(tasks).toEqual([{ id: expect.any(String), end_reason: 'cancelled', version: 2, ended: true, assignee_id: null }]);
    const audit = await sql<{ type: string; task_id: string | null }>(
      t,
      `SELECT type, task_id::text AS task_id FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`,
      [instanceId],
    );
    expect(audit).toEqual([
      { type: 'process-started', task_id: null },
      { type: 'task-created', task_id: tasks[0]!.id },
      { type: 'task-assignment-unresolved', task_id: tasks[0]!.id },
      { type: 'process-ended', task_id: null },
    ]);
    const [history] = await sql(t, `SELECT task_id::text AS task_id FROM process_engine.activity_history WHERE instance_id = $1 AND activity_id = 'wait'`, [
      instanceId,
    ]);
    expect(history).toEqual({ task_id: tasks[0]!.id });
  });

  it('candidate links land on the new task and participant links on the new instance', async () => {
    const [g] = await sql<{ id: string }>(t, `INSERT INTO org_structure.groups (tenant_id, title, kind) VALUES (1, 'Hot group', 'functional') RETURNING id::text AS id`);
    await deployBpmn(t, CANDIDATES('ann', g!.id), 'candidates.bpmn20.xml');
    const instanceId = await startInProcess(t, ADMIN, 'candidates');
    const [task] = await tasksOf(t, instanceId);
    const links = await sql(
      t,
      `SELECT instance_id::text AS instance, task_id::text AS task, user_id::text AS "user", group_id::text AS "group", type
         FROM process_engine.identity_links WHERE instance_id = $1 OR task_id = $2 ORDER BY id`,
      [instanceId, task!.id],
    );
    expect(links).toEqual([
      { instance: instanceId, task: null, user: ADMIN, group: null, type: 'starter' },
      { instance: null, task: task!.id, user: ann, group: null, type: 'candidate' },
      { instance: null, task: task!.id, user: null, group: g!.id, type: 'candidate' },
      { instance: instanceId, task: null, user: ann, group: null, type: 'participant' },
    ]);
  });

  describe('what a start reads of a definition is cached, and dropped when it changes', () => {
    it('a new version of the key is started at once after its deployment (this node)', async () => {
      await deployBpmn(t, oneTaskBpmn('versioned'));
      const first = await t.app.get(StartProcessInstance, { strict: false }).execute({ actor: await principalOf(t, ADMIN), processDefinitionKey: 'versioned' });
      await deployBpmn(t, oneTaskBpmn('versioned', 'Second version'));
      const second = await t.app.get(StartProcessInstance, { strict: false }).execute({ actor: await principalOf(t, ADMIN), processDefinitionKey: 'versioned' });
      expect(first.definitionId).not.toBe(second.definitionId);
      expect(second.definitionId).toMatch(/^versioned:2:/);
    });

    it('a candidate starter added through the use case restricts the next start at once', async () => {
      const d = await deployBpmn(t, oneTaskBpmn('restricted'));
      await startInProcess(t, ann, 'restricted'); // cached: no candidate starters
      await t.app.get(AddCandidateStarter, { strict: false }).execute({ actor: await principalOf(t, ADMIN), definitionId: d.definitions[0]!.id, userId: ADMIN });
      await expect(startInProcess(t, ann, 'restricted')).rejects.toMatchObject({ code: 'ENGINE.NOT_CANDIDATE_STARTER' });
    });

    it('a candidate starter written elsewhere (another node, SQL) restricts starts once its NOTIFY arrives', async () => {
      const d = await deployBpmn(t, oneTaskBpmn('restrictedElsewhere'));
      await startInProcess(t, ann, 'restrictedElsewhere');
      await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, definition_id, user_id, type) VALUES (1, $1, $2, 'candidate')`, [d.definitions[0]!.id, ADMIN]);
      await waitFor('the start to be refused', async () => {
        try {
          await startInProcess(t, ann, 'restrictedElsewhere');
          return false;
        } catch (e) {
          return (e as { code?: string }).code === 'ENGINE.NOT_CANDIDATE_STARTER';
        }
      });
    });
  });

  describe('people and groups behind commit-invalidated caches', () => {
    it('a user renamed elsewhere shows with the new name once the NOTIFY arrives; a rename on this node at once', async () => {
      const identity = t.app.get(IdentityApi, { strict: false });
      expect((await identity.userSummariesById('1', [ann])).get(ann)).toMatchObject({ firstName: 'Ann' });
      await sql(t, `UPDATE identity.users SET first_name = 'Annie' WHERE id = $1`, [ann]);
      await waitFor('the new name', async () => (await identity.userSummariesById('1', [ann])).get(ann)?.firstName === 'Annie');
      const uow = t.app.get(UnitOfWork, { strict: false });
      await uow.run(() => uow.query(`UPDATE identity.users SET first_name = 'Anna' WHERE id = $1`, [ann]));
      expect((await identity.userSummariesById('1', [ann])).get(ann)).toMatchObject({ firstName: 'Anna' });
    });

    it('a transaction that wrote the identity schema reads its own writes, not the cache', async () => {
      const identity = t.app.get(IdentityApi, { strict: false });
      expect((await identity.userSummariesById('1', [ann])).get(ann)?.firstName).toBe('Anna');
      const uow = t.app.get(UnitOfWork, { strict: false });
      const seen = await uow.run(async () => {
        await uow.query(`UPDATE identity.users SET first_name = 'Ann-in-tx' WHERE id = $1`, [ann]);
        return (await identity.userSummariesById('1', [ann])).get(ann)?.firstName;
      });
      expect(seen).toBe('Ann-in-tx');
    });

    it('a membership added elsewhere counts once the NOTIFY arrives', async () => {
      const org = t.app.get(OrgStructureApi, { strict: false });
      const [g] = await sql<{ id: string }>(t, `INSERT INTO org_structure.groups (tenant_id, title, kind) VALUES (1, 'Late group', 'functional') RETURNING id::text AS id`);
      expect((await org.groupsOfUser('1', ann)).map((x) => x.id)).not.toContain(g!.id);
      await sql(t, `INSERT INTO org_structure.group_members (tenant_id, group_id, user_id) VALUES (1, $1, $2)`, [g!.id, ann]);
      await waitFor('the new membership', async () => (await org.groupsOfUser('1', ann)).some((x) => x.id === g!.id));
    });
  });
});
