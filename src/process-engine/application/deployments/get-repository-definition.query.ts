import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { DefinitionRepository, type DefinitionRow } from '../../infrastructure/definition.repository.js';
import { EngineTenant } from './engine-tenant.js';

/** One process definition (and its BPMN bytes) of the caller's tenant; 404 for unknown or other-tenant ids. */
@Injectable()
export class GetRepositoryDefinition {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly definitions: DefinitionRepository,
  ) {}

  async execute(input: { readonly actor: Principal; readonly definitionId: string; readonly tenantId?: string }): Promise<DefinitionRow> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    const row = await this.definitions.find(tenantId, { id: input.definitionId });
    if (!row) throw EngineErrors.definitionNotFound(input.definitionId);
    return row;
  }

  async resource(input: { readonly actor: Principal; readonly definitionId: string; readonly tenantId?: string }): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    const res = await this.definitions.resource(input.definitionId, tenantId);
    if (!res) throw EngineErrors.definitionNotFound(input.definitionId);
    return res;
  }
}
