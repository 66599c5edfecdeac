import { Injectable } from '@nestjs/common';
import { FormsApi, type RenderedForm } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { InstanceReader } from '../instances/instance-reader.js';
import type { InstanceView } from '../instances/instance.view.js';
import { FormErrors } from './engine-forms.js';
import { UploadFieldContent } from './upload-field-content.js';

/**
 * `GET process-instances/{id}/start-form` (seed 004): the start form the instance was started
 * with, filled with the submitted values and read-only. Anyone who sees the instance; an instance
 * started without start-form values: 404 ENGINE.NO_START_FORM.
 */
@Injectable()
export class GetInstanceStartForm {
  constructor(
    private readonly access: EngineAccess,
    private readonly reader: InstanceReader,
    private readonly forms: FormsApi,
    private readonly uploads: UploadFieldContent,
  ) {}

  async execute(input: { readonly actor: Principal; readonly instanceId: string }): Promise<{ form: RenderedForm; instance: InstanceView }> {
    await this.access.requireInstance(input.actor, input.instanceId);
    const instance = await this.reader.one(input.actor.tenantId, input.instanceId, false);
    if (!instance) throw EngineErrors.instanceNotFound(input.instanceId);
    const submitted = await this.forms.submittedValues(input.actor.tenantId, { processInstanceId: input.instanceId, taskId: null });
    if (!submitted) throw FormErrors.noSubmittedStartForm(input.instanceId);
    const rendered = await this.forms.render(submitted.form, submitted.values, { readOnly: true });
    const form = await this.uploads.fill(rendered, { tenantId: input.actor.tenantId, userId: input.actor.userId, processInstanceId: input.instanceId, taskId: null });
    return { form, instance };
  }
}
