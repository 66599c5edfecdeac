import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import type { UserPayload } from '../../../../libs/contracts/index.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { IdentityApi } from '../../../identity/index.js';
import { GroupRepository } from '../../infrastructure/group.repository.js';

/**
 * Capabilities of system groups become permissions of their direct members (system groups never
 * nest, so there is nothing to inherit). Identity asks on a permission-cache miss only; the
 * triggers on memberships and capabilities move the grant epoch, which makes that miss happen.
 * A deleted user leaves all their groups in the same transaction.
 */
@Injectable()
export class GroupGrants implements OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly groups: GroupRepository,
  ) {}

  onModuleInit(): void {
    this.identity.registerGrantSource({ grantsOf: (userId, tenantId) => this.groups.capabilitiesOfUser(userId, tenantId) });
  }

  @OnDomainEvent('identity.user.deactivated')
  async onUserDeactivated(event: DomainEvent<'identity.user.deactivated', UserPayload>): Promise<void> {
    if (event.payload.status === 'deleted') await this.groups.removeUserEverywhere(event.payload.userId, event.tenantId);
  }
}
