import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type DefinitionView, requireDefinition } from './definition.view.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';

export interface GetStartFormInput {
  readonly actor: Principal;
  readonly definitionId: string;
}

/**
 * The start form of a definition, shape only until the forms issue fills it: the definition and
 * the start event's form key. No start form: 404.
 */
@Injectable()
export class GetStartForm {
  constructor(private readonly definitions: DefinitionRepository) {}

  async execute(input: GetStartFormInput): Promise<{ definition: DefinitionView; formKey: string }> {
    const definition = await requireDefinition(this.definitions, input.actor.tenantId, input.definitionId);
    if (!definition.hasStartForm || definition.startFormKey === null) throw EngineErrors.noStartForm(input.definitionId);
    return { definition, formKey: definition.startFormKey };
  }
}
