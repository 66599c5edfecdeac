import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type ModelChanges, ModelRepository } from '../../infrastructure/model.repository.js';
import { FormModels } from './form-models.js';
import { checkContent } from './model-fields.js';
import { type ModelView, ModelViews } from './model.view.js';

export interface UpdateModelInput {
  readonly actor: Principal;
  readonly id: string;
  readonly name?: string;
  readonly description?: string | null;
  /** The caller's own favorite flag: any user of the tenant may set it. */
  readonly favorite?: boolean;
  /** New content (BPMN XML for process models, the app definition JSON for apps): a new version. */
  readonly content?: string | Buffer;
  /** The new version's comment (with `content`). */
  readonly comment?: string | null;
  /** Which request field carried the content, for error messages (`content`, or `file` for uploads). */
  readonly contentField?: string;
  /** Only a BPMN 2.0 process model may be changed (a new version from an uploaded file): any other type is a 400. */
  readonly processModelOnly?: boolean;
}

/**
 * Updates a model. `favorite` alone needs only read access (it is per user); name, description and
 * content need write access (creator or admin). Name and description change the current version in
 * place; new content makes a new version and keeps the previous one in the history.
 */
@Injectable()
export class UpdateModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
    private readonly formModels: FormModels,
  ) {}

  @Transactional()
  async execute(input: UpdateModelInput): Promise<ModelView> {
    const { actor, id } = input;
    if (input.processModelOnly && (await this.views.require(actor, id)).modelType !== 0) throw EngineErrors.modelWrongType(id, 'a BPMN 2.0 process model');
    const edits = input.name !== undefined || input.description !== undefined || input.content !== undefined || input.comment !== undefined;
    if (edits) {
      const model = await this.views.requireWritable(actor, id);
      const changes: { -readonly [K in keyof ModelChanges]: ModelChanges[K] } = {};
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (name === '') throw EngineErrors.invalidModelContent('name', 'name must not be blank');
        changes.name = name;
      }
      if (input.description !== undefined) changes.description = input.description;
      if (input.content !== undefined) {
        const checked = await checkContent(this.models, actor.tenantId, model.modelType, input.content, input.contentField ?? 'content');
        if (checked.content !== model.content) {
          await this.models.archive(model);
          changes.content = checked.content;
          changes.bumpVersion = true;
          changes.comment = input.comment ?? null;
          if (checked.bpmn) changes.key = checked.bpmn.key;
        }
      } else if (input.comment !== undefined) {
        changes.comment = input.comment;
      }
      await this.models.update(id, actor.tenantId, actor.userId, changes);
      // A form model's new content or name goes to forms, which validates it (400 rolls the update back).
      if (changes.content !== undefined || changes.name !== undefined) await this.formModels.saved(actor.tenantId, id);
    } else {
      await this.views.require(actor, id);
    }
    if (input.favorite !== undefined) await this.models.setFavorite(id, actor.tenantId, actor.userId, input.favorite);
    return this.views.current(actor, id);
  }
}
