import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fixture, Instance, modelOf, problemsOf, processXml } from '../../../../test/fixtures/bpmn/engine-harness.js';
import { MAX_BPMN_BYTES, nestingDepth, readBpmn } from './read-bpmn.js';
import type { CompileResult, ModelProblem } from '../../domain/model/process-model.js';

const NS = 'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t"';
const minimal = (body: string) => `<?xml version="1.0"?><definitions ${NS}>${body}</definitions>`;

function problems(r: CompileResult): readonly ModelProblem[] {
  if (r.ok) throw new Error('expected problems, got models');
  return r.problems;
}

describe('readBpmn: documents refused before parsing', () => {
  it('an empty document is a problem, not an exception', async () => {
    expect(problems(await readBpmn(''))).toEqual([{ elementId: null, message: 'The document is empty' }]);
    expect(problems(await readBpmn(Buffer.from('   \n'))).map((p) => p.message)).toEqual(['The document is empty']);
  });

  it('text that is not XML is a problem', async () => {
    expect(problems(await readBpmn('hello world'))).toEqual([{ elementId: null, message: 'The document is not XML' }]);
    expect(problems(await readBpmn(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).map((p) => p.message)).toEqual(['The document is not XML']);
  });

  it('malformed XML is a problem', async () => {
    expect(problems(await readBpmn(`<definitions ${NS}><process id="p" isExecutable="true"><startEvent id="s"></process>`))).toEqual([
      { elementId: null, message: 'The document is not well-formed XML: unparsable content </process> detected (closing tag mismatch) (line 1)' },
    ]);
    expect(problems(await readBpmn(`<definitions ${NS}><process id="p">`)).map((p) => p.message)).toEqual([
      'The document is not well-formed XML: unparsable content detected (unexpected end of file) (line 1)',
    ]);
  });

  it('a DOCTYPE with an external entity (XXE) is refused', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><definitions ${NS}><process id="p" name="&xxe;"><startEvent id="s"/></process></definitions>`;
    expect(problems(await readBpmn(xxe))).toEqual([{ elementId: null, message: 'Document type declarations and entities are not allowed in BPMN documents' }]);
  });

  it('entity expansion (billion laughs) is refused', async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><definitions ${NS}><process id="p" name="&lol9;"/></definitions>`;
    expect(problems(await readBpmn(bomb)).map((p) => p.message)).toEqual(['Document type declarations and entities are not allowed in BPMN documents']);
  });

  it('an entity declaration without DOCTYPE is refused too', async () => {
    expect(problems(await readBpmn(minimal('<!ENTITY x "y">'))).map((p) => p.message)).toEqual(['Document type declarations and entities are not allowed in BPMN documents']);
  });

  it('a document over 10 MB is refused', async () => {
    const big = minimal(`<process id="p"><documentation>${'x'.repeat(MAX_BPMN_BYTES)}</documentation></process>`);
    expect(problems(await readBpmn(big)).map((p) => p.message)).toEqual(['The document is larger than 10 MB']);
  });

  it('10 MB of nested elements answers quickly with a problem (no stack overflow)', async () => {
    const depth = Math.floor((MAX_BPMN_BYTES - 200) / 7);
    const deep = `<definitions ${NS}>${'<a><b>'.repeat(depth / 2)}`.slice(0, MAX_BPMN_BYTES - 10);
    const started = performance.now();
    const p = problems(await readBpmn(deep));
    expect(p.map((x) => x.message)).toEqual(['Elements are nested deeper than 200 levels']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('nesting up to the limit is accepted by the depth check', async () => {
    const doc = minimal(`<process id="p" isExecutable="true"><startEvent id="s"/><documentation>${'<i>'.repeat(150)}${'</i>'.repeat(150)}</documentation></process>`);
    const p = problems(await readBpmn(doc));
    expect(p.some((x) => /nested deeper/.test(x.message))).toBe(false);
  });

  it('XML whose root is not bpmn:definitions is not BPMN', async () => {
    expect(problems(await readBpmn(readFileSync(new URL('../../../../test/fixtures/bpmn/problem-not-bpmn.xml', import.meta.url)))).map((p) => p.message)).toEqual([
      'The document is not BPMN 2.0 (its root element is not bpmn:definitions)',
    ]);
  });
});

describe('readBpmn: parsing with the extension namespaces', () => {
  it('reads activiti: attributes (user task, start event, process) and ignores diagram interchange', async () => {
    const model = await modelOf('simple-user-task');
    expect(model.id).toBe('vacationRequest');
    expect(model.name).toBe('Vacation request');
    expect(model.documentation).toBe('Ask for time off.');
    expect(model.candidateStarterGroups).toEqual(['employees', 'managers']);
    expect(model.candidateStarterUsers).toEqual(['kermit']);
    expect(model.nodes['start']).toMatchObject({ kind: 'startEvent', initiatorVariable: 'initiator', formKey: 'vacation-request', eventDefinition: { type: 'none' } });
    const task = model.nodes['approve']!;
    expect(task.userTask).toEqual({
      assignee: [{ language: 'juel', source: '${initiator}', feel: 'initiator' }],
      candidateUsers: [['fozzie'], [{ language: 'juel', source: '${deputy}', feel: 'deputy' }]],
      candidateGroups: [['management'], [{ language: 'juel', source: '${team}', feel: 'team' }]],
      formKey: 'approve-form',
      dueDate: ['P3D'],
      priority: ['70'],
      category: 'hr',
    });
    expect(task.documentation).toBe('Check the calendar first.');
  });

  it('reads camunda: attributes (asyncBefore, async, delegateExpression, class)', async () => {
    const model = await modelOf('async-continuation');
    expect(model.nodes['call']).toMatchObject({ kind: 'serviceTask', async: true, delegateExpression: '${erpClient}' });
    expect(model.nodes['notify']).toMatchObject({ async: true, delegateExpression: 'org.example.Notify' });
    expect(model.nodes['check']!.async).toBe(false);
  });

  it('reads flowable: attributes', async () => {
    const model = await modelOf('inclusive-gateway');
    expect(model.nodes['expert']!.userTask!.candidateGroups).toEqual([['experts']]);
  });

  it('accepts bytes with a UTF-8 byte order mark', async () => {
    const r = await readBpmn(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture('pass-through'))]));
    expect(r.ok).toBe(true);
  });

  it('an attribute of a second extension namespace in the same document is read from the raw attributes', async () => {
    const doc = fixture('simple-user-task').replace('activiti:category="hr"', 'camunda:category="hr" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"');
    const r = await readBpmn(doc);
    expect(r.ok && r.models[0]!.nodes['approve']!.userTask!.category).toBe('hr');
  });
});

describe('compile problems (all collected)', () => {
  it('no executable process', async () => {
    expect(await problemsOf('problem-no-process')).toEqual([{ elementId: null, message: 'The document has no executable process' }]);
  });

  it('a process without none or message start event, and a sub-process without none start', async () => {
    expect(await problemsOf('problem-no-start')).toEqual([
      { elementId: 'sp', message: "Sub-process 'sp' must have exactly one none start event (found 0)" },
      { elementId: 'noStart', message: "Process 'noStart' has no none or message start event" },
    ]);
  });

  it('a sub-process with two none start events, and a flow that leaves its sub-process', async () => {
    expect(await problemsOf('problem-cross-scope-flow')).toEqual([
      { elementId: 'escape', message: "Sequence flow 'escape' ends at 'outside' outside its (sub-)process" },
      { elementId: 'sp', message: "Sub-process 'sp' must have exactly one none start event (found 2)" },
    ]);
  });

  it('dangling flows: source or target missing', async () => {
    expect(await problemsOf('problem-dangling-flow')).toEqual([
      { elementId: 'toNowhere', message: "bpmn:targetRef of 'toNowhere' refers to 'missing', which does not exist" },
      { elementId: 'fromNowhere', message: "bpmn:sourceRef of 'fromNowhere' refers to 'ghost', which does not exist" },
    ]);
  });

  it('nodes unreachable from a start event', async () => {
    expect(await problemsOf('problem-unreachable')).toEqual([{ elementId: 'island', message: "Element 'island' is not reachable from a start event" }]);
  });

  it('a gateway without outgoing flow', async () => {
    expect(await problemsOf('problem-gateway-without-outgoing')).toEqual([{ elementId: 'gw', message: "Gateway 'gw' has no outgoing sequence flow" }]);
  });

  it('unsupported elements are named as such', async () => {
    expect(await problemsOf('problem-unsupported')).toEqual([
      { elementId: 'timer1', message: "Element 'timer1' (bpmn:BoundaryEvent) is not supported yet" },
      { elementId: 'script', message: "Element 'script' (bpmn:ScriptTask) is not supported yet" },
      { elementId: 'errorEnd', message: "Element 'errorEnd' (bpmn:EndEvent with bpmn:ErrorEventDefinition) is not supported yet" },
      { elementId: 'many', message: "Element 'many' (bpmn:UserTask with bpmn:MultiInstanceLoopCharacteristics) is not supported yet" },
    ]);
  });

  it('duplicate ids', async () => {
    expect(await problemsOf('problem-duplicate-ids')).toEqual([{ elementId: 'task', message: "Duplicate id 'task' (line 13)" }]);
  });

  it('a duplicate id between processes', async () => {
    const r = await readBpmn(minimal('<process id="a"><startEvent id="s"/></process><process id="b"><startEvent id="a"/></process>'));
    expect(problems(r)).toContainEqual(expect.objectContaining({ elementId: 'a', message: expect.stringContaining("Duplicate id 'a'") }));
  });

  it('conditions that do not parse (JUEL and FEEL)', async () => {
    expect(await problemsOf('problem-bad-condition')).toEqual([
      { elementId: 'juelBroken', message: "Condition of sequence flow 'juelBroken': '${amount > }' is not a valid expression: unexpected end of expression" },
      { elementId: 'methodCall', message: "Condition of sequence flow 'methodCall': '${order.isBig()}' is not a valid expression: method calls are not supported ('isBig(…)')" },
      { elementId: 'feelBroken', message: "Condition of sequence flow 'feelBroken': 'amount > (1 +' is not a valid expression: syntax error at position 13" },
    ]);
  });

  it('a default flow that is not an outgoing flow of its gateway', async () => {
    expect(await problemsOf('problem-bad-default')).toEqual([{ elementId: 'gw', message: "The default flow 'f1' of 'gw' is not one of its outgoing flows" }]);
  });

  it('user-task attributes: malformed expressions, a due date that is no ISO date or duration, a priority that is no number', async () => {
    expect(await problemsOf('problem-bad-task-attributes')).toEqual([
      { elementId: 'task', message: "Attribute dueDate of 'task': 'next tuesday' is neither an ISO 8601 date-time nor a duration" },
      { elementId: 'task', message: "Attribute priority of 'task': 'high' is not a whole number" },
      { elementId: 'task', message: "Attribute assignee of 'task': '${initiator' has an unterminated ${ expression" },
      { elementId: 'task', message: "Attribute candidateGroups of 'task': '${a ==}' is not a valid expression: unexpected end of expression" },
    ]);
  });

  it("bpmn-moddle's leniency: an unknown element is a problem, not silently dropped", async () => {
    expect(await problemsOf('problem-unknown-element')).toEqual([
      { elementId: null, message: 'Unknown element <bpmn:Usertask> (line 6)' },
      { elementId: 'f1', message: "bpmn:targetRef of 'f1' refers to 'task', which does not exist" },
    ]);
  });
});

describe('nestingDepth', () => {
  it('counts open elements, not self-closing ones, comments, CDATA or quoted ">"', () => {
    expect(nestingDepth('<a><b x="1 > 0"/><c><!-- <d><e> --><![CDATA[<f><g>]]></c></a>', 100)).toBe(2);
    expect(nestingDepth(`<r>${'<t name="a > b"/>'.repeat(500)}</r>`, 200)).toBe(1);
  });
});

describe('modeler exports', () => {
  it('a Camunda Modeler export with collaboration, lanes, data objects, annotations and camunda: extension elements compiles', async () => {
    const model = await modelOf('collaboration-lanes');
    expect(model.id).toBe('quote');
    expect(Object.keys(model.nodes).sort()).toEqual(['approve', 'end', 'prepare', 'start']);
    expect(model.nodes['start']).toMatchObject({ initiatorVariable: 'starter', formKey: 'embedded:app:forms/start.html' });
    expect(model.nodes['prepare']!.userTask!.candidateGroups).toEqual([['sales']]);
    expect(model.nodes['approve']!.userTask!.priority).toEqual([{ language: 'juel', source: '${amount > 10000 ? 90 : 50}', feel: '(if (amount > 10000) then 90 else 50)' }]);
    expect(model.nodes['prepare']!.outgoing).toEqual(['Flow_2']);
  });

  it('script conditions are refused by name', async () => {
    expect(await problemsOf('problem-script-condition')).toEqual([
      { elementId: 'f2', message: "Condition of sequence flow 'f2': script conditions (language 'javascript') are not supported; use a FEEL or ${…} expression" },
    ]);
  });
});

describe('limits that keep a deploy quick', () => {
  const gatewayWith = (conditions: string[]) =>
    processXml(
      '<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="g"/><exclusiveGateway id="g"/><endEvent id="e"/>' +
        conditions.map((c, k) => `<sequenceFlow id="c${k}" sourceRef="g" targetRef="e"><conditionExpression>${c}</conditionExpression></sequenceFlow>`).join(''),
    );

  it('an expression longer than 1,000 characters is a problem', async () => {
    expect(problems(await readBpmn(gatewayWith([`\${${'a+'.repeat(600)}a > 1}`])))).toEqual([
      { elementId: 'c0', message: "An expression of 'c0' is longer than 1000 characters" },
    ]);
  });

  it('FEEL text beyond 64 KiB per document is refused once, quickly', async () => {
    const started = performance.now();
    const p = problems(await readBpmn(gatewayWith(Array.from({ length: 200 }, () => `${'a+'.repeat(450)}a > 1`))));
    expect(p).toEqual([{ elementId: null, message: "The document's FEEL expressions are longer than 65536 characters in total" }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('JUEL is not limited by the FEEL budget: a model with many ${…} templates compiles', async () => {
    const tasks = Array.from({ length: 3000 }, (_, k) => `<userTask id="t${k}" activiti:assignee="\${assigneeOf${k}}" activiti:candidateGroups="\${groupsOf${k}}"/>`).join('');
    const flows = Array.from({ length: 3000 }, (_, k) => `<sequenceFlow id="f${k}" sourceRef="${k === 0 ? 's' : `t${k - 1}`}" targetRef="t${k}"/>`).join('');
    const r = await readBpmn(processXml(`<startEvent id="s"/>${tasks}${flows}`));
    expect(r.ok).toBe(true);
  });

  it('at most 200 problems are listed, then how many more there are', async () => {
    const dangling = Array.from({ length: 500 }, (_, k) => `<sequenceFlow id="d${k}" sourceRef="s" targetRef="x${k}"/>`).join('');
    const p = problems(await readBpmn(processXml(`<startEvent id="s"/>${dangling}`)));
    expect(p).toHaveLength(201);
    expect(p.at(-1)).toEqual({ elementId: null, message: '… and 300 more problems' });
  });
});

describe('compile problems: structure details', () => {
  const compile = async (body: string) => problems(await readBpmn(processXml(body)));

  it('a flow without sourceRef or targetRef attribute', async () => {
    expect(await compile('<startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f1" targetRef="e"/><sequenceFlow id="f2" sourceRef="s"/>')).toEqual([
      { elementId: 'f1', message: "Sequence flow 'f1' has no source (sourceRef missing or unknown)" },
      { elementId: 'f2', message: "Sequence flow 'f2' has no target (targetRef missing or unknown)" },
    ]);
  });

  it('a flow into a start event or out of an end event', async () => {
    expect(await compile('<startEvent id="s"/><endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><sequenceFlow id="back" sourceRef="e" targetRef="s"/>')).toEqual([
      { elementId: 'back', message: "Sequence flow 'back' ends at the start event 's'" },
    ]);
    expect(await compile('<startEvent id="s"/><endEvent id="e"/><userTask id="t"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><sequenceFlow id="out" sourceRef="e" targetRef="t"/>')).toEqual([
      { elementId: 'out', message: "Sequence flow 'out' starts at the end event 'e'" },
      { elementId: 't', message: "Element 't' is not reachable from a start event" },
    ]);
  });

  it('two none start events in a process', async () => {
    expect(await compile('<startEvent id="s1"/><startEvent id="s2"/>')).toEqual([{ elementId: 'inline', message: "Process 'inline' has more than one none start event (s1, s2)" }]);
  });

  it('a flow pointing at an element that is not a flow node (a data object)', async () => {
    expect(await compile('<startEvent id="s"/><dataObject id="d"/><sequenceFlow id="f" sourceRef="s" targetRef="d"/>')).toEqual([
      { elementId: 'f', message: "Sequence flow 'f' ends at 'd', which is not a flow node" },
    ]);
  });

  it('unsupported variants of supported elements: timer start, message start in a sub-process, event sub-process, a message throw event, several event definitions', async () => {
    expect(
      await compile(`
      <startEvent id="s"/><startEvent id="timerStart"><timerEventDefinition/></startEvent>
      <subProcess id="sp"><startEvent id="msgStart"><messageEventDefinition/></startEvent></subProcess>
      <subProcess id="esp" triggeredByEvent="true"><startEvent id="es"/></subProcess>
      <intermediateThrowEvent id="signal"><signalEventDefinition/></intermediateThrowEvent>
      <endEvent id="twice"><terminateEventDefinition/><terminateEventDefinition/></endEvent>
      <sequenceFlow id="f1" sourceRef="s" targetRef="sp"/><sequenceFlow id="f2" sourceRef="sp" targetRef="signal"/><sequenceFlow id="f3" sourceRef="signal" targetRef="twice"/>`),
    ).toEqual([
      { elementId: 'timerStart', message: "Element 'timerStart' (bpmn:StartEvent with bpmn:TimerEventDefinition) is not supported yet" },
      { elementId: 'msgStart', message: "Element 'msgStart' (message start event in a sub-process) is not supported yet" },
      { elementId: 'esp', message: "Element 'esp' (event sub-process) is not supported yet" },
      { elementId: 'signal', message: "Element 'signal' (bpmn:IntermediateThrowEvent with bpmn:SignalEventDefinition) is not supported yet" },
      { elementId: 'twice', message: "Element 'twice' (bpmn:EndEvent with several event definitions) is not supported yet" },
      { elementId: 'sp', message: "Sub-process 'sp' must have exactly one none start event (found 0)" },
    ]);
  });

  it('an external service task (it waits for a worker) is named as unsupported', async () => {
    const doc = processXml('<startEvent id="s"/><serviceTask id="ext" camunda:type="external" camunda:topic="billing" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"/><sequenceFlow id="f" sourceRef="s" targetRef="ext"/>');
    expect(problems(await readBpmn(doc))).toEqual([{ elementId: 'ext', message: "Element 'ext' (external service task) is not supported yet" }]);
  });

  it('call activities, receive tasks, event-based gateways and catch events are named as unsupported', async () => {
    const p = await compile(`<startEvent id="s"/><callActivity id="call" calledElement="x"/><receiveTask id="receive"/><eventBasedGateway id="ebg"/><intermediateCatchEvent id="wait"><timerEventDefinition/></intermediateCatchEvent>
      <sequenceFlow id="f1" sourceRef="s" targetRef="call"/>`);
    expect(p.map((x) => x.message)).toEqual([
      "Element 'call' (bpmn:CallActivity) is not supported yet",
      "Element 'receive' (bpmn:ReceiveTask) is not supported yet",
      "Element 'ebg' (bpmn:EventBasedGateway) is not supported yet",
      "Element 'wait' (bpmn:IntermediateCatchEvent) is not supported yet",
    ]);
  });
});

describe('encodings', () => {
  const doc = (declaration: string) =>
    `${declaration}<definitions ${NS}><process id="p" isExecutable="true"><startEvent id="s" name="Café Größe"/></process></definitions>`;

  it('UTF-16 with a byte order mark (little and big endian)', async () => {
    const text = doc('<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [le, be]) {
      const r = await readBpmn(bytes);
      expect(r.ok && r.models[0]!.nodes['s']!.name).toBe('Café Größe');
    }
  });

  it('ISO-8859-1 when the XML declaration says so', async () => {
    const r = await readBpmn(Buffer.from(doc('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1'));
    expect(r.ok && r.models[0]!.nodes['s']!.name).toBe('Café Größe');
  });

  it('UTF-8 otherwise', async () => {
    const r = await readBpmn(Buffer.from(doc('<?xml version="1.0" encoding="UTF-8"?>'), 'utf8'));
    expect(r.ok && r.models[0]!.nodes['s']!.name).toBe('Café Größe');
  });
});

describe('vendor exports run', () => {
  it('an Alfresco Process Services export (modeler: extensions, listeners, fields, data objects with xsd types) compiles and runs', async () => {
    const model = await modelOf('aps-export');
    const i = new Instance(model, { urgent: true });
    i.start({ initiatorId: '5' });
    expect(i.of('createUserTask')[0]!.task).toMatchObject({ name: 'Review claim of 5', candidateGroups: ['2'], formKey: '3002', priority: 80 });
    i.complete('sid-REVIEW', { form3002outcome: 'Approve' });
    expect(i.of('createUserTask')[0]!.task).toMatchObject({ assignee: '5', formKey: '3003' });
    i.complete('sid-PAY');
    expect(i.of('instanceEnded')).toEqual([{ type: 'instanceEnded', endNodeId: 'sid-END-PAID', terminated: false }]);
  });

  it('the APS default flow (reject) sends the mail through the service task', async () => {
    const i = new Instance(await modelOf('aps-export'), { urgent: false });
    i.start({ initiatorId: '5' });
    i.complete('sid-REVIEW', { form3002outcome: 'Reject' });
    expect(i.of('invokeService')).toEqual([{ type: 'invokeService', executionId: 'e2', nodeId: 'sid-MAIL', delegateExpression: '${activiti_mailActivityBehavior}' }]);
    expect(i.status).toBe('completed');
  });

  it('a Flowable modeler export: unknown flowable: attributes are tolerated, $INITIATOR is the starting user', async () => {
    const model = await modelOf('flowable-export');
    expect(model.candidateStarterGroups).toEqual(['staff']);
    const i = new Instance(model, { days: 3 });
    i.start({ initiatorId: '11' });
    i.complete('approveTask', { approved: true });
    expect(i.of('createUserTask')[0]!.task.assignee).toBe('11');
  });

  it('unknown elements and attributes of the bpmn namespace stay problems', async () => {
    const r = await readBpmn(minimal('<process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="x"/><userTaskk id="x"/></process>'));
    expect(problems(r).map((p) => p.message)).toContain('Unknown element <bpmn:UserTaskk> (line 1)');
  });
});
