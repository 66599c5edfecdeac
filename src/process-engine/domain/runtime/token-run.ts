import type { FlowNode, ProcessModel } from '../model/process-model.js';
import type { Effect, EngineContext, ExecutionKind, ExecutionState, ExecutionStatus, IncidentType, InstanceState } from './instance-state.js';
import { evaluateCondition } from '../expressions/expressions.js';

/** An execution while a step runs (mutable copy of ExecutionState). */
export interface Token {
  id: string;
  parentId: string | null;
  kind: ExecutionKind;
  nodeId: string | null;
  status: ExecutionStatus;
  arrivedVia: string | null;
  data: Record<string, unknown> | null;
}

/** The agenda's operations (Flowable's ContinueProcess/TakeOutgoingSequenceFlows/…). */
export type Operation =
  | { readonly op: 'enterNode'; readonly tokenId: string; readonly nodeId: string; readonly via: string | null; readonly skipAsync?: boolean }
  | { readonly op: 'leaveNode'; readonly tokenId: string; readonly flowIds: readonly string[] }
  | { readonly op: 'takeFlow'; readonly tokenId: string; readonly flowId: string }
  /** A behaviour's own continuation (a user task completed, a sub-process's last token ended). */
  | { readonly op: 'resume'; readonly tokenId: string };

export type FlowChoice = { readonly ok: true; readonly flowIds: readonly string[] } | { readonly ok: false; readonly type: IncidentType; readonly message: string };

/** Data of a token waiting before an async node. */
export const ASYNC_BEFORE = 'asyncBefore';

/**
 * The state of one `execute` call: the token tree, the agenda, the effects so far, and the
 * variables (the context's, plus those set during this step). Behaviours act through it.
 */
export class TokenRun {
  readonly tokens = new Map<string, Token>();
  readonly effects: Effect[] = [];
  readonly agenda: Operation[] = [];
  readonly variables: Record<string, unknown>;
  status: InstanceState['status'];
  private readonly reachCache = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly model: ProcessModel,
    state: InstanceState | null,
    readonly ctx: EngineContext,
  ) {
    this.variables = { ...ctx.variables };
    this.status = state?.status ?? 'running';
    for (const e of state?.executions ?? []) this.tokens.set(e.id, { ...e, data: e.data ? { ...e.data } : null });
  }

  node(id: string | null): FlowNode {
    const node = id === null ? undefined : this.model.nodes[id];
    if (!node) throw new Error(`The model has no node '${id}'`);
    return node;
  }

  plan(op: Operation): void {
    this.agenda.push(op);
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  setVariable(name: string, value: unknown): void {
    this.variables[name] = value;
    this.emit({ type: 'setVariable', name, value });
  }

  newToken(parentId: string | null, kind: ExecutionKind, nodeId: string | null): Token {
    const token: Token = { id: this.ctx.newId(), parentId, kind, nodeId, status: 'active', arrivedVia: null, data: null };
    this.tokens.set(token.id, token);
    return token;
  }

  children(parentId: string): Token[] {
    return [...this.tokens.values()].filter((t) => t.parentId === parentId);
  }

  descendants(parentId: string): Token[] {
    const out: Token[] = [];
    const queue = [parentId];
    while (queue.length) {
      const id = queue.shift()!;
      for (const t of this.children(id)) {
        out.push(t);
        queue.push(t.id);
      }
    }
    return out;
  }

  incident(token: Token, type: IncidentType, message: string): void {
    token.status = 'incident';
    this.emit({ type: 'incident', executionId: token.id, nodeId: token.nodeId ?? '', incidentType: type, message });
  }

  /** Leaves the token's node through the chosen flows, or raises the incident of a failed choice. */
  leaveBy(token: Token, choice: FlowChoice): void {
    if (choice.ok) this.plan({ op: 'leaveNode', tokenId: token.id, flowIds: choice.flowIds });
    else this.incident(token, choice.type, choice.message);
  }

  /**
   * The flows an activity or event leaves by: every unconditioned flow and every flow whose
   * condition is true; the default flow when none is; none at all (an implicit end) when the node
   * has no outgoing flow.
   */
  activityFlows(node: FlowNode): FlowChoice {
    if (node.outgoing.length === 0) return { ok: true, flowIds: [] };
    return this.conditionalFlows(node, 'all');
  }

  /**
   * The outgoing flows whose condition is true (a flow without condition counts as true; the
   * default flow is not tried): the first one (exclusive) or all (inclusive, activities); the
   * default flow when none is; else NO_OUTGOING_FLOW. A failing condition is EXPRESSION_FAILED.
   */
  conditionalFlows(node: FlowNode, take: 'first' | 'all'): FlowChoice {
    const chosen: string[] = [];
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlowId) continue;
      const condition = this.model.flows[flowId]!.condition;
      if (condition) {
        const r = evaluateCondition(condition, this.variables);
        if (!r.ok) return { ok: false, type: 'EXPRESSION_FAILED', message: `Condition of sequence flow '${flowId}' failed: ${r.message}` };
        if (!r.value) continue;
      }
      chosen.push(flowId);
      if (take === 'first') break;
    }
    if (chosen.length) return { ok: true, flowIds: chosen };
    if (node.defaultFlowId) return { ok: true, flowIds: [node.defaultFlowId] };
    return { ok: false, type: 'NO_OUTGOING_FLOW', message: `No outgoing sequence flow of '${node.id}' can be taken: no condition is true and there is no default flow` };
  }

  /** Removes a token that has finished (end event, implicit end); ends its scope when it was the last. */
  endToken(token: Token, endNodeId: string, terminate: boolean): void {
    this.tokens.delete(token.id);
    const scope = token.parentId ? this.tokens.get(token.parentId) : undefined;
    if (!scope) return;
    if (terminate) {
      const removed = this.descendants(scope.id);
      for (const t of removed) {
        this.tokens.delete(t.id);
        // close its open activity (history); a token parked before an async node never started one
        if (t.nodeId !== null && t.data?.[ASYNC_BEFORE] !== true) this.emit({ type: 'activityEnded', executionId: t.id, nodeId: t.nodeId });
      }
      if (removed.length) this.emit({ type: 'executionsCancelled', executionIds: removed.map((t) => t.id) });
    }
    if (this.children(scope.id).length > 0) return;
    if (scope.kind === 'root') {
      this.tokens.delete(scope.id);
      this.status = terminate ? 'terminated' : 'completed';
      this.agenda.length = 0;
      this.emit({ type: 'instanceEnded', endNodeId, terminated: terminate });
      return;
    }
    // an embedded sub-process whose last token ended: the scope is a token at the sub-process again
    scope.kind = 'token';
    scope.status = 'active';
    this.plan({ op: 'resume', tokenId: scope.id });
  }

  /** Nodes reachable from `nodeId` through sequence flows (the node itself excluded unless on a cycle). */
  reachable(nodeId: string): ReadonlySet<string> {
    let set = this.reachCache.get(nodeId);
    if (set) return set;
    const seen = new Set<string>();
    const queue = [nodeId];
    while (queue.length) {
      const n = this.model.nodes[queue.pop()!];
      for (const f of n?.outgoing ?? []) {
        const t = this.model.flows[f]!.targetId;
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    set = seen;
    this.reachCache.set(nodeId, set);
    return set;
  }

  snapshot(): InstanceState {
    const executions: ExecutionState[] =
      this.status === 'running'
        ? [...this.tokens.values()].map((t) => ({ id: t.id, parentId: t.parentId, kind: t.kind, nodeId: t.nodeId, status: t.status, arrivedVia: t.arrivedVia, data: t.data }))
        : [];
    return { status: this.status, executions };
  }
}
