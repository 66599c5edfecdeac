import { Injectable } from '@nestjs/common';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { instanceScope, ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';

export interface GetTaskVariableInput extends VariablesActorInput {
  readonly taskId: string;
  readonly name: string;
  /** local or global; absent: the local one, else the global one (Activiti's lookup). */
  readonly scope?: 'local' | 'global';
}

/** One variable as the task sees it; ENGINE.VARIABLE_NOT_FOUND when the scope has none of that name. */
@Injectable()
export class GetTaskVariable {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  async execute(input: GetTaskVariableInput): Promise<StoredVariable> {
    const target = await this.targets.readable(input.actor, { kind: 'task', taskId: input.taskId });
    const globalScope = instanceScope(target);
    const local = input.scope === 'global' ? null : await this.store.get(ownScope(target), input.name);
    const found = local ?? (input.scope === 'local' || globalScope === null ? null : await this.store.get(globalScope, input.name));
    if (!found) throw EngineErrors.variableNotFound(input.name);
    return found;
  }
}
