import { Injectable } from '@nestjs/common';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';

export interface GetInstanceVariableInput extends VariablesActorInput {
  readonly instanceId: string;
  readonly name: string;
}

/** One variable of the process instance; ENGINE.VARIABLE_NOT_FOUND when it has none of that name. */
@Injectable()
export class GetInstanceVariable {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  async execute(input: GetInstanceVariableInput): Promise<StoredVariable> {
    const target = await this.targets.readable(input.actor, { kind: 'instance', instanceId: input.instanceId });
    const found = await this.store.get(ownScope(target), input.name);
    if (!found) throw EngineErrors.variableNotFound(input.name);
    return found;
  }
}
