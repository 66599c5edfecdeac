import type { Behaviour } from './behaviour.js';

/**
 * A start event moves on at once (flow conditions as for activities). The initiator variable
 * (`activiti:initiator`) is set by `execute` when the instance is created, not here, so that an
 * async start event keeps it.
 */
export const startEvent: Behaviour = {
  enter(node, token, _via, run) {
    run.leaveBy(token, run.activityFlows(node));
  },
};
