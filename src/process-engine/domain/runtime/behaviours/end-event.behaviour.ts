import type { Behaviour } from './behaviour.js';

/**
 * None end: the token ends; the last token of a scope ends the scope. Terminate end: every other
 * token of its scope is removed too (executionsCancelled), which ends the scope at once: the
 * instance (terminated) in the process, the sub-process (which then moves on) inside one.
 */
export const endEvent: Behaviour = {
  enter(node, token, _via, run) {
    run.emit({ type: 'activityEnded', executionId: token.id, nodeId: node.id });
    run.endToken(token, node.id, node.terminate);
  },
};
