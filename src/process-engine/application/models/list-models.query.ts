import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { type ModelCriteria, ModelRepository } from '../../infrastructure/model.repository.js';
import { type ModelView, ModelViews } from './model.view.js';

/** The repository's criteria, for the caller's tenant and user. */
export type ListModelsInput = Omit<ModelCriteria, 'tenantId' | 'userId'> & { readonly actor: Principal };

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
    const { actor, ...criteria } = input;
    const page = await this.models.list({ ...criteria, tenantId: actor.tenantId, userId: actor.userId });
    return { total: page.total, items: await this.views.render(input.actor, page.items) };
  }
}
