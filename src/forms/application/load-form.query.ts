import { Injectable } from '@nestjs/common';
import type { ResolvedForm } from '../forms.api.types.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { FormDefinitionCache, type LoadedForm } from '../infrastructure/form-definition.cache.js';

/** The parsed definition behind a ResolvedForm (cached by id). */
@Injectable()
export class LoadForm {
  constructor(private readonly cache: FormDefinitionCache) {}

  async execute(form: Pick<ResolvedForm, 'id' | 'tenantId'>): Promise<LoadedForm> {
    const loaded = await this.cache.load(form.id);
    if (!loaded || loaded.row.tenantId !== form.tenantId) throw FormsErrors.formNotFound(form.id);
    return loaded;
  }
}
