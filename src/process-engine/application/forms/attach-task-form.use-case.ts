import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { EngineAccess } from '../access/engine-access.js';
import { FormErrors } from './engine-forms.js';

/**
 * `PUT tasks/{taskId}/action/attach-form` `{formId}`: the form model `formId` (an aps form model,
 * modelType 2, of the tenant; else 404 ENGINE.FORM_NOT_FOUND) becomes the task's form; the task's
 * `formKey` shows its id. Anyone who sees the task (as for task updates); an ended task or one of a
 * suspended instance: 409. Audited (`formAttached`).
 */
@Injectable()
export class AttachTaskForm {
  constructor(
    private readonly access: EngineAccess,
    private readonly tasks: TaskRepository,
    private readonly forms: FormsApi,
  ) {}

  @Transactional()
  async execute(input: { readonly actor: Principal; readonly taskId: string; readonly formId: string }): Promise<void> {
    const { actor, taskId } = input;
    const viewer = await this.access.requireTask(actor, taskId);
    const task = await this.tasks.lock(viewer.tenantId, taskId);
    if (!task) throw EngineErrors.taskNotFound(taskId);
    if (task.ended) throw EngineErrors.taskEnded(taskId);
    if (task.suspended === true) throw EngineErrors.taskSuspended(taskId);
    const form = await this.forms.formOfModel(viewer.tenantId, input.formId);
    if (!form) throw FormErrors.formModelNotFound(input.formId);
    await this.tasks.setFormModel(task, input.formId);
    await this.tasks.audit({
      tenantId: task.tenantId,
      instanceId: task.instanceId,
      taskId,
      type: 'form-attached',
      userId: actor.userId,
      details: { taskName: task.name, formId: input.formId, formName: form.name },
    });
  }
}
