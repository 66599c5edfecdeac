import { Injectable } from '@nestjs/common';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { instanceScope, ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';

export interface ListTaskVariablesInput extends VariablesActorInput {
  readonly taskId: string;
  /** local: the task's own; global: its process instance's; absent: both. */
  readonly scope?: 'local' | 'global';
}

/**
 * A task's variables with their scope. Without a scope both are listed and a local variable hides
 * a global one of the same name (what the task sees, as Activiti's task variable list). A standalone
 * task has no global variables.
 */
@Injectable()
export class ListTaskVariables {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  async execute(input: ListTaskVariablesInput): Promise<StoredVariable[]> {
    const target = await this.targets.readable(input.actor, { kind: 'task', taskId: input.taskId });
    const globalScope = instanceScope(target);
    const local = input.scope === 'global' ? [] : await this.store.list(ownScope(target));
    const global = input.scope === 'local' || globalScope === null ? [] : await this.store.list(globalScope);
    const localNames = new Set(local.map((v) => v.name));
    return [...local, ...global.filter((v) => !localNames.has(v.name))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
