import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { toTypedValues } from '../../domain/variables/typed-value.js';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariableInput, VariablesActorInput, VariableWriteMode } from './variable-input.js';
import { writeVariables } from './write-variables.js';

export interface SetInstanceVariablesInput extends VariablesActorInput {
  readonly instanceId: string;
  readonly variables: readonly VariableInput[];
  readonly mode: VariableWriteMode;
}

/**
 * Creates or updates variables of a running process instance, all or none: every value is typed
 * first (one bad item fails the request, naming it), then the mode's rule is checked for every
 * name. `scope` on an item is accepted and ignored: an instance's own variables are its global ones.
 */
@Injectable()
export class SetInstanceVariables {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  @Transactional()
  async execute(input: SetInstanceVariablesInput): Promise<StoredVariable[]> {
    const target = await this.targets.writable(input.actor, { kind: 'instance', instanceId: input.instanceId });
    const typed = toTypedValues(input.variables);
    return writeVariables(this.store, ownScope(target), typed, input.mode, { userId: input.actor.userId, taskId: null, scope: 'global' });
  }
}
