import type { Principal } from '../../../identity/index.js';

/** One variable of a create or update body (design.md §8: `{name, type, value[, scope]}`). */
export interface VariableInput {
  readonly name: string;
  readonly type?: string | null;
  readonly value?: unknown;
  /** Task variables only: local (default, the task's own) or global (the process instance's). */
  readonly scope?: 'local' | 'global';
}

/**
 * How a write treats variables that exist: `create` refuses them (409, as Activiti's POST),
 * `update` refuses missing ones (404, as a PUT of one variable), `upsert` creates or updates.
 */
export type VariableWriteMode = 'create' | 'update' | 'upsert';

export interface VariablesActorInput {
  readonly actor: Principal;
}
