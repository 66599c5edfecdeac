import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';
import { deleteVariable } from './write-variables.js';

export interface DeleteInstanceVariableInput extends VariablesActorInput {
  readonly instanceId: string;
  readonly name: string;
}

/** Deletes one variable of a running process instance (404 when it has none of that name). */
@Injectable()
export class DeleteInstanceVariable {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  @Transactional()
  async execute(input: DeleteInstanceVariableInput): Promise<void> {
    const target = await this.targets.writable(input.actor, { kind: 'instance', instanceId: input.instanceId });
    await deleteVariable(this.store, ownScope(target), input.name, { userId: input.actor.userId, taskId: null, scope: 'global' });
  }
}
