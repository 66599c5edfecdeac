import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { FORM_MODEL, FormModels } from './form-models.js';
import { ModelViews } from './model.view.js';

export interface DeleteModelInput {
  readonly actor: Principal;
  readonly id: string;
}

/**
 * Deletes a model with its history and favorites (creator or admin). A process model that an app
 * model lists cannot be deleted (409, as Alfresco): remove it from the app first. Deleting an app
 * model also takes it off every landing page; the process definitions it deployed stay (instances
 * use them).
 */
@Injectable()
export class DeleteModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
    private readonly formModels: FormModels,
  ) {}

  @Transactional()
  async execute(input: DeleteModelInput): Promise<void> {
    const model = await this.views.requireWritable(input.actor, input.id);
    if (model.modelType === 0) {
      const apps = await this.models.appsUsing(model.id, input.actor.tenantId);
      if (apps.length > 0) throw EngineErrors.modelInUse(model.id, apps);
    }
    await this.models.delete(input.id, input.actor.tenantId);
    if (model.modelType === FORM_MODEL) await this.formModels.deleted(input.actor.tenantId, model.id);
  }
}
