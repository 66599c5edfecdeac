import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { parseAppDefinition } from '../models/model-content.js';
import { type ModelView, ModelViews } from '../models/model.view.js';
import type { AppDefinitionSummary } from './app-definition.view.js';

export interface AppDefinitionResult {
  readonly model: ModelView;
  readonly definition: AppDefinitionSummary;
}

/**
 * An app model with its current definition: the process models it lists (their current name,
 * version and key; one deleted since is left out), theme and icon. A model that is not an app: 400.
 */
@Injectable()
export class GetAppDefinition {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  async execute(input: { readonly actor: Principal; readonly modelId: string }): Promise<AppDefinitionResult> {
    const { actor, modelId } = input;
    const app = await this.views.require(actor, modelId);
    if (app.modelType !== 3) throw EngineErrors.modelWrongType(modelId, 'an app model');
    const content = parseAppDefinition(app.content ?? '{}', 'definition');
    const ids = content.models.map((m) => String(m.id));
    const rows = new Map((await this.models.findMany(ids, actor.tenantId)).map((m) => [m.id, m]));
    const models = ids.flatMap((id) => {
      const m = rows.get(id);
      return m ? [{ modelId: m.id, name: m.name, version: m.version, key: m.key }] : [];
    });
    return { model: await this.views.current(actor, modelId), definition: { theme: content.theme, icon: content.icon, models } };
  }
}
