import { describe, expect, it } from '@jest/globals';
import { Instance, inlineModel } from '../../../../../test/fixtures/bpmn/engine-harness.js';

/** Gateway scenarios after Camunda's and bpmn-elements' gateway tests, as small inline models. */
const cond = (id: string, from: string, to: string, expression: string) =>
  `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression xsi:type="tFormalExpression">${expression}</conditionExpression></sequenceFlow>`;
const flow = (id: string, from: string, to: string) => `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

describe('exclusive gateway scenarios', () => {
  it('loop: a user task is repeated until the condition lets the token out', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><userTask id="work"/><exclusiveGateway id="again" default="back"/><endEvent id="e"/>` +
        flow('f0', 's', 'work') + flow('f1', 'work', 'again') + cond('out', 'again', 'e', '${done}') + flow('back', 'again', 'work'),
    );
    const i = new Instance(model, { done: false });
    i.start();
    i.complete('work');
    expect(i.createdTasks()).toEqual(['work']);
    i.complete('work');
    i.complete('work', { done: true });
    expect(i.status).toBe('completed');
    expect(i.of('createUserTask', i.log)).toHaveLength(3);
  });

  it('conditions on bean properties and list items', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><exclusiveGateway id="g"/><userTask id="vip"/><userTask id="first"/><userTask id="other"/>` +
        flow('f0', 's', 'g') + cond('toVip', 'g', 'vip', "${order.customer.tier == 'gold'}") + cond('toFirst', 'g', 'first', '${items[0].qty > 10}') + flow('toOther', 'g', 'other'),
    );
    const gold = new Instance(model, { order: { customer: { tier: 'gold' } }, items: [] });
    gold.start();
    expect(gold.positions()).toEqual(['vip:waiting']);
    const bulk = new Instance(model, { order: { customer: { tier: 'silver' } }, items: [{ qty: 12 }] });
    bulk.start();
    expect(bulk.positions()).toEqual(['first:waiting']);
  });

  it('whitespace around and inside an expression', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><exclusiveGateway id="g"/><userTask id="a"/><userTask id="b"/>` +
        flow('f0', 's', 'g') + cond('toA', 'g', 'a', '\n   ${  amount   >  10  }   \n') + flow('toB', 'g', 'b'),
    );
    const i = new Instance(model, { amount: 11 });
    i.start();
    expect(i.positions()).toEqual(['a:waiting']);
  });

  it('async exclusive gateway: the decision is made when the continuation runs, with the variables then', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><exclusiveGateway id="g" activiti:async="true"/><userTask id="a"/><userTask id="b"/>` +
        flow('f0', 's', 'g') + cond('toA', 'g', 'a', '${x == 1}') + flow('toB', 'g', 'b'),
    );
    const i = new Instance(model, { x: 2 });
    i.start();
    expect(i.positions()).toEqual(['g:waiting']);
    i.variables['x'] = 1;
    i.continueAt('g');
    expect(i.positions()).toEqual(['a:waiting']);
  });

  it('parallel branches merging in an exclusive gateway pass it one by one (no join)', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><exclusiveGateway id="merge"/><userTask id="after"/>` +
        flow('f0', 's', 'fork') + flow('a', 'fork', 'merge') + flow('b', 'fork', 'merge') + flow('f1', 'merge', 'after'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.positions()).toEqual(['after:waiting', 'after:waiting']);
  });
});

describe('parallel gateway scenarios', () => {
  it('split and merge without wait states: the instance completes in one step, the join started once per branch', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><parallelGateway id="join"/><endEvent id="e"/>` +
        flow('f0', 's', 'fork') + flow('a', 'fork', 'join') + flow('b', 'fork', 'join') + flow('c', 'fork', 'join') + flow('f1', 'join', 'e'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.status).toBe('completed');
    expect(i.of('activityStarted').filter((e) => e.nodeId === 'join')).toHaveLength(3);
    expect(i.of('activityStarted').filter((e) => e.nodeId === 'e')).toHaveLength(1);
  });

  it('a fork followed only by end events completes the instance once, when the last token ends', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><endEvent id="e1"/><endEvent id="e2"/>` + flow('f0', 's', 'fork') + flow('a', 'fork', 'e1') + flow('b', 'fork', 'e2'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.of('instanceEnded')).toEqual([{ type: 'instanceEnded', endNodeId: 'e2', terminated: false }]);
  });

  it('nested forks followed by end events', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><parallelGateway id="fork2"/><userTask id="t"/><endEvent id="e1"/><endEvent id="e2"/><endEvent id="e3"/>` +
        flow('f0', 's', 'fork') + flow('a', 'fork', 'fork2') + flow('b', 'fork', 't') + flow('c', 'fork2', 'e1') + flow('d', 'fork2', 'e2') + flow('g', 't', 'e3'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.positions()).toEqual(['t:waiting']);
    i.complete('t');
    expect(i.status).toBe('completed');
  });

  it('unstructured concurrency: two forks feeding one three-way join', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork1"/><parallelGateway id="fork2"/><userTask id="A"/><userTask id="B"/><userTask id="C"/><parallelGateway id="join"/><userTask id="after"/>` +
        flow('f0', 's', 'fork1') + flow('f1', 'fork1', 'A') + flow('f2', 'fork1', 'fork2') + flow('f3', 'fork2', 'B') + flow('f4', 'fork2', 'C') +
        flow('a', 'A', 'join') + flow('b', 'B', 'join') + flow('c', 'C', 'join') + flow('f5', 'join', 'after'),
    );
    const i = new Instance(model);
    i.start();
    i.complete('C');
    i.complete('A');
    expect(i.positions()).toEqual(['B:waiting', 'join:joining', 'join:joining']);
    i.complete('B');
    expect(i.positions()).toEqual(['after:waiting']);
  });

  it('async join: every branch waits for its continuation before it arrives, the last one continues', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><userTask id="A"/><userTask id="B"/><parallelGateway id="join" activiti:async="true"/><userTask id="after"/>` +
        flow('f0', 's', 'fork') + flow('f1', 'fork', 'A') + flow('f2', 'fork', 'B') + flow('a', 'A', 'join') + flow('b', 'B', 'join') + flow('f3', 'join', 'after'),
    );
    const i = new Instance(model);
    i.start();
    i.complete('A');
    i.complete('B');
    expect(i.positions()).toEqual(['join:waiting', 'join:waiting']);
    i.continueAt('join');
    expect(i.positions()).toEqual(['join:joining', 'join:waiting']);
    i.continueAt('join');
    expect(i.positions()).toEqual(['after:waiting']);
  });

  it('join after sub-processes: each branch arrives when its sub-process completes', async () => {
    const sp = (id: string) => `<subProcess id="${id}"><startEvent id="${id}s"/><userTask id="${id}t"/>${flow(`${id}f`, `${id}s`, `${id}t`)}</subProcess>`;
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/>${sp('sp1')}${sp('sp2')}<parallelGateway id="join"/><userTask id="after"/>` +
        flow('f0', 's', 'fork') + flow('f1', 'fork', 'sp1') + flow('f2', 'fork', 'sp2') + flow('a', 'sp1', 'join') + flow('b', 'sp2', 'join') + flow('f3', 'join', 'after'),
    );
    const i = new Instance(model);
    i.start();
    expect(i.positions()).toEqual(['sp1t:waiting', 'sp2t:waiting']);
    i.complete('sp2t');
    expect(i.positions()).toEqual(['join:joining', 'sp1t:waiting']);
    i.complete('sp1t');
    expect(i.positions()).toEqual(['after:waiting']);
  });

  it('a join inside a sub-process only counts the tokens of that sub-process', async () => {
    const inner = `<subProcess id="sp"><startEvent id="ss"/><parallelGateway id="ifork"/><userTask id="x"/><userTask id="y"/><parallelGateway id="ijoin"/><endEvent id="ie"/>${
      flow('g0', 'ss', 'ifork') + flow('g1', 'ifork', 'x') + flow('g2', 'ifork', 'y') + flow('g3', 'x', 'ijoin') + flow('g4', 'y', 'ijoin') + flow('g5', 'ijoin', 'ie')
    }</subProcess>`;
    const model = await inlineModel(`<startEvent id="s"/><parallelGateway id="fork"/>${inner}<userTask id="z"/>` + flow('f0', 's', 'fork') + flow('f1', 'fork', 'sp') + flow('f2', 'fork', 'z'));
    const i = new Instance(model);
    i.start();
    i.complete('x');
    i.complete('y');
    expect(i.positions()).toEqual(['z:waiting']);
    i.complete('z');
    expect(i.status).toBe('completed');
  });
});

describe('inclusive gateway scenarios', () => {
  it('partial merge: a parallel fork, two branches into an inclusive join, the third ends elsewhere', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><parallelGateway id="fork"/><userTask id="A"/><userTask id="B"/><userTask id="C"/><inclusiveGateway id="join"/><userTask id="D"/><endEvent id="e"/>` +
        flow('f0', 's', 'fork') + flow('f1', 'fork', 'A') + flow('f2', 'fork', 'B') + flow('f3', 'fork', 'C') + flow('a', 'A', 'join') + flow('b', 'B', 'join') + flow('c', 'C', 'e') + flow('f4', 'join', 'D'),
    );
    const i = new Instance(model);
    i.start();
    i.complete('A');
    i.complete('C');
    expect(i.positions()).toEqual(['B:waiting', 'join:joining']);
    i.complete('B');
    expect(i.positions()).toEqual(['D:waiting']);
  });

  it('a token in a sub-process that can still reach the join holds it', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><inclusiveGateway id="fork"/><userTask id="A"/><subProcess id="sp"><startEvent id="ss"/><userTask id="inner"/>${flow('g', 'ss', 'inner')}</subProcess><inclusiveGateway id="join"/><userTask id="after"/>` +
        flow('f0', 's', 'fork') + cond('f1', 'fork', 'A', '${true}') + cond('f2', 'fork', 'sp', '${true}') + flow('a', 'A', 'join') + flow('b', 'sp', 'join') + flow('f3', 'join', 'after'),
    );
    const i = new Instance(model);
    i.start();
    i.complete('A');
    expect(i.positions()).toEqual(['inner:waiting', 'join:joining']);
    i.complete('inner');
    expect(i.positions()).toEqual(['after:waiting']);
  });

  it('loop through an inclusive gateway: the join fires each round', async () => {
    const model = await inlineModel(
      `<startEvent id="s"/><inclusiveGateway id="fork"/><userTask id="A"/><userTask id="B"/><inclusiveGateway id="join"/><exclusiveGateway id="again" default="out"/><endEvent id="e"/>` +
        flow('f0', 's', 'fork') + flow('toA', 'fork', 'A') + cond('toB', 'fork', 'B', '${withB}') + flow('a', 'A', 'join') + flow('b', 'B', 'join') + flow('f1', 'join', 'again') +
        cond('back', 'again', 'fork', '${round lt 2}') + flow('out', 'again', 'e'),
    );
    const i = new Instance(model, { withB: true, round: 1 });
    i.start();
    i.complete('A');
    i.complete('B');
    expect(i.positions()).toEqual(['A:waiting', 'B:waiting']);
    i.complete('B', { round: 2 });
    i.complete('A');
    expect(i.status).toBe('completed');
    expect(i.of('activityEnded', i.log).filter((e) => e.nodeId === 'join')).toHaveLength(4);
  });
});
