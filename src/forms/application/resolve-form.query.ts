import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ResolvedForm } from '../forms.api.types.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository, type FormDefinitionRow } from '../infrastructure/form-definition.repository.js';
import { toResolvedForm } from './resolved-form.js';

/**
 * The form a `formKey` names: the deployment's form with that key first; else the tenant's form
 * model whose model id is the key (a number), else the one whose form key is the key — the newest
 * version of that model in both cases.
 *
 * A deployment's forms never change (they only go with their deployment), so which row a
 * deployment's key names is remembered: the next resolve of it is FormDefinitionCache.load of that
 * row id — no statement while the parsed row is cached. A row deleted since (its NOTIFY, or this
 * transaction's own delete, drops it from that cache) is read again, not found, and the lookup
 * runs in full. Form models are looked up every time (they are saved again in place).
 */
@Injectable()
export class ResolveForm {
  private readonly deploymentForms = new LRUCache<string, string>({ max: 5000 });

  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  async execute(input: { readonly tenantId: string; readonly deploymentId: string | null; readonly formKey: string }): Promise<ResolvedForm | null> {
    const key = input.formKey.trim();
    if (key === '') return null;
    let row: FormDefinitionRow | null = null;
    if (input.deploymentId !== null) {
      const remembered = `${input.tenantId}\u0000${input.deploymentId}\u0000${key}`;
      const id = this.deploymentForms.get(remembered);
      if (id !== undefined) {
        const loaded = await this.cache.load(id);
        if (loaded && loaded.row.tenantId === input.tenantId && loaded.row.deploymentId === input.deploymentId && loaded.row.key === key) return toResolvedForm(loaded);
        this.deploymentForms.delete(remembered);
      }
      row = await this.repository.ofDeployment(input.tenantId, input.deploymentId, key);
      if (row) this.deploymentForms.set(remembered, row.id);
    }
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
