import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository, type ModelType } from '../../infrastructure/model.repository.js';
import { FormModels } from './form-models.js';
import { type ModelView, ModelViews } from './model.view.js';

export interface CloneModelInput {
  readonly actor: Principal;
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  /** The document: 0 converts a step process into BPMN 2.0 (not supported here: 400). */
  readonly modelType?: ModelType;
}

/**
 * Copies a model's current version into a new model (version 1) owned by the caller; any user of
 * the tenant who can read the model may clone it. The copy keeps the content, so a cloned process
 * model keeps the original's process id (key) until its BPMN is changed.
 */
@Injectable()
export class CloneModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
    private readonly formModels: FormModels,
  ) {}

  @Transactional()
  async execute(input: CloneModelInput): Promise<ModelView> {
    const { actor } = input;
    const source = await this.views.require(actor, input.id);
    const name = input.name.trim();
    if (name === '') throw EngineErrors.invalidModelContent('name', 'name must not be blank');
    if (input.modelType !== undefined && input.modelType !== source.modelType) {
      throw EngineErrors.invalidModelContent(
        'modelType',
        source.modelType === 1 && input.modelType === 0
          ? 'Converting a step process into BPMN 2.0 is not supported'
          : `A model of type ${source.modelType} cannot be cloned into type ${input.modelType}`,
      );
    }
    const id = await this.models.insert({
      tenantId: actor.tenantId,
      name,
      key: source.key,
      description: input.description !== undefined ? input.description : source.description,
      modelType: source.modelType,
      content: source.content,
      comment: null,
      stencilSet: source.stencilSet,
      referenceId: null,
      userId: actor.userId,
    });
    await this.formModels.saved(actor.tenantId, id);
    return this.views.current(actor, id);
  }
}
