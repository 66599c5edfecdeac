import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi } from '../../../identity/index.js';
import { GroupErrors } from '../../domain/group.errors.js';
import { assertCarriesCapabilities, assertHoldsAll } from '../../domain/group-rules.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';
import { type GroupActorInput, groupTenant } from './group-access.js';
import type { CapabilityView } from './group.view.js';

export interface AddGroupCapabilitiesInput extends GroupActorInput {
  readonly groupId: string;
  /** Capability codes from ListPotentialCapabilities; ones the group has already are ignored. */
  readonly capabilities: readonly string[];
}

/** System groups only; each code must be a capability the actor holds. Takes effect on the members' next request. */
@Injectable()
export class AddGroupCapabilities {
  constructor(
    private readonly groups: GroupRepository,
    private readonly identity: IdentityApi,
  ) {}

  @Transactional()
  async execute(input: AddGroupCapabilitiesInput): Promise<CapabilityView[]> {
    const tenantId = groupTenant(input);
    const group = await this.groups.lockRow(input.groupId, tenantId);
    if (!group) throw GroupErrors.notFound(input.groupId);
    assertCarriesCapabilities(group);
    const known = new Set((await this.identity.capabilities()).map((c) => c.code));
    for (const code of input.capabilities) if (!known.has(code)) throw GroupErrors.capabilityUnknown(code);
    assertHoldsAll(input.actor.permissions, input.capabilities);
    await this.groups.addCapabilities(tenantId, group.id, input.capabilities);
    return this.groups.capabilities(group.id);
  }
}
