import { describe, expect, it } from '@jest/globals';
import { Instance, modelOf } from '../../../../../test/fixtures/bpmn/engine-harness.js';

describe('inclusive gateway: fork', () => {
  it('takes every flow whose condition is true', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 5000, suspicious: true });
    i.start();
    expect(i.positions()).toEqual(['expert:waiting', 'fraud:waiting']);
  });

  it('takes only the true ones', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 5000, suspicious: false });
    i.start();
    expect(i.positions()).toEqual(['expert:waiting']);
  });

  it('takes the default flow when no condition is true', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 10, suspicious: false });
    i.start();
    expect(i.positions()).toEqual(['clerk:waiting']);
  });

  it('no true condition and no default: incident NO_OUTGOING_FLOW', async () => {
    const i = new Instance(await modelOf('inclusive-no-default'), { x: 3 });
    i.start();
    expect(i.positions()).toEqual(['fork:incident']);
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'NO_OUTGOING_FLOW', nodeId: 'fork' });
  });

  it('a failing condition: incident EXPRESSION_FAILED', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 10 });
    i.start();
    expect(i.positions()).toEqual(['fork:incident']);
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'EXPRESSION_FAILED' });
  });
});

describe('inclusive gateway: join', () => {
  it('waits while another token of the scope can still reach it', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 5000, suspicious: true });
    i.start();
    i.complete('expert');
    expect(i.positions()).toEqual(['fraud:waiting', 'join:joining']);
  });

  it('fires when the tokens waiting at it are all there are, consuming them', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 5000, suspicious: true });
    i.start();
    i.complete('expert');
    i.complete('fraud');
    expect(i.positions()).toEqual(['pay:waiting']);
    expect(i.tokens()).toHaveLength(1);
  });

  it('a single activated branch passes the join at once', async () => {
    const i = new Instance(await modelOf('inclusive-gateway'), { amount: 10, suspicious: false });
    i.start();
    i.complete('clerk');
    expect(i.positions()).toEqual(['pay:waiting']);
  });

  it('does not wait for a branch that ended elsewhere (re-checked when the agenda runs empty)', async () => {
    const i = new Instance(await modelOf('inclusive-join-skipped-branch'), { skip: true });
    i.start();
    i.complete('a');
    expect(i.positions()).toEqual(['b:waiting', 'join:joining']);
    i.complete('b');
    expect(i.positions()).toEqual(['after:waiting']);
  });

  it('waits for a branch that can still arrive and fires when it does', async () => {
    const i = new Instance(await modelOf('inclusive-join-skipped-branch'), { skip: false });
    i.start();
    i.complete('a');
    i.complete('b');
    expect(i.positions()).toEqual(['after:waiting']);
    expect(i.of('activityEnded').filter((e) => e.nodeId === 'join')).toHaveLength(2);
  });

  it('fires at once when the other branch has already ended', async () => {
    const i = new Instance(await modelOf('inclusive-join-skipped-branch'), { skip: true });
    i.start();
    i.complete('b');
    expect(i.positions()).toEqual(['a:waiting']);
    i.complete('a');
    expect(i.positions()).toEqual(['after:waiting']);
  });
});
