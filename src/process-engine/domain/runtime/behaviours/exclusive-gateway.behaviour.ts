import type { Behaviour } from './behaviour.js';

/**
 * The first outgoing flow (document order) whose condition is true — a flow without condition
 * counts as true — else the default flow, else an incident NO_OUTGOING_FLOW. A condition that
 * fails to evaluate is an incident EXPRESSION_FAILED. Several incoming flows merge without waiting.
 */
export const exclusiveGateway: Behaviour = {
  enter(node, token, _via, run) {
    run.leaveBy(token, run.conditionalFlows(node, 'first'));
  },
};
