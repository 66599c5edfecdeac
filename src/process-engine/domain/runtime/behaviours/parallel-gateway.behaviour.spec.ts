import { describe, expect, it } from '@jest/globals';
import { Instance, modelOf } from '../../../../../test/fixtures/bpmn/engine-harness.js';

describe('parallel gateway', () => {
  it('forks into every outgoing flow (conditions are ignored), one token each, all in the root scope', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    expect(i.positions()).toEqual(['badge:waiting', 'desk:waiting', 'laptop:waiting']);
    expect(new Set(i.tokens().map((t) => t.parentId))).toEqual(new Set(['e1']));
    expect(new Set(i.tokens().map((t) => t.id)).size).toBe(3);
  });

  it('the forking token continues on the first flow, new tokens on the others', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    expect(i.tokenAt('laptop').id).toBe('e2');
    expect(i.of('activityEnded').filter((e) => e.nodeId === 'fork')).toEqual([{ type: 'activityEnded', executionId: 'e2', nodeId: 'fork' }]);
  });

  it('the join waits (status joining, arrivedVia) until one token per incoming flow has arrived', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    i.complete('badge');
    expect(i.tokenAt('join')).toMatchObject({ status: 'joining', arrivedVia: 'badgeDone' });
    i.complete('desk');
    expect(i.positions()).toEqual(['join:joining', 'join:joining', 'laptop:waiting']);
    expect(i.createdTasks()).toEqual([]);
  });

  it('when the last branch arrives the join continues once and consumes the other tokens', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    i.complete('badge');
    i.complete('desk');
    const last = i.tokenAt('laptop').id;
    i.complete('laptop');
    expect(i.positions()).toEqual(['welcome:waiting']);
    expect(i.tokenAt('welcome').id).toBe(last);
    expect(i.of('activityEnded').filter((e) => e.nodeId === 'join')).toHaveLength(3);
    expect(i.createdTasks()).toEqual(['welcome']);
  });

  it('runs to the end after the join', async () => {
    const i = new Instance(await modelOf('parallel-gateway'));
    i.start();
    for (const n of ['laptop', 'badge', 'desk', 'welcome']) i.complete(n);
    expect(i.state).toEqual({ status: 'completed', executions: [] });
  });
});
