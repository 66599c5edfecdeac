import type { ProcessModel } from '../model/process-model.js';
import type { EngineContext, InstanceState, StepResult, Trigger, TriggerRejection } from './instance-state.js';
import { BEHAVIOURS } from './behaviours/index.js';
import { fireInclusiveJoins } from './behaviours/inclusive-gateway.behaviour.js';
import { ASYNC_BEFORE, TokenRun, type Operation } from './token-run.js';

export const DEFAULT_STEP_BUDGET = 10_000;

/**
 * The engine's one entry point: given the compiled model, the instance's token tree and a trigger,
 * returns the new token tree and the effects of everything that ran until every token waits, joins,
 * failed with an incident, or the instance ended. Pure: no I/O, no clock, no randomness (design.md §3).
 *
 * An agenda of operations (enterNode, leaveNode, takeFlow) drained by a loop with a step budget;
 * one behaviour per node kind in ./behaviours. Every operation costs one step; when the budget
 * runs out, every token that still had work gets an incident STEP_BUDGET_EXHAUSTED (a loop
 * without wait states stops instead of hanging). An ended instance has no executions left.
 */
export function execute(
  model: ProcessModel,
  state: InstanceState | null,
  trigger: Trigger,
  ctx: EngineContext,
): StepResult | { readonly rejected: TriggerRejection } {
  const rejection = check(model, state, trigger);
  if (rejection) return { rejected: rejection };
  const run = new TokenRun(model, trigger.type === 'start' ? null : state, ctx);
  switch (trigger.type) {
    case 'start': {
      const startNodeId = trigger.startNodeId ?? model.startNodeIds[0]!;
      const root = run.newToken('', 'root', null);
      root.parentId = null;
      const token = run.newToken(root.id, 'token', startNodeId);
      // set when the instance is created (as Activiti does), so that an async start event keeps it
      const initiatorVariable = model.nodes[startNodeId]!.initiatorVariable;
      if (initiatorVariable && trigger.initiatorId != null) run.setVariable(initiatorVariable, trigger.initiatorId);
      run.plan({ op: 'enterNode', tokenId: token.id, nodeId: startNodeId, via: null });
      break;
    }
    case 'complete': {
      const token = run.tokens.get(trigger.executionId)!;
      token.status = 'active';
      run.plan({ op: 'resume', tokenId: token.id });
      break;
    }
    case 'continue': {
      const token = run.tokens.get(trigger.executionId)!;
      const via = token.arrivedVia;
      token.status = 'active';
      token.arrivedVia = null;
      token.data = null;
      run.plan({ op: 'enterNode', tokenId: token.id, nodeId: token.nodeId!, via, skipAsync: true });
      break;
    }
  }
  drain(run, ctx.stepBudget ?? DEFAULT_STEP_BUDGET);
  return { state: run.snapshot(), effects: run.effects };
}

function check(model: ProcessModel, state: InstanceState | null, trigger: Trigger): TriggerRejection | null {
  if (trigger.type === 'start') {
    if (state !== null) return { code: 'INSTANCE_ALREADY_STARTED', message: 'The instance has already been started' };
    const id = trigger.startNodeId ?? model.startNodeIds[0];
    if (id === undefined || !model.startNodeIds.includes(id)) {
      return { code: 'NO_START_EVENT', message: id === undefined ? `Process '${model.id}' has no start event` : `'${id}' is not a start event of process '${model.id}'` };
    }
    return null;
  }
  if (state === null) return { code: 'EXECUTION_NOT_FOUND', message: `Execution ${trigger.executionId} not found: the instance has not started` };
  if (state.status !== 'running') return { code: 'INSTANCE_ENDED', message: `The instance has ended (${state.status})` };
  const token = state.executions.find((e) => e.id === trigger.executionId);
  if (!token) return { code: 'EXECUTION_NOT_FOUND', message: `Execution ${trigger.executionId} not found` };
  const node = token.nodeId === null ? undefined : model.nodes[token.nodeId];
  const asyncWait = token.data?.[ASYNC_BEFORE] === true;
  if (token.kind !== 'token' || token.status !== 'waiting' || !node) return { code: 'EXECUTION_NOT_WAITING', message: `Execution ${trigger.executionId} is not waiting` };
  if (trigger.type === 'complete' && (asyncWait || node.kind !== 'userTask')) {
    return { code: 'EXECUTION_NOT_WAITING', message: `Execution ${trigger.executionId} is not waiting at a user task` };
  }
  if (trigger.type === 'continue' && !asyncWait) return { code: 'EXECUTION_NOT_WAITING', message: `Execution ${trigger.executionId} is not waiting for an async continuation` };
  return null;
}

function drain(run: TokenRun, budget: number): void {
  let steps = 0;
  for (;;) {
    const op = run.agenda.shift();
    if (!op) {
      if (run.status === 'running' && fireInclusiveJoins(run)) continue;
      return;
    }
    if (!run.tokens.has(op.tokenId)) continue; // removed meanwhile (terminate end, join)
    if (steps >= budget) {
      exhausted(run, op, budget);
      return;
    }
    steps++;
    perform(run, op);
  }
}

function perform(run: TokenRun, op: Operation): void {
  const token = run.tokens.get(op.tokenId)!;
  switch (op.op) {
    case 'enterNode': {
      const node = run.node(op.nodeId);
      token.nodeId = node.id;
      if (node.async && !op.skipAsync) {
        token.status = 'waiting';
        token.arrivedVia = op.via;
        token.data = { ...(token.data ?? {}), [ASYNC_BEFORE]: true };
        run.emit({ type: 'scheduleContinuation', executionId: token.id, nodeId: node.id });
        return;
      }
      run.emit({ type: 'activityStarted', executionId: token.id, nodeId: node.id });
      BEHAVIOURS[node.kind].enter(node, token, op.via, run);
      return;
    }
    case 'resume': {
      const node = run.node(token.nodeId);
      BEHAVIOURS[node.kind].resume?.(node, token, run);
      return;
    }
    case 'leaveNode': {
      const node = run.node(token.nodeId);
      token.status = 'active';
      token.arrivedVia = null;
      run.emit({ type: 'activityEnded', executionId: token.id, nodeId: node.id });
      if (op.flowIds.length === 0) {
        run.endToken(token, node.id, false); // implicit end
        return;
      }
      op.flowIds.forEach((flowId, i) => {
        const mover = i === 0 ? token : run.newToken(token.parentId!, 'token', node.id);
        run.plan({ op: 'takeFlow', tokenId: mover.id, flowId });
      });
      return;
    }
    case 'takeFlow': {
      const flow = run.model.flows[op.flowId]!;
      run.plan({ op: 'enterNode', tokenId: token.id, nodeId: flow.targetId, via: flow.id });
      return;
    }
  }
}

function exhausted(run: TokenRun, first: Operation, budget: number): void {
  const stopped = new Set<string>();
  for (const op of [first, ...run.agenda]) {
    const token = run.tokens.get(op.tokenId);
    if (!token || stopped.has(token.id)) continue;
    stopped.add(token.id);
    // where the token was going: the node it has not entered yet
    if (op.op === 'enterNode') token.nodeId = op.nodeId;
    if (op.op === 'takeFlow') token.nodeId = run.model.flows[op.flowId]!.targetId;
    run.incident(token, 'STEP_BUDGET_EXHAUSTED', `The step budget of ${budget} operations ran out (a loop without wait states?)`);
  }
  run.agenda.length = 0;
}
