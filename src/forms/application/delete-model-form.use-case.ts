import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository } from '../infrastructure/form-definition.repository.js';

/** A deleted form model takes every version of its form with it. */
@Injectable()
export class DeleteModelForm {
  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  @Transactional()
  async execute(tenantId: string, modelId: string): Promise<void> {
    for (const id of await this.repository.deleteOfModel(tenantId, modelId)) this.cache.forget(id);
  }
}
