import type { Behaviour } from './behaviour.js';

/** A none intermediate throw event marks a milestone (history); the token moves on at once. */
export const intermediateThrowEvent: Behaviour = {
  enter(node, token, _via, run) {
    run.leaveBy(token, run.activityFlows(node));
  },
};
