import type { Behaviour } from './behaviour.js';

/** Manual tasks (and tasks without a type) are done outside the engine: the token moves on at once. */
export const manualTask: Behaviour = {
  enter(node, token, _via, run) {
    run.leaveBy(token, run.activityFlows(node));
  },
};
