import type { CompileResult, Expression, FlowNode, ModelProblem, NodeKind, ProcessModel, SequenceFlow, TextTemplate, UserTaskSpec } from './process-model.js';
import { compileExpression, isJuel, isTemplateLiteral, parseTextTemplate } from '../expressions/expressions.js';
import { isIsoDateTime, isIsoDuration } from '../runtime/iso-time.js';

/**
 * Compiles bpmn-moddle's tree into executable models (pure). All problems are collected, not just
 * the first. Decisions:
 * - an activity or event without outgoing flow is an implicit end (as in Activiti/Camunda); a
 *   gateway without outgoing flow is a problem;
 * - `bpmn:Task` (a task without type) runs as a pass-through, like a manual task;
 * - data objects, data store references and artifacts are ignored; every other element that the
 *   engine does not execute yet is a problem naming it;
 * - a process needs a none or message start event, a sub-process exactly one none start event;
 *   a process has at most one none start event;
 * - outgoing flows are in document order of the sequence flows (that is the order an exclusive
 *   gateway tries them);
 * - `assignee="$INITIATOR"` (Flowable's modeler) is the process's initiator variable (the one
 *   the start event names, else `initiator`).
 */

/** The part of a moddle element the compiler reads. */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly $attrs?: Readonly<Record<string, unknown>>;
  get?(name: string): unknown;
  readonly [key: string]: unknown;
}

const EXTENSION_PREFIXES = ['activiti', 'flowable', 'camunda'] as const;

/** An extension attribute in any of the three namespaces (typed by the descriptors, or raw in $attrs). */
function ext(el: ModdleElement, local: string): unknown {
  for (const prefix of EXTENSION_PREFIXES) {
    const key = `${prefix}:${local}`;
    let v: unknown;
    try {
      v = el.get ? el.get(key) : undefined;
    } catch {
      v = undefined;
    }
    if (v === undefined || v === null) v = el.$attrs?.[key];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}
function extString(el: ModdleElement, local: string): string | null {
  const v = ext(el, local);
  return v === undefined ? null : String(v);
}
function extBoolean(el: ModdleElement, local: string): boolean {
  const v = ext(el, local);
  return v === true || v === 'true';
}

function elements(v: unknown): ModdleElement[] {
  return Array.isArray(v) ? (v.filter((e) => e && typeof e === 'object' && typeof (e as ModdleElement).$type === 'string') as ModdleElement[]) : [];
}
function element(v: unknown): ModdleElement | null {
  return v && typeof v === 'object' && typeof (v as ModdleElement).$type === 'string' ? (v as ModdleElement) : null;
}
function text(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}
function documentationOf(el: ModdleElement): string | null {
  const docs = elements(el['documentation'])
    .map((d) => text(d['text']))
    .filter((t): t is string => t !== null);
  return docs.length ? docs.join('\n') : null;
}
function splitList(v: string | null): string[] {
  return v === null
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

const SIMPLE_KINDS: Readonly<Record<string, NodeKind>> = {
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'manualTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
};
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
/** Flowable's modeler writes `assignee="$INITIATOR"`: the user who started the instance. */
const INITIATOR_PLACEHOLDER = '$INITIATOR';

/** Condition languages that are scripts (Camunda's script conditions): not run, ever (design.md §3). */
const SCRIPT_LANGUAGES = /^(javascript|js|ecmascript|groovy|python|jython|ruby|jruby|juel-script|scala|kotlin|nashorn|graal\.js)$/i;
const GATEWAYS = new Set<NodeKind>(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway']);

/** Beyond these, a document is refused without looking further (deploys must answer quickly). */
export const MAX_EXPRESSION_LENGTH = 1000;
export const MAX_FEEL_TEXT_PER_DOCUMENT = 64 * 1024;
export const MAX_PROBLEMS = 200;

/** The problems found so far, the element ids they name, and what is left of the expression budget. */
class Findings {
  readonly list: ModelProblem[] = [];
  private readonly ids = new Set<string>();
  private feelText = 0;
  private budgetReported = false;

  add(elementId: string | null, message: string): void {
    this.list.push({ elementId, message });
    if (elementId !== null) this.ids.add(elementId);
  }
  names(id: string): boolean {
    return this.ids.has(id);
  }
  /** False (with a problem) when an expression text is too long to be evaluated on every pass. */
  allowLength(elementId: string, text: string): boolean {
    if (text.length <= MAX_EXPRESSION_LENGTH) return true;
    this.add(elementId, `An expression of '${elementId}' is longer than ${MAX_EXPRESSION_LENGTH} characters`);
    return false;
  }
  /**
   * FEEL text is checked with feelin's parser, which is slow on long operator chains: the document
   * has a budget for it (JUEL is checked by the translator, in linear time).
   */
  allowFeelParse(text: string): boolean {
    this.feelText += text.length;
    if (this.feelText <= MAX_FEEL_TEXT_PER_DOCUMENT) return true;
    if (!this.budgetReported) this.add(null, `The document's FEEL expressions are longer than ${MAX_FEEL_TEXT_PER_DOCUMENT} characters in total`);
    this.budgetReported = true;
    return false;
  }
}

type Mutable = {
  -readonly [K in keyof FlowNode]: FlowNode[K] extends readonly (infer U)[] ? U[] : FlowNode[K];
};

class ProcessCompiler {
  readonly nodes: Record<string, Mutable> = {};
  readonly flows: Record<string, SequenceFlow> = {};
  /** Flows per container, in document order, for the incoming/outgoing lists. */
  private readonly flowOrder: SequenceFlow[] = [];
  /** scope id → start node ids of that scope. */
  readonly scopeStarts = new Map<string, string[]>();
  private readonly defaults: Array<{ node: Mutable; flow: ModdleElement }> = [];
  /** Sequence flows are compiled once every node of the process is known (flows may point anywhere). */
  private readonly pendingFlows: Array<{ el: ModdleElement; scopeId: string }> = [];
  /** Elements already reported (unsupported, duplicate): flows touching them are not reported again. */
  private readonly rejected = new Set<string>();
  /** User tasks with `assignee="$INITIATOR"` (Flowable modeler): resolved once the start events are known. */
  private readonly initiatorAssigned: string[] = [];
  /** Nodes that lost an incoming flow to a reported problem: not reported as unreachable too. */
  private readonly cutOff = new Set<string>();

  constructor(
    private readonly findings: Findings,
    private readonly seenIds: Set<string>,
    /** The process being compiled (the root scope). */
    readonly processId: string,
  ) {}

  problem(elementId: string | null, message: string): void {
    this.findings.add(elementId, message);
  }

  /** Already reported (here or by the parser): later problems about the same element would only echo it. */
  private reported(id: string | undefined): boolean {
    return id !== undefined && (this.rejected.has(id) || this.findings.names(id));
  }

  private claimId(el: ModdleElement): string | null {
    const id = text(el.id);
    if (!id) {
      this.problem(null, `An element (${el.$type}) has no id`);
      return null;
    }
    if (this.seenIds.has(id)) {
      this.problem(id, `Duplicate id '${id}'`);
      this.rejected.add(id);
      return null;
    }
    this.seenIds.add(id);
    return id;
  }

  compileContainer(container: ModdleElement, scopeId: string): void {
    const flowElements = elements(container['flowElements']);
    const sequenceFlows: ModdleElement[] = [];
    const starts: string[] = [];
    for (const el of flowElements) {
      if (el.$type === 'bpmn:SequenceFlow') {
        sequenceFlows.push(el);
        continue;
      }
      if (IGNORED.has(el.$type)) continue;
      const id = this.claimId(el);
      if (!id) continue;
      const node = this.compileNode(el, id, scopeId);
      if (!node) {
        this.rejected.add(id);
        continue;
      }
      this.nodes[id] = node;
      if (node.kind === 'startEvent') starts.push(id);
      if (node.kind === 'subProcess') this.compileContainer(el, id);
    }
    this.scopeStarts.set(scopeId, starts);
    for (const el of sequenceFlows) this.pendingFlows.push({ el, scopeId });
  }

  private unsupported(id: string, what: string): null {
    this.problem(id, `Element '${id}' (${what}) is not supported yet`);
    return null;
  }

  private compileNode(el: ModdleElement, id: string, scopeId: string): Mutable | null {
    const kind = SIMPLE_KINDS[el.$type];
    if (!kind) return this.unsupported(id, el.$type);
    if (element(el['loopCharacteristics'])) return this.unsupported(id, `${el.$type} with ${element(el['loopCharacteristics'])!.$type}`);
    if (kind === 'subProcess' && el['triggeredByEvent'] === true) return this.unsupported(id, 'event sub-process');
    // an external task waits for a worker: not a pass-through (other service-task types pass through)
    if (kind === 'serviceTask' && extString(el, 'type') === 'external') return this.unsupported(id, 'external service task');
    const definitions = elements(el['eventDefinitions']);
    let eventDefinition: FlowNode['eventDefinition'] = null;
    let terminate = false;
    if (kind === 'startEvent' || kind === 'endEvent' || kind === 'intermediateThrowEvent') {
      if (definitions.length > 1) return this.unsupported(id, `${el.$type} with several event definitions`);
      const def = definitions[0];
      if (!def) eventDefinition = { type: 'none' };
      else if (kind === 'startEvent' && def.$type === 'bpmn:MessageEventDefinition') {
        if (scopeId !== this.processId) return this.unsupported(id, 'message start event in a sub-process');
        const message = element(def['messageRef']);
        eventDefinition = { type: 'message', messageName: text(message?.name) ?? text(message?.id) ?? id };
      } else if (kind === 'endEvent' && def.$type === 'bpmn:TerminateEventDefinition') {
        eventDefinition = { type: 'none' };
        terminate = true;
      } else return this.unsupported(id, `${el.$type} with ${def.$type}`);
    }
    const node: Mutable = {
      id,
      kind,
      name: text(el.name),
      documentation: documentationOf(el),
      scopeId,
      incoming: [],
      outgoing: [],
      defaultFlowId: null,
      async: extBoolean(el, 'async') || extBoolean(el, 'asyncBefore'),
      eventDefinition,
      terminate,
      initiatorVariable: kind === 'startEvent' ? extString(el, 'initiator') : null,
      formKey: kind === 'startEvent' || kind === 'userTask' ? extString(el, 'formKey') : null,
      userTask: kind === 'userTask' ? this.userTaskSpec(el, id) : null,
      delegateExpression: kind === 'serviceTask' ? (extString(el, 'delegateExpression') ?? extString(el, 'class') ?? extString(el, 'expression')) : null,
      startNodeId: null,
    };
    const dflt = element(el['default']);
    if (dflt) this.defaults.push({ node, flow: dflt });
    return node;
  }

  private template(id: string, attribute: string, value: string | null): TextTemplate | null {
    if (value === null) return null;
    if (value.includes('{') && !this.findings.allowLength(id, value)) return null;
    const t = parseTextTemplate(value);
    if (!t.ok) {
      this.problem(id, `Attribute ${attribute} of '${id}': ${t.message}`);
      return null;
    }
    return t.value;
  }

  private userTaskSpec(el: ModdleElement, id: string): UserTaskSpec {
    const list = (attribute: string) =>
      splitList(extString(el, attribute))
        .map((item) => this.template(id, attribute, item))
        .filter((t): t is TextTemplate => t !== null);
    const dueDate = this.template(id, 'dueDate', extString(el, 'dueDate'));
    if (dueDate && isTemplateLiteral(dueDate)) {
      const literal = dueDate.join('').trim();
      if (!isIsoDateTime(literal) && !isIsoDuration(literal)) this.problem(id, `Attribute dueDate of '${id}': '${literal}' is neither an ISO 8601 date-time nor a duration`);
    }
    const priority = this.template(id, 'priority', extString(el, 'priority'));
    if (priority && isTemplateLiteral(priority) && !/^-?\d+$/.test(priority.join('').trim())) {
      this.problem(id, `Attribute priority of '${id}': '${priority.join('')}' is not a whole number`);
    }
    const assignee = extString(el, 'assignee');
    if (assignee?.trim() === INITIATOR_PLACEHOLDER) this.initiatorAssigned.push(id);
    return {
      assignee: assignee?.trim() === INITIATOR_PLACEHOLDER ? null : this.template(id, 'assignee', assignee),
      candidateUsers: list('candidateUsers'),
      candidateGroups: list('candidateGroups'),
      formKey: extString(el, 'formKey'),
      dueDate,
      priority,
      category: extString(el, 'category'),
    };
  }

  private compileFlow(el: ModdleElement, scopeId: string): void {
    const id = this.claimId(el);
    if (!id) return;
    const source = element(el['sourceRef']);
    const target = element(el['targetRef']);
    const sourceNode = source?.id ? this.nodes[source.id] : undefined;
    const targetNode = target?.id ? this.nodes[target.id] : undefined;
    let ok = true;
    if (!source) {
      if (!this.reported(id)) this.problem(id, `Sequence flow '${id}' has no source (sourceRef missing or unknown)`);
      ok = false;
      if (targetNode) this.cutOff.add(targetNode.id);
    } else if (!sourceNode) {
      if (!this.reported(source.id)) this.problem(id, `Sequence flow '${id}' starts at '${source.id ?? '?'}', which is not a flow node`);
      ok = false;
      if (targetNode) this.cutOff.add(targetNode.id);
    } else if (sourceNode.scopeId !== scopeId) {
      this.problem(id, `Sequence flow '${id}' starts at '${sourceNode.id}' outside its (sub-)process`);
      ok = false;
    }
    if (!target) {
      if (!this.reported(id)) this.problem(id, `Sequence flow '${id}' has no target (targetRef missing or unknown)`);
      ok = false;
    } else if (!targetNode) {
      if (!this.reported(target.id)) this.problem(id, `Sequence flow '${id}' ends at '${target.id ?? '?'}', which is not a flow node`);
      ok = false;
    } else if (targetNode.scopeId !== scopeId) {
      this.problem(id, `Sequence flow '${id}' ends at '${targetNode.id}' outside its (sub-)process`);
      ok = false;
    }
    if (ok && targetNode!.kind === 'startEvent') {
      this.problem(id, `Sequence flow '${id}' ends at the start event '${targetNode!.id}'`);
      ok = false;
    }
    if (ok && sourceNode!.kind === 'endEvent') {
      this.problem(id, `Sequence flow '${id}' starts at the end event '${sourceNode!.id}'`);
      ok = false;
    }
    // a condition that is refused leaves the flow in the graph (unconditioned), so that the
    // structural checks do not echo the problem as unreachable nodes or dead-end gateways
    let condition: Expression | null = null;
    const conditionElement = element(el['conditionExpression']);
    if (conditionElement) {
      const body = typeof conditionElement['body'] === 'string' ? conditionElement['body'] : '';
      const language = text(conditionElement['language']);
      if (language && SCRIPT_LANGUAGES.test(language)) {
        this.problem(id, `Condition of sequence flow '${id}': script conditions (language '${language}') are not supported; use a FEEL or \${…} expression`);
      } else if (body.trim() && this.findings.allowLength(id, body) && (isJuel(body) || this.findings.allowFeelParse(body))) {
        const c = compileExpression(body);
        if (c.ok) condition = c.value;
        else this.problem(id, `Condition of sequence flow '${id}': ${c.message}`);
      }
    }
    if (!ok) return;
    const flow: SequenceFlow = { id, name: text(el.name), sourceId: sourceNode!.id, targetId: targetNode!.id, condition };
    this.flows[id] = flow;
    this.flowOrder.push(flow);
    sourceNode!.outgoing.push(id);
    targetNode!.incoming.push(id);
  }

  finish(): void {
    for (const { el, scopeId } of this.pendingFlows) this.compileFlow(el, scopeId);
    if (this.initiatorAssigned.length) {
      const starts = this.scopeStarts.get(this.processId) ?? [];
      const variable = starts.map((s) => this.nodes[s]!.initiatorVariable).find((v) => v !== null) ?? 'initiator';
      for (const id of this.initiatorAssigned) {
        const node = this.nodes[id];
        if (node?.userTask) node.userTask = { ...node.userTask, assignee: [{ language: 'juel', source: INITIATOR_PLACEHOLDER, feel: variable }] };
      }
    }
    for (const { node, flow } of this.defaults) {
      if (flow.id && node.outgoing.includes(flow.id)) node.defaultFlowId = flow.id;
      else this.problem(node.id, `The default flow '${flow.id ?? '?'}' of '${node.id}' is not one of its outgoing flows`);
    }
    for (const node of Object.values(this.nodes)) {
      if (GATEWAYS.has(node.kind) && node.outgoing.length === 0) this.problem(node.id, `Gateway '${node.id}' has no outgoing sequence flow`);
    }
    for (const [scopeId, starts] of this.scopeStarts) {
      const noneStarts = starts.filter((s) => this.nodes[s]!.eventDefinition?.type === 'none');
      if (scopeId === this.processId) {
        if (starts.length === 0) this.problem(scopeId, `Process '${scopeId}' has no none or message start event`);
        if (noneStarts.length > 1) this.problem(scopeId, `Process '${scopeId}' has more than one none start event (${noneStarts.join(', ')})`);
      } else {
        if (noneStarts.length !== 1) this.problem(scopeId, `Sub-process '${scopeId}' must have exactly one none start event (found ${noneStarts.length})`);
        else this.nodes[scopeId]!.startNodeId = noneStarts[0]!;
      }
      if (starts.length) this.checkReachable(scopeId, starts);
    }
  }

  private checkReachable(scopeId: string, starts: readonly string[]): void {
    const reached = new Set<string>(starts);
    const queue = [...starts];
    while (queue.length) {
      for (const f of this.nodes[queue.pop()!]!.outgoing) {
        const t = this.flows[f]!.targetId;
        if (!reached.has(t)) {
          reached.add(t);
          queue.push(t);
        }
      }
    }
    for (const node of Object.values(this.nodes)) {
      if (node.scopeId === scopeId && !reached.has(node.id) && !this.cutOff.has(node.id)) this.problem(node.id, `Element '${node.id}' is not reachable from a start event`);
    }
  }
}

function compileProcess(process: ModdleElement, id: string, findings: Findings, seenIds: Set<string>): ProcessModel {
  const compiler = new ProcessCompiler(findings, seenIds, id);
  compiler.compileContainer(process, id);
  compiler.finish();
  const starts = compiler.scopeStarts.get(id) ?? [];
  const startNodeIds = [...starts.filter((s) => compiler.nodes[s]!.eventDefinition?.type === 'none'), ...starts.filter((s) => compiler.nodes[s]!.eventDefinition?.type !== 'none')];
  return {
    id,
    name: text(process.name),
    documentation: documentationOf(process),
    nodes: compiler.nodes,
    flows: compiler.flows,
    startNodeIds,
    candidateStarterUsers: splitList(extString(process, 'candidateStarterUsers')),
    candidateStarterGroups: splitList(extString(process, 'candidateStarterGroups')),
  };
}

/**
 * `definitions`: bpmn-moddle's root element (bpmn:Definitions); `warnings`: the parser's warnings,
 * which are problems (bpmn-moddle is lenient: an unknown element is only a warning).
 */
export function compileProcessModels(definitions: unknown, warnings: ReadonlyArray<string | ModelProblem> = []): CompileResult {
  const findings = new Findings();
  for (const w of warnings) {
    if (typeof w === 'string') findings.add(null, w);
    else findings.add(w.elementId, w.message);
  }
  const root = element(definitions);
  if (!root || root.$type !== 'bpmn:Definitions') {
    findings.add(null, 'The document is not a BPMN 2.0 definitions document');
    return result(findings, []);
  }
  const seenIds = new Set<string>();
  const models: ProcessModel[] = [];
  for (const process of elements(root['rootElements']).filter((e) => e.$type === 'bpmn:Process')) {
    const id = text(process.id);
    if (!id) {
      findings.add(null, 'A process has no id');
      continue;
    }
    if (seenIds.has(id)) {
      findings.add(id, `Duplicate id '${id}'`);
      continue;
    }
    seenIds.add(id);
    if (process['isExecutable'] === false) continue;
    models.push(compileProcess(process, id, findings, seenIds));
  }
  if (models.length === 0) findings.add(null, 'The document has no executable process');
  return result(findings, models);
}

function result(findings: Findings, models: ProcessModel[]): CompileResult {
  const problems = findings.list;
  if (problems.length === 0) return { ok: true, models };
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), { elementId: null, message: `… and ${problems.length - MAX_PROBLEMS} more problems` }] };
}
