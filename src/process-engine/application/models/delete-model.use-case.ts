import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { ModelViews } from './model.view.js';

export interface DeleteModelInput {
  readonly actor: Principal;
  readonly id: string;
}

/**
 * Deletes a model with its history and favorites (creator or admin). Deleting an app model also
 * takes it off every landing page; the process definitions it deployed stay (instances use them).
 */
@Injectable()
export class DeleteModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  @Transactional()
  async execute(input: DeleteModelInput): Promise<void> {
    await this.views.requireWritable(input.actor, input.id);
    await this.models.delete(input.id, input.actor.tenantId);
  }
}
