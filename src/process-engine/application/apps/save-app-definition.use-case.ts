import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { UpdateModel } from '../models/update-model.use-case.js';
import { ModelViews } from '../models/model.view.js';
import { type AppDefinitionResult, GetAppDefinition } from './app-definition.query.js';
import { PublishApp } from './publish-app.use-case.js';

export interface SaveAppDefinitionInput {
  readonly actor: Principal;
  readonly modelId: string;
  readonly name?: string;
  readonly description?: string | null;
  /** The new definition: process model ids, theme, icon. A change makes a new app version. */
  readonly definition?: { readonly models: readonly number[]; readonly theme?: string; readonly icon?: string };
  /** Publish right after saving (Alfresco's `publish` flag). */
  readonly publish?: boolean;
}

/**
 * Saves an app model as Alfresco's app editor does (creator or admin): name, description and the
 * definition (checked as on create), then publishes when asked. One transaction: a refused publish
 * leaves the saved definition unsaved too.
 */
@Injectable()
export class SaveAppDefinition {
  constructor(
    private readonly views: ModelViews,
    private readonly update: UpdateModel,
    private readonly publishApp: PublishApp,
    private readonly get: GetAppDefinition,
  ) {}

  @Transactional()
  async execute(input: SaveAppDefinitionInput): Promise<AppDefinitionResult> {
    const { actor, modelId } = input;
    const app = await this.views.requireWritable(actor, modelId);
    if (app.modelType !== 3) throw EngineErrors.modelWrongType(modelId, 'an app model');
    const content = input.definition
      ? JSON.stringify({ models: input.definition.models.map((id) => ({ id })), theme: input.definition.theme, icon: input.definition.icon })
      : undefined;
    await this.update.execute({ actor, id: modelId, name: input.name, description: input.description, content, contentField: 'appDefinition.definition' });
    if (input.publish) await this.publishApp.execute({ actor, modelId });
    return this.get.execute({ actor, modelId });
  }
}
