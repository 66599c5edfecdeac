/**
 * The executable form of a BPMN process, compiled once at deploy time from bpmn-moddle's tree
 * (compile-process-model.ts) and stored as jsonb with the definition: plain JSON, no classes.
 *
 * Every node belongs to a scope: the process itself (`model.id`) or an embedded sub-process
 * (the sub-process node's id). Later issues add timers, messages, boundary events, call
 * activities and multi-instance as further `kind`s and optional fields; the shape stays JSON.
 */
export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'manualTask'
  | 'serviceTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'subProcess'
  | 'intermediateThrowEvent';

/** A condition or value expression: FEEL, or the JUEL form `${…}` translated to FEEL. */
export interface Expression {
  readonly language: 'feel' | 'juel';
  /** As written in the model. */
  readonly source: string;
  /** The FEEL text actually evaluated (JUEL translated; FEEL unchanged). */
  readonly feel: string;
}

/**
 * A text attribute that may be a literal or contain `${…}` expressions (assignee="${initiator}",
 * candidateGroups="sales,${team}"). `parts` alternate literal text and expressions.
 */
export type TextTemplate = ReadonlyArray<string | Expression>;

/** What a user task asks of people: the Activiti/Flowable/Camunda extension attributes. */
export interface UserTaskSpec {
  readonly assignee: TextTemplate | null;
  /** Comma-separated lists in the model: each item a template. */
  readonly candidateUsers: readonly TextTemplate[];
  readonly candidateGroups: readonly TextTemplate[];
  readonly formKey: string | null;
  /** ISO 8601 date-time or duration (`P3D`), or an expression giving a date. */
  readonly dueDate: TextTemplate | null;
  readonly priority: TextTemplate | null;
  readonly category: string | null;
}

export interface FlowNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string | null;
  readonly documentation: string | null;
  /** The scope this node lives in: the process id, or the id of the enclosing sub-process. */
  readonly scopeId: string;
  /** Sequence-flow ids, in document order. */
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** Exclusive and inclusive gateways (and activities): the default flow's id. */
  readonly defaultFlowId: string | null;
  /** `async` / `asyncBefore`: the engine commits before entering the node and continues in a job. */
  readonly async: boolean;
  /** startEvent: `none` or `message` (with the message name). */
  readonly eventDefinition: { readonly type: 'none' } | { readonly type: 'message'; readonly messageName: string } | null;
  /** endEvent: a terminate end event. */
  readonly terminate: boolean;
  /** startEvent: the variable that receives the starting user's id (`activiti:initiator`). */
  readonly initiatorVariable: string | null;
  /** startEvent: its form (`activiti:formKey`). */
  readonly formKey: string | null;
  readonly userTask: UserTaskSpec | null;
  /** serviceTask: `activiti:delegateExpression` (a no-op hook in this version), or `class`/`expression` as written. */
  readonly delegateExpression: string | null;
  /** subProcess: its none start event. */
  readonly startNodeId: string | null;
}

export interface SequenceFlow {
  readonly id: string;
  readonly name: string | null;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition: Expression | null;
}

export interface ProcessModel {
  /** The BPMN process id: the definition key. */
  readonly id: string;
  readonly name: string | null;
  readonly documentation: string | null;
  readonly nodes: Readonly<Record<string, FlowNode>>;
  readonly flows: Readonly<Record<string, SequenceFlow>>;
  /** Start events of the process scope (not of sub-processes). The none start comes first. */
  readonly startNodeIds: readonly string[];
  /** `activiti:candidateStarterUsers` / `candidateStarterGroups` on the process, as written. */
  readonly candidateStarterUsers: readonly string[];
  readonly candidateStarterGroups: readonly string[];
}

/** A reason a model cannot be deployed; `elementId` is null for document-level problems. */
export interface ModelProblem {
  readonly elementId: string | null;
  readonly message: string;
}

export type CompileResult =
  | { readonly ok: true; readonly models: readonly ProcessModel[] }
  | { readonly ok: false; readonly problems: readonly ModelProblem[] };
