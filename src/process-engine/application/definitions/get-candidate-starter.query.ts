import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type CandidateStarterView, requireDefinition, type StarterFamily } from './definition.view.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';

export interface GetCandidateStarterInput {
  readonly actor: Principal;
  readonly definitionId: string;
  readonly family: StarterFamily;
  readonly identityId: string;
}

/** One candidate starter of a definition of the caller's tenant (any user of the tenant may read it); 404 when it is not one. */
@Injectable()
export class GetCandidateStarter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly definitions: DefinitionRepository,
  ) {}

  async execute(input: GetCandidateStarterInput): Promise<CandidateStarterView> {
    await requireDefinition(this.definitions, input.actor.tenantId, input.definitionId);
    const column = input.family === 'users' ? 'user_id' : 'group_id';
    const rows = await this.uow.query<CandidateStarterView>(
      `SELECT user_id::text AS "userId", group_id::text AS "groupId" FROM process_engine.identity_links
        WHERE tenant_id = $1 AND definition_id = $2 AND type = 'candidate' AND ${column} = $3`,
      [input.actor.tenantId, input.definitionId, input.identityId],
    );
    if (rows.length === 0) throw EngineErrors.candidateStarterNotFound(input.definitionId, input.family, input.identityId);
    return rows[0]!;
  }
}
