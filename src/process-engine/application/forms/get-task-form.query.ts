import { Injectable } from '@nestjs/common';
import { FormsApi } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineForms } from './engine-forms.js';
import type { TaskFormView } from './task-form.view.js';
import { UploadFieldContent } from './upload-field-content.js';

/**
 * `GET task-forms/{taskId}`: the task's form (404 ENGINE.NO_TASK_FORM when it has none) for anyone
 * who sees the task. Open task: filled with the instance variables (task-local ones over them) and
 * the saved draft over both. Ended task: the values it was completed with, read-only. Upload fields
 * show their content objects (UploadFieldContent).
 */
@Injectable()
export class GetTaskForm {
  constructor(
    private readonly access: EngineAccess,
    private readonly engineForms: EngineForms,
    private readonly forms: FormsApi,
    private readonly uploads: UploadFieldContent,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<TaskFormView> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    const task = await this.engineForms.taskRow(viewer.tenantId, input.taskId);
    const shown = { tenantId: viewer.tenantId, userId: input.actor.userId, processInstanceId: task.instanceId, taskId: task.id };
    const form = await this.engineForms.requireFormOfTask(task);
    if (task.ended) {
      const submitted =
        task.instanceId === null ? null : await this.forms.submittedValues(viewer.tenantId, { processInstanceId: task.instanceId, taskId: task.id });
      const values = submitted?.values ?? (await this.engineForms.currentValues(task));
      return { form: await this.uploads.fill(await this.forms.render(submitted?.form ?? form, values, { readOnly: true }), shown), task, readOnly: true };
    }
    const values = await this.engineForms.currentValues(task);
    const draft = await this.forms.draftOf(viewer.tenantId, task.id);
    return { form: await this.uploads.fill(await this.forms.render(form, { ...values, ...(draft ?? {}) }), shown), task, readOnly: false };
  }
}
