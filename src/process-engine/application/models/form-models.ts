import { Injectable } from '@nestjs/common';
import { FormsApi } from '../../../forms/index.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';

/** aps form models (modelType 2, seed 004 "Models") as forms knows them. */
export const FORM_MODEL = 2;

/**
 * Keeps forms in step with the form models: after a form model's row was written (create, new
 * content, rename, clone), forms validates its JSON and keeps it as that model's form —
 * `FormsApi.saveModelForm`, whose 400 (FORMS.INVALID_FORM, every problem listed) rolls the model
 * write back; deleting the model deletes the form. A form model without content is the empty form
 * `{name, fields: [], outcomes: []}` (forms keys a model form without a key by its model id).
 */
@Injectable()
export class FormModels {
  constructor(
    private readonly forms: FormsApi,
    private readonly models: ModelRepository,
  ) {}

  async saved(tenantId: string, modelId: string): Promise<void> {
    const model = await this.models.find(modelId, tenantId);
    if (!model || model.modelType !== FORM_MODEL) return;
    const json: unknown =
      model.content !== null ? JSON.parse(model.content) : { name: model.name, fields: [], outcomes: [] };
    await this.forms.saveModelForm({ tenantId, modelId, name: model.name, version: model.version, json });
  }

  async deleted(tenantId: string, modelId: string): Promise<void> {
    await this.forms.deleteModelForm(tenantId, modelId);
  }
}
