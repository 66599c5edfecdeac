import { Injectable } from '@nestjs/common';
import { FormsApi, type FormOption } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineForms } from './engine-forms.js';

/**
 * `GET task-forms/{taskId}/form-values/{field}` (and `/{column}`): the options of a field of the task's
 * form (or of a column of its dynamic-table field), for anyone who sees the task.
 */
@Injectable()
export class TaskFormFieldValues {
  constructor(
    private readonly access: EngineAccess,
    private readonly engineForms: EngineForms,
    private readonly forms: FormsApi,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string; readonly fieldId: string; readonly columnId?: string }): Promise<FormOption[]> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    const task = await this.engineForms.taskRow(viewer.tenantId, input.taskId);
    const form = await this.engineForms.requireFormOfTask(task);
    return this.forms.fieldOptions(form, input.fieldId, input.columnId);
  }
}
