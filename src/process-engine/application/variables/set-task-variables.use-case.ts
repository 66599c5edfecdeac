import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { toTypedValues } from '../../domain/variables/typed-value.js';
import { type StoredVariable, VariableStore } from '../../infrastructure/variable.store.js';
import { instanceScope, ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariableInput, VariablesActorInput, VariableWriteMode } from './variable-input.js';
import { writeVariables } from './write-variables.js';

export interface SetTaskVariablesInput extends VariablesActorInput {
  readonly taskId: string;
  readonly variables: readonly VariableInput[];
  /** create (POST: 409 when the scope has the name) or update (PUT one: 404 when it has not). */
  readonly mode: Exclude<VariableWriteMode, 'upsert'>;
}

/**
 * Creates or updates variables through an open task, all or none. Each item's `scope` (default
 * local) decides where it lives: local on the task, global on its process instance (a standalone
 * task has none: 400). A name may appear once per scope.
 */
@Injectable()
export class SetTaskVariables {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  @Transactional()
  async execute(input: SetTaskVariablesInput): Promise<StoredVariable[]> {
    const target = await this.targets.writable(input.actor, { kind: 'task', taskId: input.taskId });
    const local = toTypedValues(input.variables.filter((v) => (v.scope ?? 'local') === 'local'));
    const global = toTypedValues(input.variables.filter((v) => v.scope === 'global'));
    const globalScope = instanceScope(target);
    if (global.length > 0 && globalScope === null) throw EngineErrors.noInstanceForGlobal(input.taskId);
    const audit = { userId: input.actor.userId, taskId: input.taskId };
    // Both scopes are checked before either is written: the 409/404 of the second leaves the first untouched too (one transaction).
    const written = [
      ...(await writeVariables(this.store, ownScope(target), local, input.mode, { ...audit, scope: 'local' })),
      ...(globalScope ? await writeVariables(this.store, globalScope, global, input.mode, { ...audit, scope: 'global' }) : []),
    ];
    const byKey = new Map(written.map((v) => [`${v.scope}:${v.name}`, v]));
    return input.variables.map((v) => byKey.get(`${v.scope ?? 'local'}:${v.name}`)!);
  }
}
