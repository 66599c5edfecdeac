import { Injectable } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { type CandidateStarterView, requireDefinition } from './definition.view.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';

export interface AddCandidateStarterInput {
  readonly actor: Principal;
  readonly definitionId: string;
  /** Exactly one of the two (the DTO checks it). */
  readonly userId?: string;
  readonly groupId?: string;
}

/**
 * Adds a candidate starter (identity link of type `candidate`) to a definition. Admins only; the
 * user must exist in the caller's tenant and the group be an active group of it (else 400 naming `user`/`group`); twice: 409.
 */
@Injectable()
export class AddCandidateStarter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly definitions: DefinitionRepository,
    private readonly access: EngineAccess,
    private readonly identity: IdentityApi,
    private readonly org: OrgStructureApi,
  ) {}

  @Transactional()
  async execute(input: AddCandidateStarterInput): Promise<CandidateStarterView> {
    const { actor } = input;
    if (!this.access.isAdmin(actor)) throw EngineErrors.adminOnly('change the candidate starters of a process definition');
    await requireDefinition(this.definitions, actor.tenantId, input.definitionId);
    if (input.userId !== undefined) {
      if ((await this.identity.existingUserIds(actor.tenantId, [input.userId])).length === 0) throw EngineErrors.starterIdentityNotFound('user', input.userId);
    } else if ((await this.org.groupIdsByReference(actor.tenantId, [input.groupId!])).get(input.groupId!) !== input.groupId) {
      throw EngineErrors.starterIdentityNotFound('group', input.groupId!);
    }
    this.definitions.startersChanged();
    const rows = await this.uow.query<CandidateStarterView>(
      `INSERT INTO process_engine.identity_links (tenant_id, definition_id, user_id, group_id, type) VALUES ($1, $2, $3, $4, 'candidate')
       ON CONFLICT DO NOTHING RETURNING user_id::text AS "userId", group_id::text AS "groupId"`,
      [actor.tenantId, input.definitionId, input.userId ?? null, input.groupId ?? null],
    );
    if (rows.length === 0) {
      throw EngineErrors.candidateStarterExists(input.definitionId, input.userId !== undefined ? 'users' : 'groups', (input.userId ?? input.groupId)!);
    }
    return rows[0]!;
  }
}
