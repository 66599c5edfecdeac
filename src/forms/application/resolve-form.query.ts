import { Injectable } from '@nestjs/common';
import type { ResolvedForm } from '../forms.api.types.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository, type FormDefinitionRow } from '../infrastructure/form-definition.repository.js';
import { toResolvedForm } from './resolved-form.js';

/**
 * The form a `formKey` names: the deployment's form with that key first; else the tenant's form
 * model whose model id is the key (a number), else the one whose form key is the key — the newest
 * version of that model in both cases.
 */
@Injectable()
export class ResolveForm {
  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  async execute(input: { readonly tenantId: string; readonly deploymentId: string | null; readonly formKey: string }): Promise<ResolvedForm | null> {
    const key = input.formKey.trim();
    if (key === '') return null;
    let row: FormDefinitionRow | null = null;
    if (input.deploymentId !== null) row = await this.repository.ofDeployment(input.tenantId, input.deploymentId, key);
    row ??= await this.repository.latestOfModel(input.tenantId, key);
    row ??= await this.repository.latestModelByKey(input.tenantId, key);
    return row ? toResolvedForm(this.cache.remember(row)) : null;
  }

  /** A form model by model id (task action attach-form): its newest version. */
  async ofModel(tenantId: string, modelId: string): Promise<ResolvedForm | null> {
    const row = await this.repository.latestOfModel(tenantId, modelId.trim());
    return row ? toResolvedForm(this.cache.remember(row)) : null;
  }
}
