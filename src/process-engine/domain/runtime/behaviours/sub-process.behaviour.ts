import type { Behaviour } from './behaviour.js';

/**
 * Embedded sub-process: the arriving token becomes a `scope` execution and a child token starts at
 * the sub-process's none start event. When its last child ends, the scope is a token again and
 * `resume` leaves the sub-process through its outgoing flows.
 */
export const subProcess: Behaviour = {
  enter(node, token, _via, run) {
    token.kind = 'scope';
    token.status = 'active';
    const child = run.newToken(token.id, 'token', node.startNodeId);
    run.plan({ op: 'enterNode', tokenId: child.id, nodeId: node.startNodeId!, via: null });
  },
  resume(node, token, run) {
    run.leaveBy(token, run.activityFlows(node));
  },
};
