import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { StartProcessInstance } from '../../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { completeInProcess, deployBpmn, instanceRow, principalOf, startInProcess, tasksOf } from '../../support/engine.js';
import { waitFor } from '../../support/wait-for.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
const ADMIN = '1';

describe('engine core: async continuations, terminate ends, service-task hooks (written by run-engine)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('an async service task commits first and continues after the commit (twice), up to the end', async () => {
    await deployBpmn(t, fixture('async-continuation.bpmn'), 'async.bpmn');
    const instanceId = await startInProcess(t, ADMIN, 'asyncProcess');
    // The start committed with the token parked before `call`; the continuation runs after the commit.
    const [check] = await waitFor('the continuation to create the user task', async () => {
      const open = await tasksOf(t, instanceId);
      return open.length > 0 ? open : undefined;
    });
    expect(check!.taskDefinitionKey).toBe('check');
    await completeInProcess(t, ADMIN, check!.id);
    await waitFor('the instance to end after the second continuation', async () => (await instanceRow(t, instanceId))?.state === 'completed');
    const activities = await sql<{ activity_id: string }>(t, `SELECT activity_id FROM process_engine.activity_history WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    expect(activities.map((a) => a.activity_id)).toEqual(['start', 'call', 'check', 'notify', 'end']);
  });

  it('a terminate end event cancels the open tasks of its scope; at process level it ends the instance', async () => {
    await deployBpmn(t, fixture('terminate-end.bpmn'), 'terminate.bpmn');
    const instanceId = await startInProcess(t, ADMIN, 'terminateInside');
    const first = await tasksOf(t, instanceId);
    expect(first.map((x) => x.taskDefinitionKey).sort()).toEqual(['fast', 'slow']);
    await completeInProcess(t, ADMIN, first.find((x) => x.taskDefinitionKey === 'fast')!.id);
    const all = await tasksOf(t, instanceId, true);
    expect(all.find((x) => x.taskDefinitionKey === 'slow')).toMatchObject({ endReason: 'cancelled' });
    const second = await tasksOf(t, instanceId);
    expect(second.map((x) => x.taskDefinitionKey).sort()).toEqual(['other', 'stop']);
    await completeInProcess(t, ADMIN, second.find((x) => x.taskDefinitionKey === 'stop')!.id);
    expect(await tasksOf(t, instanceId)).toEqual([]);
    expect((await tasksOf(t, instanceId, true)).find((x) => x.taskDefinitionKey === 'other')).toMatchObject({ endReason: 'cancelled' });
    expect(await instanceRow(t, instanceId)).toMatchObject({ state: 'completed', endActivityId: 'terminate' });
    const [row] = await sql(t, `SELECT end_reason FROM process_engine.process_instances WHERE id = $1`, [instanceId]);
    expect(row).toEqual({ end_reason: 'Terminated by end event terminate' });
  });

  it('starts at the start event of a message by its name; an unknown message is a 400 that writes nothing', async () => {
    await deployBpmn(t, fixture('message-start.bpmn'), 'message.bpmn');
    const actor = await principalOf(t, ADMIN);
    const start = t.app.get(StartProcessInstance, { strict: false });
    const byMessage = await start.execute({ actor, processDefinitionKey: 'twoStarts', messageName: 'order-received' });
    const [row] = await sql(t, `SELECT start_activity_id FROM process_engine.process_instances WHERE id = $1`, [byMessage.instanceId]);
    expect(row).toEqual({ start_activity_id: 'byMessage' });
    expect(byMessage.taskIds).toHaveLength(1);
    const byHand = await start.execute({ actor, processDefinitionKey: 'twoStarts' });
    expect(await sql(t, `SELECT start_activity_id FROM process_engine.process_instances WHERE id = $1`, [byHand.instanceId])).toEqual([{ start_activity_id: 'byHand' }]);
    const [before] = await sql(t, `SELECT count(*)::int AS n FROM process_engine.process_instances`);
    await expect(start.execute({ actor, processDefinitionKey: 'twoStarts', messageName: 'nope' })).rejects.toMatchObject({ code: 'ENGINE.CANNOT_START' });
    expect(await sql(t, `SELECT count(*)::int AS n FROM process_engine.process_instances`)).toEqual([before]);
  });
});
