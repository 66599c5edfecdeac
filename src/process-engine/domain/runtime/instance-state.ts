import type { UserTaskSpec } from '../model/process-model.js';

/**
 * The token tree of one instance, as persisted in process_engine.executions (one row each).
 *
 * - `root`: one per instance, `parentId` null; the process scope. `nodeId` null.
 * - `scope`: an embedded sub-process in progress; its tokens have it as parent. `nodeId` = the
 *   sub-process node.
 * - `token`: where work is: `nodeId` is the node it sits at.
 *
 * Status of a token: `active` (on the agenda: only inside one `execute` call, never persisted),
 * `waiting` (a wait state: user task, async continuation), `joining` (arrived at a parallel or
 * inclusive join, waiting for the others; `arrivedVia` says through which flow), `incident`
 * (cannot continue: no gateway flow matched, an expression failed; see the incident effect).
 * Scopes and the root are `active` while they have children.
 *
 * Conventions of the engine (engine-domain):
 * - a token entering an embedded sub-process becomes its scope (same id, kind `scope`) and turns
 *   back into a token at the sub-process node when the sub-process completes, so its activity
 *   history starts and ends on one execution id;
 * - a token parked before an async node is `waiting` with `data.asyncBefore = true` and
 *   `arrivedVia` = the flow it came by (a join needs it when the continuation enters);
 * - an ended instance (`completed`, `terminated`) has no executions left.
 */
export type ExecutionKind = 'root' | 'scope' | 'token';
export type ExecutionStatus = 'active' | 'waiting' | 'joining' | 'incident';

export interface ExecutionState {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: ExecutionKind;
  readonly nodeId: string | null;
  readonly status: ExecutionStatus;
  readonly arrivedVia: string | null;
  /** Room for later element types (multi-instance counters, timer ids): JSON only. */
  readonly data: Readonly<Record<string, unknown>> | null;
}

export interface InstanceState {
  /** `running` until the root scope ends (`completed`) or a terminate end event ends it (`terminated`). */
  readonly status: 'running' | 'completed' | 'terminated';
  readonly executions: readonly ExecutionState[];
}

/** What makes an instance move. */
export type Trigger =
  /** A new instance. `startNodeId` picks a start event (message start); default: the none start. */
  | { readonly type: 'start'; readonly startNodeId?: string; readonly initiatorId?: string | null }
  /** The work of a waiting token is done (its user task was completed). */
  | { readonly type: 'complete'; readonly executionId: string }
  /** An async continuation is due: the waiting token enters its node now. */
  | { readonly type: 'continue'; readonly executionId: string };

/** A user task, with its templates resolved against the variables at creation time. */
export interface ResolvedUserTask {
  readonly name: string | null;
  readonly documentation: string | null;
  readonly assignee: string | null;
  readonly candidateUsers: readonly string[];
  readonly candidateGroups: readonly string[];
  readonly formKey: UserTaskSpec['formKey'];
  /** ISO 8601 date-time, already resolved (durations are added to `ctx.now`). */
  readonly dueDate: string | null;
  readonly priority: number | null;
  readonly category: string | null;
}

/**
 * What the application must do for a step: `run-engine` turns these into rows. In the order they
 * happened, so history reads like the run.
 */
export type Effect =
  | { readonly type: 'activityStarted'; readonly executionId: string; readonly nodeId: string }
  | { readonly type: 'activityEnded'; readonly executionId: string; readonly nodeId: string }
  | { readonly type: 'createUserTask'; readonly executionId: string; readonly nodeId: string; readonly task: ResolvedUserTask }
  /** The tokens of these executions were removed without completing (terminate end, scope end): cancel their open tasks. */
  | { readonly type: 'executionsCancelled'; readonly executionIds: readonly string[] }
  | { readonly type: 'invokeService'; readonly executionId: string; readonly nodeId: string; readonly delegateExpression: string | null }
  | { readonly type: 'scheduleContinuation'; readonly executionId: string; readonly nodeId: string }
  | { readonly type: 'setVariable'; readonly name: string; readonly value: unknown }
  | { readonly type: 'incident'; readonly executionId: string; readonly nodeId: string; readonly incidentType: IncidentType; readonly message: string }
  | { readonly type: 'instanceEnded'; readonly endNodeId: string | null; readonly terminated: boolean };

export type IncidentType = 'NO_OUTGOING_FLOW' | 'EXPRESSION_FAILED' | 'STEP_BUDGET_EXHAUSTED';

/** What the pure core needs from the world, passed in so that it stays deterministic. */
export interface EngineContext {
  /** A new unique execution id (the application passes randomUUID; tests a counter). */
  newId(): string;
  /** Variables visible to expressions (instance scope), by name. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** ISO 8601 instant: "now", for due dates. */
  readonly now: string;
  /** Operations one `execute` call may run before it stops with an incident; default 10,000. */
  readonly stepBudget?: number;
}

export interface StepResult {
  readonly state: InstanceState;
  readonly effects: readonly Effect[];
}

/** Trigger errors the application maps to 4xx/409 (a trigger that does not fit the state). */
export type TriggerRejection =
  | { readonly code: 'EXECUTION_NOT_FOUND'; readonly message: string }
  | { readonly code: 'EXECUTION_NOT_WAITING'; readonly message: string }
  | { readonly code: 'INSTANCE_ENDED'; readonly message: string }
  | { readonly code: 'NO_START_EVENT'; readonly message: string }
  /** A start trigger with an existing state (added by engine-domain). */
  | { readonly code: 'INSTANCE_ALREADY_STARTED'; readonly message: string };
