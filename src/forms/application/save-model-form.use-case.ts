import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ResolvedForm } from '../forms.api.types.js';
import { parseFormDefinition } from '../domain/form-definition.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { FormDefinitionCache } from '../infrastructure/form-definition.cache.js';
import { FormDefinitionRepository } from '../infrastructure/form-definition.repository.js';
import { toResolvedForm } from './resolved-form.js';

export interface SaveModelFormInput {
  readonly tenantId: string;
  readonly modelId: string;
  readonly name: string;
  readonly version: number;
  readonly json: unknown;
}

/**
 * An aps form model (modelType 2) was saved: its JSON (the form shape, or Alfresco's editor export
 * with `formDefinition` / `editorJson`) must be a valid form. Without a `key` the form's key is the
 * model id. Saving again at the same version replaces that version.
 */
@Injectable()
export class SaveModelForm {
  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly cache: FormDefinitionCache,
  ) {}

  @Transactional()
  async execute(input: SaveModelFormInput): Promise<ResolvedForm> {
    if (!Number.isInteger(input.version) || input.version < 1) throw FormsErrors.invalidForm([{ field: 'version', message: 'must be a whole number from 1' }]);
    const parsed = parseFormDefinition(input.json ?? {}, { fallbackKey: input.modelId, fallbackName: input.name });
    if (!parsed.ok) throw FormsErrors.invalidForm(parsed.problems);
    const row = await this.repository.upsertModelForm({
      tenantId: input.tenantId,
      modelId: input.modelId,
      version: input.version,
      key: parsed.form.key,
      name: input.name.trim() || parsed.form.name,
      definition: input.json ?? {},
    });
    this.cache.forget(row.id);
    return toResolvedForm({ row, form: { ...parsed.form, key: row.key, name: row.name } });
  }
}
