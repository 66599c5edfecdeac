import { describe, expect, it } from '@jest/globals';
import { Instance, inlineModel, modelOf } from '../../../../../test/fixtures/bpmn/engine-harness.js';

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
    expect(i.of('activityEnded')).toContainEqual({ type: 'activityEnded', executionId: slow, nodeId: 'slow' });
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

  it('cancelled executions get their open activities ended (history), in the same step', async () => {
    const i = new Instance(await modelOf('terminate-end'));
    i.start();
    i.complete('fast');
    const other = i.tokenAt('other').id;
    const effects = i.complete('stop');
    expect(effects.map((e) => (e.type === 'activityEnded' || e.type === 'activityStarted' ? `${e.type}:${e.nodeId}` : e.type))).toEqual([
      'activityEnded:stop',
      'activityStarted:terminate',
      'activityEnded:terminate',
      'activityEnded:other',
      'executionsCancelled',
      'instanceEnded',
    ]);
    expect(effects[3]).toEqual({ type: 'activityEnded', executionId: other, nodeId: 'other' });
  });

  it('terminating the process also removes the tokens inside a running sub-process, and the scope itself', async () => {
    const model = await inlineModel(`
      <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="fork"/>
      <parallelGateway id="fork"/>
      <sequenceFlow id="f1" sourceRef="fork" targetRef="sp"/>
      <sequenceFlow id="f2" sourceRef="fork" targetRef="kill"/>
      <subProcess id="sp"><startEvent id="ss"/><sequenceFlow id="g" sourceRef="ss" targetRef="inner"/><userTask id="inner"/></subProcess>
      <userTask id="kill"/>
      <sequenceFlow id="f3" sourceRef="kill" targetRef="t"/>
      <endEvent id="t"><terminateEventDefinition/></endEvent>`);
    const i = new Instance(model);
    i.start();
    const scope = i.state!.executions.find((e) => e.kind === 'scope')!.id;
    const inner = i.tokenAt('inner').id;
    i.complete('kill');
    expect(i.state).toEqual({ status: 'terminated', executions: [] });
    expect(i.of('executionsCancelled')[0]!.executionIds).toEqual([scope, inner]);
  });

  it('a none end event ends only its own token', async () => {
    const i = new Instance(await modelOf('terminate-end'));
    i.start();
    i.complete('slow');
    expect(i.positions()).toEqual(['fast:waiting']);
    expect(i.of('executionsCancelled')).toEqual([]);
  });
});

describe('nested sub-processes', () => {
  const flow = (id: string, from: string, to: string) => `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  const nested = () =>
    inlineModel(
      `<startEvent id="s"/><subProcess id="outer"><startEvent id="os"/><parallelGateway id="ofork"/><userTask id="sibling"/>` +
        `<subProcess id="inner"><startEvent id="is"/><parallelGateway id="ifork"/><userTask id="stay"/><userTask id="stop"/><endEvent id="iterm"><terminateEventDefinition/></endEvent>` +
        flow('i0', 'is', 'ifork') + flow('i1', 'ifork', 'stay') + flow('i2', 'ifork', 'stop') + flow('i3', 'stop', 'iterm') +
        `</subProcess><userTask id="afterInner"/>` +
        flow('o0', 'os', 'ofork') + flow('o1', 'ofork', 'sibling') + flow('o2', 'ofork', 'inner') + flow('o3', 'inner', 'afterInner') +
        `</subProcess><userTask id="afterOuter"/>` + flow('f0', 's', 'outer') + flow('f1', 'outer', 'afterOuter'),
    );

  it('scopes nest: the inner scope is a child of the outer one', async () => {
    const i = new Instance(await nested());
    i.start();
    const outer = i.state!.executions.find((e) => e.nodeId === 'outer')!;
    const inner = i.state!.executions.find((e) => e.nodeId === 'inner')!;
    expect(outer).toMatchObject({ kind: 'scope', parentId: 'e1' });
    expect(inner).toMatchObject({ kind: 'scope', parentId: outer.id });
    expect(i.tokenAt('stay').parentId).toBe(inner.id);
    expect(i.tokenAt('sibling').parentId).toBe(outer.id);
  });

  it('a terminate end in the inner sub-process ends only the inner one; the outer goes on', async () => {
    const i = new Instance(await nested());
    i.start();
    const stay = i.tokenAt('stay').id;
    i.complete('stop');
    expect(i.of('executionsCancelled')).toEqual([{ type: 'executionsCancelled', executionIds: [stay] }]);
    expect(i.positions()).toEqual(['afterInner:waiting', 'sibling:waiting']);
    i.complete('afterInner');
    i.complete('sibling');
    expect(i.positions()).toEqual(['afterOuter:waiting']);
  });

  it('an activity without outgoing flow inside a sub-process is an implicit end of that scope', async () => {
    const i = new Instance(await nested());
    i.start();
    i.complete('stay');
    i.complete('stop');
    expect(i.of('executionsCancelled')).toEqual([]);
    expect(i.positions()).toEqual(['afterInner:waiting', 'sibling:waiting']);
  });

  it('an async sub-process waits before it is entered, then starts its scope', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><subProcess id="sp" activiti:async="true"><startEvent id="ss"/><userTask id="t"/>${flow('g', 'ss', 't')}</subProcess>` + flow('f', 's', 'sp'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.positions()).toEqual(['sp:waiting']);
    i.continueAt('sp');
    expect(i.positions()).toEqual(['t:waiting']);
    i.complete('t');
    expect(i.status).toBe('completed');
  });
});
