import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { type ModelView, ModelViews } from './model.view.js';

/** The current version of a model of the caller's tenant (any type); other tenants' ids are 404. */
@Injectable()
export class GetModel {
  constructor(private readonly views: ModelViews) {}

  execute(input: { readonly actor: Principal; readonly id: string }): Promise<ModelView> {
    return this.views.current(input.actor, input.id);
  }
}
