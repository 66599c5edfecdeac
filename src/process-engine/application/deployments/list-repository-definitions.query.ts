import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DefinitionRepository, type DefinitionRow, type DefinitionSortField } from '../../infrastructure/definition.repository.js';
import { EngineTenant } from './engine-tenant.js';

export interface ListRepositoryDefinitionsInput {
  readonly actor: Principal;
  readonly tenantId?: string;
  readonly key?: string;
  readonly keyLike?: string;
  readonly name?: string;
  readonly nameLike?: string;
  readonly version?: number;
  readonly latest?: boolean;
  readonly deploymentId?: string;
  readonly category?: string;
  readonly categoryLike?: string;
  readonly suspended?: boolean;
  readonly sort: DefinitionSortField;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
}

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
