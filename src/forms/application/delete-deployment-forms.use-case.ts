import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository } from '../infrastructure/form-definition.repository.js';

/**
 * The forms of a deleted deployment go with it. Submission history stays (it refers to the form by
 * id only); a later `submittedValues` of such a submission answers null.
 */
@Injectable()
export class DeleteDeploymentForms {
  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  @Transactional()
  async execute(tenantId: string, deploymentId: string): Promise<void> {
    for (const id of await this.repository.deleteOfDeployment(tenantId, deploymentId)) this.cache.forget(id);
  }
}
