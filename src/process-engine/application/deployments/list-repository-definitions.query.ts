import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { type DefinitionCriteria, DefinitionRepository, type DefinitionRow } from '../../infrastructure/definition.repository.js';
import { EngineTenant } from './engine-tenant.js';

/** The repository's criteria; the tenant is a key or id the caller names (default: the caller's), see EngineTenant. */
export type ListRepositoryDefinitionsInput = Omit<DefinitionCriteria, 'tenantId'> & { readonly actor: Principal; readonly tenantId?: string };

/** Process definitions of a tenant for the Activiti subset: any user of the tenant. */
@Injectable()
export class ListRepositoryDefinitions {
  constructor(
    private readonly tenants: EngineTenant,
    private readonly definitions: DefinitionRepository,
  ) {}

  async execute(input: ListRepositoryDefinitionsInput): Promise<{ total: number; items: DefinitionRow[] }> {
    const tenantId = await this.tenants.resolve(input.actor, input.tenantId);
    return this.definitions.list({ ...input, tenantId });
  }
}
