import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { type ModelView, ModelViews } from './model.view.js';

/** Older versions of a model, newest first; with `includeLatestVersion` the current version leads the list. */
@Injectable()
export class ListModelHistory {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  async execute(input: { readonly actor: Principal; readonly id: string; readonly includeLatestVersion?: boolean }): Promise<ModelView[]> {
    const { actor, id } = input;
    const model = await this.views.require(actor, id);
    const older = await this.views.render(actor, await this.models.history(id, actor.tenantId));
    if (!input.includeLatestVersion) return older;
    const favorite = await this.models.isFavorite(id, actor.tenantId, actor.userId);
    const [current] = await this.views.render(actor, [{ ...model, favorite }]);
    return [current!, ...older];
  }
}

/** One older version of a model, by its history id; an id of another model's history is 404. */
@Injectable()
export class GetModelHistory {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  async execute(input: { readonly actor: Principal; readonly id: string; readonly historyId: string }): Promise<ModelView> {
    const { actor, id, historyId } = input;
    await this.views.require(actor, id);
    const entry = await this.models.historyEntry(id, historyId, actor.tenantId);
    if (!entry) throw EngineErrors.modelHistoryNotFound(id, historyId);
    return (await this.views.render(actor, [entry]))[0]!;
  }
}
