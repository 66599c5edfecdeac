import type { FlowNode } from '../../model/process-model.js';
import type { Token, TokenRun } from '../token-run.js';

/**
 * What one kind of node does (Camunda's ActivityBehavior): `enter` runs when a token arrives
 * (after its activityStarted), `resume` when its wait ends (a user task completed, the last
 * token of a sub-process ended). Behaviours plan operations and emit effects through the run.
 */
export interface Behaviour {
  enter(node: FlowNode, token: Token, via: string | null, run: TokenRun): void;
  resume?(node: FlowNode, token: Token, run: TokenRun): void;
}
