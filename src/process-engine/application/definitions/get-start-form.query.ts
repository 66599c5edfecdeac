import { Injectable } from '@nestjs/common';
import { FormsApi, type FormOption, type RenderedForm, type ResolvedForm } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';
import { EngineForms } from '../forms/engine-forms.js';
import { type DefinitionView, requireDefinition } from './definition.view.js';

export interface GetStartFormInput {
  readonly actor: Principal;
  readonly definitionId: string;
}

/**
 * The start form of a definition (seed 004 "Start Form"), rendered empty, for any user of the
 * tenant. No start form (no formKey on the start event, or one that names no form now): 404.
 * `fieldOptions`: `start-form-values/{field}` (and `/{column}` of a dynamic-table field).
 */
@Injectable()
export class GetStartForm {
  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly engineForms: EngineForms,
    private readonly forms: FormsApi,
  ) {}

  async execute(input: GetStartFormInput): Promise<{ definition: DefinitionView; form: RenderedForm }> {
    const { definition, form } = await this.resolve(input);
    return { definition, form: await this.forms.render(form, {}) };
  }

  async fieldOptions(input: GetStartFormInput & { readonly fieldId: string; readonly columnId?: string }): Promise<FormOption[]> {
    const { form } = await this.resolve(input);
    return this.forms.fieldOptions(form, input.fieldId, input.columnId);
  }

  private async resolve(input: GetStartFormInput): Promise<{ definition: DefinitionView; form: ResolvedForm }> {
    const definition = await requireDefinition(this.definitions, input.actor.tenantId, input.definitionId);
    const form = await this.engineForms.startFormOf(definition);
    if (!form) throw EngineErrors.noStartForm(input.definitionId);
    return { definition, form };
  }
}
