import { Injectable } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { requireDefinition, type StarterFamily } from './definition.view.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';

export interface RemoveCandidateStarterInput {
  readonly actor: Principal;
  readonly definitionId: string;
  readonly family: StarterFamily;
  readonly identityId: string;
}

/** Removes a candidate starter. Admins only; 404 when the user or group is not one. */
@Injectable()
export class RemoveCandidateStarter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly definitions: DefinitionRepository,
    private readonly access: EngineAccess,
  ) {}

  @Transactional()
  async execute(input: RemoveCandidateStarterInput): Promise<void> {
    const { actor } = input;
    if (!this.access.isAdmin(actor)) throw EngineErrors.adminOnly('change the candidate starters of a process definition');
    await requireDefinition(this.definitions, actor.tenantId, input.definitionId);
    this.definitions.startersChanged();
    const column = input.family === 'users' ? 'user_id' : 'group_id';
    const rows = await this.uow.query(
      `DELETE FROM process_engine.identity_links WHERE tenant_id = $1 AND definition_id = $2 AND type = 'candidate' AND ${column} = $3 RETURNING id`,
      [actor.tenantId, input.definitionId, input.identityId],
    );
    if (rows.length === 0) throw EngineErrors.candidateStarterNotFound(input.definitionId, input.family, input.identityId);
  }
}
