import { describe, expect, it } from '@jest/globals';
import { Instance, modelOf } from '../../../../../test/fixtures/bpmn/engine-harness.js';

describe('embedded sub-process', () => {
  it('the arriving token becomes a scope execution; child tokens start at its none start', async () => {
    const i = new Instance(await modelOf('sub-process'));
    i.start();
    const scope = i.state!.executions.find((e) => e.kind === 'scope')!;
    expect(scope).toMatchObject({ id: 'e2', parentId: 'e1', nodeId: 'review', status: 'active' });
    expect(i.positions()).toEqual(['legal:waiting', 'tech:waiting']);
    expect(i.tokens().every((t) => t.parentId === 'e2')).toBe(true);
    expect(i.of('activityStarted').map((e) => e.nodeId)).toEqual(['start', 'review', 'spStart', 'spFork', 'legal', 'tech']);
  });

  it('stays while it has tokens left', async () => {
    const i = new Instance(await modelOf('sub-process'));
    i.start();
    i.complete('legal');
    expect(i.positions()).toEqual(['tech:waiting']);
    expect(i.state!.executions.some((e) => e.kind === 'scope')).toBe(true);
  });

  it('when its last token ends it leaves through its outgoing flow, as the same execution', async () => {
    const i = new Instance(await modelOf('sub-process'));
    i.start();
    i.complete('legal');
    i.complete('tech');
    expect(i.positions()).toEqual(['sign:waiting']);
    expect(i.state!.executions.some((e) => e.kind === 'scope')).toBe(false);
    expect(i.tokenAt('sign').id).toBe('e2');
    expect(i.of('activityEnded')).toContainEqual({ type: 'activityEnded', executionId: 'e2', nodeId: 'review' });
    i.complete('sign');
    expect(i.status).toBe('completed');
  });
});

describe('terminate end event', () => {
  it('inside a sub-process: ends that sub-process only, cancelling its other tokens; the process goes on', async () => {
    const i = new Instance(await modelOf('terminate-end'));
    i.start();
    const slow = i.tokenAt('slow').id;
    i.complete('fast');
    expect(i.of('executionsCancelled')).toEqual([{ type: 'executionsCancelled', executionIds: [slow] }]);
    expect(i.status).toBe('running');
    expect(i.positions()).toEqual(['other:waiting', 'stop:waiting']);
    expect(i.of('instanceEnded')).toEqual([]);
  });

  it('in the process: terminates the instance and cancels every waiting token', async () => {
    const i = new Instance(await modelOf('terminate-end'));
    i.start();
    i.complete('fast');
    const other = i.tokenAt('other').id;
    i.complete('stop');
    expect(i.state).toEqual({ status: 'terminated', executions: [] });
    expect(i.of('executionsCancelled')).toEqual([{ type: 'executionsCancelled', executionIds: [other] }]);
    expect(i.of('instanceEnded')).toEqual([{ type: 'instanceEnded', endNodeId: 'terminate', terminated: true }]);
  });

  it('a none end event ends only its own token', async () => {
    const i = new Instance(await modelOf('terminate-end'));
    i.start();
    i.complete('slow');
    expect(i.positions()).toEqual(['fast:waiting']);
    expect(i.of('executionsCancelled')).toEqual([]);
  });
});
