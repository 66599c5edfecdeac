import { describe, expect, it } from '@jest/globals';
import { Instance, inlineModel, modelOf } from '../../../../../test/fixtures/bpmn/engine-harness.js';

describe('exclusive gateway', () => {
  it('evaluates FEEL conditions (Camunda 8 style "=…")', async () => {
    const i = new Instance(await modelOf('exclusive-no-default'), { route: 'a' });
    i.start();
    expect(i.positions()).toEqual(['a:waiting']);
  });

  it('evaluates JUEL conditions translated to FEEL', async () => {
    const i = new Instance(await modelOf('exclusive-no-default'), { route: 'b' });
    i.start();
    expect(i.positions()).toEqual(['b:waiting']);
  });

  it('no true condition and no default flow: incident NO_OUTGOING_FLOW, the token stays at the gateway', async () => {
    const i = new Instance(await modelOf('exclusive-no-default'), { route: 'c' });
    i.start();
    expect(i.status).toBe('running');
    expect(i.positions()).toEqual(['gw:incident']);
    expect(i.of('incident')).toEqual([
      {
        type: 'incident',
        executionId: 'e2',
        nodeId: 'gw',
        incidentType: 'NO_OUTGOING_FLOW',
        message: "No outgoing sequence flow of 'gw' can be taken: no condition is true and there is no default flow",
      },
    ]);
    expect(i.of('activityEnded').map((e) => e.nodeId)).toEqual(['start']);
  });

  it('a condition that fails to evaluate (unknown variable): incident EXPRESSION_FAILED, never an exception', async () => {
    const i = new Instance(await modelOf('exclusive-no-default'), {});
    i.start();
    expect(i.positions()).toEqual(['gw:incident']);
    const [incident] = i.of('incident');
    expect(incident).toMatchObject({ incidentType: 'EXPRESSION_FAILED', nodeId: 'gw' });
    expect(incident!.message).toContain("Condition of sequence flow 'toA' failed");
    expect(incident!.message).toContain("Variable 'route' not found");
  });

  it('a condition that is not true or false (a number) is an incident EXPRESSION_FAILED', async () => {
    const model = await inlineModel(`
      <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="gw"/>
      <exclusiveGateway id="gw"/>
      <sequenceFlow id="f1" sourceRef="gw" targetRef="t"><conditionExpression>\${count}</conditionExpression></sequenceFlow>
      <userTask id="t"/>`);
    const i = new Instance(model, { count: 5 });
    i.start();
    expect(i.positions()).toEqual(['gw:incident']);
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'EXPRESSION_FAILED', message: "Condition of sequence flow 'f1' failed: ${count}: a condition must be true or false, not number 5" });
  });

  it('merges without waiting: every arriving token passes on', async () => {
    const i = new Instance(await modelOf('message-start'));
    i.start();
    expect(i.positions()).toEqual(['handle:waiting']);
  });
});
