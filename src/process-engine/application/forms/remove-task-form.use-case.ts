import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { EngineAccess } from '../access/engine-access.js';

/**
 * `DELETE tasks/{taskId}/action/remove-form`: the task has no form any more (its `formKey` and any
 * attached form model are cleared; completing it is `action/complete`). Anyone who sees the task;
 * an ended task or one of a suspended instance: 409. A task without a form: nothing changes.
 */
@Injectable()
export class RemoveTaskForm {
  constructor(
    private readonly access: EngineAccess,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<void> {
    const { actor, taskId } = input;
    const viewer = await this.access.requireTask(actor, taskId);
    const task = await this.tasks.lock(viewer.tenantId, taskId);
    if (!task) throw EngineErrors.taskNotFound(taskId);
    if (task.ended) throw EngineErrors.taskEnded(taskId);
    if (task.suspended === true) throw EngineErrors.taskSuspended(taskId);
    const [current] = await this.tasks.formOf(taskId);
    if (current && current.formKey === null && current.formModelId === null) return;
    await this.tasks.setFormModel(task, null);
    await this.tasks.audit({ tenantId: task.tenantId, instanceId: task.instanceId, taskId, type: 'form-removed', userId: actor.userId, details: { taskName: task.name } });
  }
}
