import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';

export interface CompleteTaskInput {
  readonly actor: Principal;
  readonly taskId: string;
  /** Form outcome (forms issue); stored on the event. */
  readonly outcome?: string | null;
  /** Variables set on completion (instance scope unless `scope: 'local'`). */
  readonly variables?: ReadonlyArray<{ readonly name: string; readonly type?: string; readonly value: unknown; readonly scope?: 'local' | 'global' }>;
}

/**
 * Completes a task (assignee, owner, or a candidate who may act on it; admins): bumps its version
 * with `WHERE version = $seen` (a lost race is 409), ends it, and publishes
 * `process-engine.task.completed`; the engine's handler advances the instance in this transaction.
 */
@Injectable()
export class CompleteTask {
  async execute(input: CompleteTaskInput): Promise<void> {
    void input;
    throw new Error('CompleteTask: not implemented yet');
  }
}
