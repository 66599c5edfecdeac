import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { AppRepository, type PublishedApp } from '../../infrastructure/app.repository.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { parseAppDefinition, validateBpmn } from '../models/model-content.js';
import { checkAppModels } from '../models/model-fields.js';
import { type ModelView, ModelViews } from '../models/model.view.js';

export interface PublishAppInput {
  readonly actor: Principal;
  readonly modelId: string;
  readonly comment?: string | null;
  /** Accepted as Alfresco's clients send it; there is nothing to force here. */
  readonly force?: boolean;
}

export interface PublishAppResult {
  readonly model: ModelView;
  readonly definition: PublishedApp;
}

/**
 * Publishes an app model (creator or admin): checks that each bundled model is a process model of
 * the tenant with valid BPMN and that no two share a process key, makes a new version of the app
 * model (the previous one goes to the history) and freezes the process models' BPMN for deployment.
 */
@Injectable()
export class PublishApp {
  constructor(
    private readonly models: ModelRepository,
    private readonly apps: AppRepository,
    private readonly views: ModelViews,
  ) {}

  @Transactional()
  async execute(input: PublishAppInput): Promise<PublishAppResult> {
    const { actor, modelId } = input;
    const app = await this.views.requireWritable(actor, modelId);
    if (app.modelType !== 3) throw EngineErrors.modelWrongType(modelId, 'an app model');
    const content = parseAppDefinition(app.content ?? '{}', 'definition');
    const ids = content.models.map((m) => String(m.id));
    await checkAppModels(this.models, actor.tenantId, ids, 'definition.models');
    const rows = new Map((await this.models.lockMany(ids, actor.tenantId)).map((m) => [m.id, m]));
    const keys = new Map<string, string>();
    const published: Array<PublishedApp['models'][number]> = [];
    for (const [i, id] of ids.entries()) {
      const model = rows.get(id)!;
      const bpmn = await validateBpmn(model.content ?? '', `definition.models[${i}]`);
      const clash = keys.get(bpmn.key);
      if (clash !== undefined) {
        throw EngineErrors.invalidModelContent(`definition.models[${i}]`, `Process models ${clash} and ${id} both define process ${bpmn.key}`);
      }
      keys.set(bpmn.key, id);
      published.push({ modelId: id, version: model.version, name: model.name, key: bpmn.key, xml: model.content ?? '' });
    }
    await this.models.archive(app);
    await this.models.update(modelId, actor.tenantId, actor.userId, { bumpVersion: true, comment: input.comment ?? null });
    const definition: PublishedApp = { name: app.name, description: app.description, theme: content.theme, icon: content.icon, models: published };
    await this.apps.insertPublication({
      tenantId: actor.tenantId,
      appModelId: modelId,
      appVersion: app.version + 1,
      comment: input.comment ?? null,
      definition,
      userId: actor.userId,
    });
    return { model: await this.views.current(actor, modelId), definition };
  }
}
