import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository, type ModelType } from '../../infrastructure/model.repository.js';
import { emptyAppDefinition, keyFromName, minimalBpmn } from './model-content.js';
import { FormModels } from './form-models.js';
import { checkContent } from './model-fields.js';
import { type ModelView, ModelViews } from './model.view.js';

export interface CreateModelInput {
  readonly actor: Principal;
  readonly name: string;
  readonly modelType: ModelType;
  readonly description?: string | null;
  /** Process models: the BPMN process id; default derived from the name. */
  readonly key?: string;
  readonly stencilSet?: string | null;
  /** Meridian extension: the initial content (BPMN XML, or the app definition JSON). */
  readonly content?: string;
  /** Where a model was imported from (kept as the document's `referenceId`). */
  readonly referenceId?: string | null;
}

/**
 * Creates a model in the caller's tenant, version 1. A process model starts with a minimal
 * valid BPMN (none start → none end) whose process id is the key; an app model with no models; a
 * form model's JSON is validated and kept by forms (FormModels; invalid: 400, nothing created).
 */
@Injectable()
export class CreateModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
    private readonly formModels: FormModels,
  ) {}

  @Transactional()
  async execute(input: CreateModelInput): Promise<ModelView> {
    const { actor } = input;
    const name = input.name.trim();
    if (name === '') throw EngineErrors.invalidModelContent('name', 'name must not be blank');
    const description = input.description ?? null;
    let key: string | null = null;
    let content: string | null = null;
    if (input.content !== undefined) {
      const checked = await checkContent(this.models, actor.tenantId, input.modelType, input.content, 'content');
      content = checked.content;
      if (checked.bpmn) {
        if (input.key !== undefined && input.key !== checked.bpmn.key) {
          throw EngineErrors.invalidModelContent('key', `key ${input.key} differs from the process id ${checked.bpmn.key} of the BPMN`);
        }
        key = checked.bpmn.key;
      }
    } else if (input.modelType === 0) {
      key = input.key ?? keyFromName(name);
      content = minimalBpmn(key, name, description);
    } else if (input.modelType === 3) {
      content = JSON.stringify(emptyAppDefinition());
    }
    if (input.modelType !== 0 && input.key !== undefined) key = input.key;
    const id = await this.models.insert({
      tenantId: actor.tenantId,
      name,
      key,
      description,
      modelType: input.modelType,
      content,
      comment: null,
      stencilSet: input.stencilSet ?? null,
      referenceId: input.referenceId ?? null,
      userId: actor.userId,
    });
    await this.formModels.saved(actor.tenantId, id);
    return this.views.current(actor, id);
  }
}
