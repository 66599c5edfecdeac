import type { NamedTypedValue } from '../../domain/variables/typed-value.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import type { StoredVariable, VariableChange, VariableScope, VariableStore } from '../../infrastructure/variable.store.js';
import type { VariableWriteMode } from './variable-input.js';

/**
 * Writes typed variables into one scope under the mode's rule, then records history
 * (variable_history through the store, one 'variables-updated' audit entry). Answers the
 * variables as stored, in the order given. Nothing is written when the rule fails.
 */
export async function writeVariables(
  store: VariableStore,
  scope: VariableScope,
  vars: readonly NamedTypedValue[],
  mode: VariableWriteMode,
  audit: { readonly userId: string; readonly taskId: string | null; readonly scope: 'local' | 'global' },
): Promise<StoredVariable[]> {
  if (vars.length === 0) return [];
  const existing = new Set(await store.existing(scope, vars.map((v) => v.name)));
  if (mode === 'create') {
    const taken = vars.find((v) => existing.has(v.name));
    if (taken) throw EngineErrors.variableExists(taken.name);
  }
  if (mode === 'update') {
    const missing = vars.find((v) => !existing.has(v.name));
    if (missing) throw EngineErrors.variableNotFound(missing.name);
  }
  return persist(store, scope, vars, existing, audit);
}

async function persist(
  store: VariableStore,
  scope: VariableScope,
  vars: readonly NamedTypedValue[],
  existing: ReadonlySet<string>,
  audit: { readonly userId: string; readonly taskId: string | null; readonly scope: 'local' | 'global' },
): Promise<StoredVariable[]> {
  await store.set(scope, vars, audit.userId);
  const changes: VariableChange[] = vars.map((v) => ({ name: v.name, type: v.type, value: v.value, change: existing.has(v.name) ? 'updated' : 'created' }));
  await store.audit({ tenantId: scope.tenantId, instanceId: scope.instanceId, taskId: audit.taskId, userId: audit.userId, scope: audit.scope, changes });
  const byName = new Map((await store.list(scope)).map((v) => [v.name, v]));
  return vars.map((v) => byName.get(v.name)!);
}

/** Deletes one variable of a scope with its history; ENGINE.VARIABLE_NOT_FOUND when there is none. */
export async function deleteVariable(
  store: VariableStore,
  scope: VariableScope,
  name: string,
  audit: { readonly userId: string; readonly taskId: string | null; readonly scope: 'local' | 'global' },
): Promise<void> {
  const found = await store.get(scope, name);
  if (!found) throw EngineErrors.variableNotFound(name);
  await store.delete(scope, [name], audit.userId);
  await store.audit({
    tenantId: scope.tenantId,
    instanceId: scope.instanceId,
    taskId: audit.taskId,
    userId: audit.userId,
    scope: audit.scope,
    changes: [{ name, type: found.type, value: null, change: 'deleted' }],
  });
}
