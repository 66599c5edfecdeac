import type { Behaviour } from './behaviour.js';

/** A start event of the process sets the initiator variable (`activiti:initiator`), then moves on. */
export const startEvent: Behaviour = {
  enter(node, token, _via, run) {
    if (node.initiatorVariable && node.scopeId === run.model.id && run.initiatorId !== null) run.setVariable(node.initiatorVariable, run.initiatorId);
    run.leaveBy(token, run.activityFlows(node));
  },
};
