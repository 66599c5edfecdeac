import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { instanceScope, ownScope, RuntimeTargets } from './runtime-target.js';
import type { VariablesActorInput } from './variable-input.js';
import { deleteVariable } from './write-variables.js';

export interface DeleteTaskVariablesInput extends VariablesActorInput {
  readonly taskId: string;
  /** One variable; absent: every local variable of the task. */
  readonly name?: string;
  /** Of the named variable: local (default) or global (the process instance's). */
  readonly scope?: 'local' | 'global';
}

/**
 * Deletes one variable through an open task (404 when its scope has none of that name), or all
 * the task's local variables (none is fine). Global variables go only by name.
 */
@Injectable()
export class DeleteTaskVariables {
  constructor(
    private readonly targets: RuntimeTargets,
    private readonly store: VariableStore,
  ) {}

  @Transactional()
  async execute(input: DeleteTaskVariablesInput): Promise<void> {
    const target = await this.targets.writable(input.actor, { kind: 'task', taskId: input.taskId });
    const audit = { userId: input.actor.userId, taskId: input.taskId };
    if (input.name === undefined) {
      const scope = ownScope(target);
      const all = await this.store.list(scope);
      await this.store.delete(scope, null, input.actor.userId);
      await this.store.audit({
        tenantId: target.tenantId,
        instanceId: target.instanceId,
        ...audit,
        scope: 'local',
        changes: all.map((v) => ({ name: v.name, type: v.type, value: null, change: 'deleted' as const })),
      });
      return;
    }
    if (input.scope === 'global') {
      const globalScope = instanceScope(target);
      if (globalScope === null) throw EngineErrors.variableNotFound(input.name);
      await deleteVariable(this.store, globalScope, input.name, { ...audit, scope: 'global' });
      return;
    }
    await deleteVariable(this.store, ownScope(target), input.name, { ...audit, scope: 'local' });
  }
}
