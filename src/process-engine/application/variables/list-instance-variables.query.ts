import { Injectable } from '@nestjs/common';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';

export interface ListInstanceVariablesInput extends VariablesActorInput {
  readonly instanceId: string;
}

/** The process instance's variables, by name. */
@Injectable()
export class ListInstanceVariables {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  async execute(input: ListInstanceVariablesInput): Promise<StoredVariable[]> {
    const target = await this.targets.readable(input.actor, { kind: 'instance', instanceId: input.instanceId });
    return this.store.list(ownScope(target));
  }
}
