import { describe, expect, it } from '@jest/globals';
import { compileProcessModels } from './compile-process-model.js';
import { modelOf } from '../../../../test/fixtures/bpmn/engine-harness.js';

describe('compileProcessModels', () => {
  it('a tree that is not bpmn:Definitions is a problem, not an exception', () => {
    expect(compileProcessModels(null)).toEqual({ ok: false, problems: [{ elementId: null, message: 'The document is not a BPMN 2.0 definitions document' }] });
    expect(compileProcessModels({ $type: 'bpmn:Process' })).toMatchObject({ ok: false });
  });

  it("the parser's warnings are problems, even when the process is fine", () => {
    const definitions = {
      $type: 'bpmn:Definitions',
      rootElements: [{ $type: 'bpmn:Process', id: 'p', flowElements: [{ $type: 'bpmn:StartEvent', id: 's' }] }],
    };
    expect(compileProcessModels(definitions, ['unknown attribute'])).toEqual({ ok: false, problems: [{ elementId: null, message: 'unknown attribute' }] });
    expect(compileProcessModels(definitions)).toMatchObject({ ok: true, models: [{ id: 'p', startNodeIds: ['s'] }] });
  });

  it('keeps names and documentation; outgoing flows in document order; each node knows its scope', async () => {
    const model = await modelOf('sub-process');
    expect(model.nodes['spFork']!.outgoing).toEqual(['spToLegal', 'spToTech']);
    expect(model.nodes['legal']).toMatchObject({ name: 'Legal review', scopeId: 'review' });
    expect(model.nodes['review']).toMatchObject({ kind: 'subProcess', scopeId: 'withSubProcess', startNodeId: 'spStart' });
    expect(model.flows['toSp']).toEqual({ id: 'toSp', name: null, sourceId: 'start', targetId: 'review', condition: null });
    expect((await modelOf('exclusive-gateway')).flows['toBig']!.name).toBe('big');
  });

  it('the compiled model is plain JSON (it is stored as jsonb)', async () => {
    const model = await modelOf('simple-user-task');
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('a default flow is recorded on its gateway or activity', async () => {
    expect((await modelOf('exclusive-gateway')).nodes['decide']!.defaultFlowId).toBe('toFallback');
    expect((await modelOf('activity-conditions')).nodes['task']!.defaultFlowId).toBe('toDefault');
  });

  it('a terminate end event is marked', async () => {
    const model = await modelOf('terminate-end');
    expect(model.nodes['terminate']).toMatchObject({ kind: 'endEvent', terminate: true });
    expect(model.nodes['end']).toMatchObject({ kind: 'endEvent', terminate: false });
  });
});
