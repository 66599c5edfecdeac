import type { ProcessModel } from '../model/process-model.js';
import type { EngineContext, InstanceState, StepResult, Trigger, TriggerRejection } from './instance-state.js';

/**
 * The engine's one entry point: given the compiled model, the instance's token tree and a trigger,
 * returns the new token tree and the effects of everything that ran until every token waits, joins,
 * failed with an incident, or the instance ended. Pure: no I/O, no clock, no randomness (design.md §3).
 *
 * An agenda of operations (enterNode, leaveNode, takeFlow) drained by a loop with a step budget;
 * one behaviour per node kind in ./behaviours.
 */
export function execute(
  model: ProcessModel,
  state: InstanceState | null,
  trigger: Trigger,
  ctx: EngineContext,
): StepResult | { readonly rejected: TriggerRejection } {
  void model;
  void state;
  void trigger;
  void ctx;
  throw new Error('not implemented yet');
}
