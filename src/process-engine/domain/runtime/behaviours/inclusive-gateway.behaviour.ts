import type { FlowNode } from '../../model/process-model.js';
import type { Token, TokenRun } from '../token-run.js';
import type { Behaviour } from './behaviour.js';

/**
 * Join (Camunda/Flowable semantics): an arriving token waits (`joining`); the gateway fires when no
 * other execution of the same scope, from where it stands, can still reach the gateway. Then one
 * token continues and the others waiting there are consumed. Because a token elsewhere may end
 * later without coming here, the engine re-checks waiting inclusive joins whenever its agenda runs
 * empty (`fireInclusiveJoins`).
 * Fork: every flow whose condition is true (and every unconditioned one), else the default,
 * else an incident NO_OUTGOING_FLOW.
 */
export const inclusiveGateway: Behaviour = {
  enter(node, token, via, run) {
    if (node.incoming.length > 1) {
      token.status = 'joining';
      token.arrivedVia = via;
      tryFire(node, token.parentId!, run, token);
      return;
    }
    fork(node, token, run);
  },
};

function fork(node: FlowNode, token: Token, run: TokenRun): void {
  run.leaveBy(token, run.conditionalFlows(node, 'all'));
}

/** Fires the join at `node` in scope `scopeId` if nothing else can still arrive; true if it fired. */
export function tryFire(node: FlowNode, scopeId: string, run: TokenRun, preferred?: Token): boolean {
  const siblings = run.children(scopeId);
  const waiting = siblings.filter((t) => t.kind === 'token' && t.nodeId === node.id && t.status === 'joining');
  if (waiting.length === 0) return false;
  const blocked = siblings.some((t) => !waiting.includes(t) && t.nodeId !== null && (t.nodeId === node.id || run.reachable(t.nodeId).has(node.id)));
  if (blocked) return false;
  const continuing = preferred && waiting.includes(preferred) ? preferred : waiting[0]!;
  for (const t of waiting) {
    if (t === continuing) continue;
    run.emit({ type: 'activityEnded', executionId: t.id, nodeId: node.id });
    run.tokens.delete(t.id);
  }
  continuing.status = 'active';
  continuing.arrivedVia = null;
  fork(node, continuing, run);
  return true;
}

/** Re-checks every inclusive join that has waiting tokens; true if one fired. */
export function fireInclusiveJoins(run: TokenRun): boolean {
  for (const t of [...run.tokens.values()]) {
    if (t.kind !== 'token' || t.status !== 'joining' || !run.tokens.has(t.id)) continue;
    const node = run.model.nodes[t.nodeId ?? ''];
    if (node?.kind === 'inclusiveGateway' && tryFire(node, t.parentId!, run)) return true;
  }
  return false;
}
