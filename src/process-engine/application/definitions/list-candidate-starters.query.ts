import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { type CandidateStarterView, requireDefinition, type StarterFamily } from './definition.view.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';

export interface ListCandidateStartersInput {
  readonly actor: Principal;
  readonly definitionId: string;
  /** Only users or only groups; all when absent. */
  readonly family?: StarterFamily;
}

/** The candidate starters of a definition of the caller's tenant, users first, in the order they were added. */
@Injectable()
export class ListCandidateStarters {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly definitions: DefinitionRepository,
  ) {}

  async execute(input: ListCandidateStartersInput): Promise<CandidateStarterView[]> {
    await requireDefinition(this.definitions, input.actor.tenantId, input.definitionId);
    const family = input.family === undefined ? '' : input.family === 'users' ? 'AND user_id IS NOT NULL' : 'AND group_id IS NOT NULL';
    return this.uow.query<CandidateStarterView>(
      `SELECT user_id::text AS "userId", group_id::text AS "groupId" FROM process_engine.identity_links
        WHERE tenant_id = $1 AND definition_id = $2 AND type = 'candidate' ${family} ORDER BY (user_id IS NULL), id`,
      [input.actor.tenantId, input.definitionId],
    );
  }
}
