import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { ModelRepository, type ModelListFilter, type ModelSort, type ModelType } from '../../infrastructure/model.repository.js';
import { type ModelView, ModelViews } from './model.view.js';

export interface ListModelsInput {
  readonly actor: Principal;
  readonly filter?: ModelListFilter;
  readonly modelType: ModelType;
  readonly referenceId?: string;
  readonly sort: ModelSort;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Models of the caller's tenant. Every model is shared with the whole tenant (there is no per-model
 * sharing yet): `myprocesses` = created by the caller, `sharedWithMe` = created by others,
 * `sharedWithOthers` = created by the caller (all of them are visible to the tenant), `favorite` =
 * the caller's favorites; no filter = every model of the type.
 */
@Injectable()
export class ListModels {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  async execute(input: ListModelsInput): Promise<{ total: number; items: ModelView[] }> {
    const page = await this.models.list({
      tenantId: input.actor.tenantId,
      userId: input.actor.userId,
      filter: input.filter,
      modelType: input.modelType,
      referenceId: input.referenceId,
      sort: input.sort,
      offset: input.offset,
      limit: input.limit,
    });
    return { total: page.total, items: await this.views.render(input.actor, page.items) };
  }
}
