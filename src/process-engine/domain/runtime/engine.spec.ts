import { describe, expect, it } from '@jest/globals';
import { compileFixture, inlineModel, Instance, modelOf } from '../../../../test/fixtures/bpmn/engine-harness.js';

describe('execute: start → user task → complete → end', () => {
  it('start creates the root and a token, runs the start event and waits at the user task', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 3, deputy: 'gonzo', team: 'sales' });
    const effects = i.start({ initiatorId: '7' });
    expect(i.status).toBe('running');
    expect(i.state!.executions).toEqual([
      { id: 'e1', parentId: null, kind: 'root', nodeId: null, status: 'active', arrivedVia: null, data: null },
      { id: 'e2', parentId: 'e1', kind: 'token', nodeId: 'approve', status: 'waiting', arrivedVia: null, data: null },
    ]);
    expect(effects.map((e) => e.type)).toEqual(['setVariable', 'activityStarted', 'activityEnded', 'activityStarted', 'createUserTask']);
  });

  it('the initiator variable receives the starting user and user-task templates resolve against the variables', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 3, deputy: 'gonzo', team: 'sales' });
    i.start({ initiatorId: '7' });
    expect(i.of('setVariable')).toEqual([{ type: 'setVariable', name: 'initiator', value: '7' }]);
    expect(i.of('createUserTask')[0]).toEqual({
      type: 'createUserTask',
      executionId: 'e2',
      nodeId: 'approve',
      task: {
        name: 'Approve 3 days',
        documentation: 'Check the calendar first.',
        assignee: '7',
        candidateUsers: ['fozzie', 'gonzo'],
        candidateGroups: ['management', 'sales'],
        formKey: 'approve-form',
        dueDate: '2026-11-25T10:00:00.000Z',
        priority: 70,
        category: 'hr',
      },
    });
  });

  it('completing the task runs to the none end: the instance completes with no executions left', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 3, deputy: 'gonzo', team: 'sales' });
    i.start({ initiatorId: '7' });
    const effects = i.complete('approve');
    expect(effects).toEqual([
      { type: 'activityEnded', executionId: 'e2', nodeId: 'approve' },
      { type: 'activityStarted', executionId: 'e2', nodeId: 'end' },
      { type: 'activityEnded', executionId: 'e2', nodeId: 'end' },
      { type: 'instanceEnded', endNodeId: 'end', terminated: false },
    ]);
    expect(i.state).toEqual({ status: 'completed', executions: [] });
  });
});

describe('exclusive gateway', () => {
  it('takes the first flow in document order whose condition is true', async () => {
    const i = new Instance(await modelOf('exclusive-gateway'), { amount: 5000, urgent: false });
    i.start();
    expect(i.positions()).toEqual(['bigApproval:waiting']);
    expect(i.of('activityEnded').map((e) => e.nodeId)).toEqual(['start', 'decide']);
  });

  it('takes a later flow when the earlier conditions are false', async () => {
    const i = new Instance(await modelOf('exclusive-gateway'), { amount: 200, urgent: false });
    i.start();
    expect(i.positions()).toEqual(['normalApproval:waiting']);
  });

  it('takes the default flow (ignoring its condition) when no condition is true', async () => {
    const i = new Instance(await modelOf('exclusive-gateway'), { amount: 200, urgent: true });
    i.start();
    expect(i.positions()).toEqual(['fallback:waiting']);
  });
});

describe('parallel gateway', () => {
  it('forks into every outgoing flow, ignoring conditions', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    expect(i.positions()).toEqual(['badge:waiting', 'desk:waiting', 'laptop:waiting']);
    expect(i.createdTasks().sort()).toEqual(['badge', 'desk', 'laptop']);
  });

  it('the join waits for one token per incoming flow, then continues once', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    i.complete('laptop');
    expect(i.positions()).toEqual(['badge:waiting', 'desk:waiting', 'join:joining']);
    expect(i.tokenAt('join').arrivedVia).toBe('laptopDone');
    i.complete('desk');
    expect(i.positions()).toEqual(['badge:waiting', 'join:joining', 'join:joining']);
    i.complete('badge');
    expect(i.positions()).toEqual(['welcome:waiting']);
    expect(i.createdTasks()).toEqual(['welcome']);
    i.complete('welcome');
    expect(i.status).toBe('completed');
  });
});

describe('async continuation', () => {
  it('a token waits before an async node with a scheduleContinuation effect; the node is not entered yet', async () => {
    const i = new Instance(await modelOf('async-continuation'));
    const effects = i.start();
    expect(i.positions()).toEqual(['call:waiting']);
    expect(i.tokenAt('call')).toMatchObject({ arrivedVia: 'toCall', data: { asyncBefore: true } });
    expect(effects.at(-1)).toEqual({ type: 'scheduleContinuation', executionId: 'e2', nodeId: 'call' });
    expect(i.of('activityStarted').map((e) => e.nodeId)).toEqual(['start']);
    expect(i.of('invokeService')).toEqual([]);
  });

  it("trigger 'continue' enters the node and runs on to the next wait state", async () => {
    const i = new Instance(await modelOf('async-continuation'));
    i.start();
    const effects = i.continueAt('call');
    expect(effects.slice(0, 3)).toEqual([
      { type: 'activityStarted', executionId: 'e2', nodeId: 'call' },
      { type: 'invokeService', executionId: 'e2', nodeId: 'call', delegateExpression: '${erpClient}' },
      { type: 'activityEnded', executionId: 'e2', nodeId: 'call' },
    ]);
    expect(i.positions()).toEqual(['check:waiting']);
    expect(i.tokenAt('check').data).toBeNull();
  });

  it('camunda:async works like asyncBefore, and the instance completes after the last continuation', async () => {
    const i = new Instance(await modelOf('async-continuation'));
    i.start();
    i.continueAt('call');
    i.complete('check');
    expect(i.positions()).toEqual(['notify:waiting']);
    i.continueAt('notify');
    expect(i.status).toBe('completed');
  });
});

describe('step budget', () => {
  it('a loop without wait states stops with an incident STEP_BUDGET_EXHAUSTED instead of hanging', async () => {
    const i = new Instance(await modelOf('loop-without-wait'), { done: false }, { stepBudget: 50 });
    i.start();
    expect(i.status).toBe('running');
    expect(i.tokens()).toHaveLength(1);
    expect(i.tokens()[0]!.status).toBe('incident');
    expect(i.of('incident')).toEqual([expect.objectContaining({ incidentType: 'STEP_BUDGET_EXHAUSTED', message: expect.stringContaining('50') })]);
    expect(i.of('activityStarted').length).toBeLessThanOrEqual(50);
    expect(['gw', 'work']).toContain(i.tokens()[0]!.nodeId);
  });

  it('the default budget is 10,000 operations', async () => {
    const i = new Instance(await modelOf('loop-without-wait'), { done: false });
    i.start();
    expect(i.of('incident')[0]!.message).toContain('10000');
  });

  it('the same loop ends normally when its exit condition holds', async () => {
    const i = new Instance(await modelOf('loop-without-wait'), { done: true }, { stepBudget: 50 });
    i.start();
    expect(i.status).toBe('completed');
  });
});

describe('trigger rejections (the state is not changed)', () => {
  it('complete: an unknown execution id', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 1, deputy: 'x', team: 't' });
    i.start({ initiatorId: '1' });
    expect(i.attempt({ type: 'complete', executionId: 'nope' })).toEqual({ rejected: { code: 'EXECUTION_NOT_FOUND', message: 'Execution nope not found' } });
  });

  it('complete: a token that is joining, or the root', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    i.complete('laptop');
    const joining = i.tokenAt('join').id;
    expect(i.attempt({ type: 'complete', executionId: joining })).toMatchObject({ rejected: { code: 'EXECUTION_NOT_WAITING' } });
    expect(i.attempt({ type: 'complete', executionId: 'e1' })).toMatchObject({ rejected: { code: 'EXECUTION_NOT_WAITING' } });
  });

  it('complete: a token waiting for an async continuation; continue: a token waiting at a user task', async () => {
    const i = new Instance(await modelOf('async-continuation'));
    i.start();
    expect(i.attempt({ type: 'complete', executionId: i.tokenAt('call').id })).toMatchObject({ rejected: { code: 'EXECUTION_NOT_WAITING' } });
    i.continueAt('call');
    expect(i.attempt({ type: 'continue', executionId: i.tokenAt('check').id })).toMatchObject({ rejected: { code: 'EXECUTION_NOT_WAITING' } });
  });

  it('any trigger on an ended instance', async () => {
    const i = new Instance(await modelOf('pass-through'));
    i.start();
    expect(i.status).toBe('completed');
    expect(i.attempt({ type: 'complete', executionId: 'e2' })).toMatchObject({ rejected: { code: 'INSTANCE_ENDED' } });
  });

  it('complete before start', async () => {
    const i = new Instance(await modelOf('pass-through'));
    expect(i.attempt({ type: 'complete', executionId: 'e2' })).toMatchObject({ rejected: { code: 'EXECUTION_NOT_FOUND' } });
  });

  it('start: twice, or at a node that is not a start event of the process', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 1, deputy: 'x', team: 't' });
    expect(i.attempt({ type: 'start', startNodeId: 'approve' })).toMatchObject({ rejected: { code: 'NO_START_EVENT' } });
    i.start();
    const before = i.state;
    expect(i.attempt({ type: 'start' })).toMatchObject({ rejected: { code: 'INSTANCE_ALREADY_STARTED' } });
    expect(i.state).toBe(before);
  });
});

describe('start events', () => {
  it('start picks the none start event by default', async () => {
    const model = await modelOf('message-start');
    expect(model.startNodeIds).toEqual(['byHand', 'byMessage']);
    const i = new Instance(model);
    i.start();
    expect(i.of('activityStarted')[0]!.nodeId).toBe('byHand');
  });

  it('a message start event is chosen by startNodeId', async () => {
    const model = await modelOf('message-start');
    expect(model.nodes['byMessage']!.eventDefinition).toEqual({ type: 'message', messageName: 'order-received' });
    const i = new Instance(model);
    i.start({ startNodeId: 'byMessage' });
    expect(i.of('activityStarted')[0]!.nodeId).toBe('byMessage');
    expect(i.positions()).toEqual(['handle:waiting']);
  });

  it('a non-executable process in the same document is not compiled', async () => {
    const r = await compileFixture('message-start');
    expect(r.ok && r.models.map((m) => m.id)).toEqual(['twoStarts']);
  });

  it('the initiator variable is set when the instance is created, even before an async start event', async () => {
    const model = await inlineModel(
      `<startEvent id="s" activiti:initiator="starter" activiti:async="true"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><userTask id="t" activiti:assignee="\${starter}"/>`,
    );
    const i = new Instance(model);
    expect(i.start({ initiatorId: '9' })).toEqual([
      { type: 'setVariable', name: 'starter', value: '9' },
      { type: 'scheduleContinuation', executionId: 'e2', nodeId: 's' },
    ]);
    i.continueAt('s');
    expect(i.of('createUserTask')[0]!.task.assignee).toBe('9');
  });

  it('no initiator given: no initiator variable is set', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 1, deputy: 'x', team: 't', initiator: 'old' });
    i.start();
    expect(i.of('setVariable')).toEqual([]);
  });
});

describe('pass-through elements', () => {
  it('manual task, intermediate throw event, service task and a plain task pass on; the service task emits invokeService', async () => {
    const i = new Instance(await modelOf('pass-through'));
    const effects = i.start();
    expect(i.of('activityStarted').map((e) => e.nodeId)).toEqual(['start', 'manual', 'throw', 'service', 'plain', 'end']);
    expect(i.of('activityEnded').map((e) => e.nodeId)).toEqual(['start', 'manual', 'throw', 'service', 'plain', 'end']);
    expect(i.of('invokeService')).toEqual([{ type: 'invokeService', executionId: 'e2', nodeId: 'service', delegateExpression: '${mailer}' }]);
    expect(effects.at(-1)).toEqual({ type: 'instanceEnded', endNodeId: 'end', terminated: false });
    expect(i.state).toEqual({ status: 'completed', executions: [] });
  });
});

describe('conditional flows out of activities', () => {
  it('every flow whose condition is true is taken (one token each)', async () => {
    const i = new Instance(await modelOf('activity-conditions'));
    i.start();
    i.complete('task', { choice: 'a' });
    expect(i.positions()).toEqual(['a:waiting', 'b:waiting']);
  });

  it('the default flow when no condition is true', async () => {
    const i = new Instance(await modelOf('activity-conditions'));
    i.start();
    i.complete('task', { choice: 'z' });
    expect(i.positions()).toEqual(['c:waiting']);
  });

  it('a failing condition leaves the token at the activity with an incident', async () => {
    const i = new Instance(await modelOf('activity-conditions'));
    i.start();
    i.complete('task');
    expect(i.positions()).toEqual(['task:incident']);
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'EXPRESSION_FAILED', nodeId: 'task' });
    expect(i.of('activityEnded')).toEqual([]);
  });
});

describe('implicit end', () => {
  it('an activity without outgoing flow ends its token; the last one ends the instance', async () => {
    const i = new Instance(await modelOf('activity-conditions'));
    i.start();
    i.complete('task', { choice: 'a' });
    i.complete('a');
    expect(i.status).toBe('running');
    i.complete('b');
    expect(i.of('instanceEnded')).toEqual([{ type: 'instanceEnded', endNodeId: 'b', terminated: false }]);
    expect(i.state).toEqual({ status: 'completed', executions: [] });
  });
});
