import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineForms } from './engine-forms.js';

/**
 * `GET task-forms/{taskId}/variables` (seed 004): `[{id, type, value}]`, the variables a task form
 * sees — the instance variables, with the task's local variables over them (a standalone task:
 * its local variables). Anyone who sees the task; it need not have a form. Sorted by name.
 */
@Injectable()
export class TaskFormVariables {
  constructor(
    private readonly access: EngineAccess,
    private readonly engineForms: EngineForms,
    private readonly variables: VariableStore,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<Array<{ id: string; type: string; value: unknown }>> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    const task = await this.engineForms.taskRow(viewer.tenantId, input.taskId);
    const byName = new Map<string, { id: string; type: string; value: unknown }>();
    if (task.instanceId !== null) {
      for (const v of await this.variables.list({ kind: 'instance', tenantId: task.tenantId, instanceId: task.instanceId })) byName.set(v.name, { id: v.name, type: v.type, value: v.value });
    }
    for (const v of await this.variables.list({ kind: 'task', tenantId: task.tenantId, taskId: task.id, instanceId: task.instanceId })) byName.set(v.name, { id: v.name, type: v.type, value: v.value });
    return [...byName.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
