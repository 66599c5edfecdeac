/** Events published by the process-engine context. Types only: this file imports nothing. */

/**
 * A task was completed. Published by the CompleteTask use case inside its transaction; the
 * engine's in-transaction handler advances the instance in that same transaction (design.md §2).
 * Standalone tasks carry `instanceId` and `executionId` null.
 */
export interface TaskCompletedPayload {
  readonly taskId: string;
  readonly instanceId: string | null;
  readonly executionId: string | null;
  readonly taskDefinitionKey: string | null;
  readonly completedBy: string;
  /** The form outcome, when the task was completed through a form (forms issue). */
  readonly outcome: string | null;
  /** The task's form key (a form model id when a form was attached); null: the task had no form, so no draft either. */
  readonly formKey: string | null;
}

export interface ProcessInstancePayload {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly definitionKey: string;
}

export interface ProcessEngineEvents {
  'process-engine.task.completed': TaskCompletedPayload;
  'process-engine.instance.started': ProcessInstancePayload;
  'process-engine.instance.ended': ProcessInstancePayload & { readonly state: 'completed' | 'deleted' };
  /** An async continuation is due (after commit): the engine runs the waiting token on. */
  'process-engine.continuation.due': { readonly instanceId: string; readonly executionId: string };
}
