import type { Behaviour } from './behaviour.js';

/** Service tasks are a hook in this version: the application is told (invokeService), the token moves on. */
export const serviceTask: Behaviour = {
  enter(node, token, _via, run) {
    run.emit({ type: 'invokeService', executionId: token.id, nodeId: node.id, delegateExpression: node.delegateExpression });
    run.leaveBy(token, run.activityFlows(node));
  },
};
