import { describe, expect, it } from '@jest/globals';
import { Instance, modelOf } from '../../../../test/fixtures/bpmn/engine-harness.js';

describe('execute: start → user task → complete → end', () => {
  it('start creates the root and a token, runs the start event and waits at the user task', async () => {
    const i = new Instance(await modelOf('simple-user-task'), { days: 3, deputy: 'gonzo', team: 'sales' });
    const effects = i.start({ initiatorId: '7' });
    expect(i.status).toBe('running');
    expect(i.state!.executions).toEqual([
      { id: 'e1', parentId: null, kind: 'root', nodeId: null, status: 'active', arrivedVia: null, data: null },
      { id: 'e2', parentId: 'e1', kind: 'token', nodeId: 'approve', status: 'waiting', arrivedVia: null, data: null },
    ]);
    expect(effects.map((e) => e.type)).toEqual(['activityStarted', 'setVariable', 'activityEnded', 'activityStarted', 'createUserTask']);
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
