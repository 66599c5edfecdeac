import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { decideCompletion } from '../../domain/task/complete-rules.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineForms } from './engine-forms.js';

/**
 * `POST task-forms/{taskId}/save-form`: keeps the values as the task's draft until it is completed
 * (forms checks field ids and types only). Who: whoever may complete the task (403 otherwise);
 * an ended task or one of a suspended instance: 409; no form: 404. No variables are written.
 */
@Injectable()
export class SaveTaskForm {
  constructor(
    private readonly access: EngineAccess,
    private readonly tasks: TaskRepository,
    private readonly engineForms: EngineForms,
    private readonly forms: FormsApi,
  ) {}

  @Transactional()
  async execute(input: { readonly actor: Principal; readonly taskId: string; readonly values: Readonly<Record<string, unknown>> }): Promise<void> {
    const { actor, taskId } = input;
    const viewer = await this.access.requireTask(actor, taskId);
    const task = await this.tasks.lock(viewer.tenantId, taskId);
    if (!task) throw EngineErrors.taskNotFound(taskId);
    if (task.ended) throw EngineErrors.taskEnded(taskId);
    if (task.suspended === true) throw EngineErrors.taskSuspended(taskId);
    const decision = decideCompletion(task, viewer);
    if (!decision.allowed) throw decision.reason === 'delegated' ? EngineErrors.taskDelegated(taskId) : EngineErrors.mayNotComplete(taskId);
    const row = await this.engineForms.taskRow(viewer.tenantId, taskId);
    const form = await this.engineForms.requireFormOfTask(row);
    await this.forms.saveDraft(form, { tenantId: viewer.tenantId, userId: actor.userId, processInstanceId: row.instanceId, taskId }, input.values);
  }
}
