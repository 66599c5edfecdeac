import { Injectable } from '@nestjs/common';
import type { UserPayload } from '../../../../libs/contracts/index.js';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';
import { DepartmentMemberships } from './department-memberships.js';

/**
 * A deleted user leaves their department in the same transaction as the deletion, so no department
 * keeps a manager nobody can see and nobody reports to a deleted user. INACTIVE and VACATION users
 * stay members: seed 003 lists them among users and they may come back.
 */
@Injectable()
export class LeaveDepartmentOnUserDeleted {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly memberships: DepartmentMemberships,
  ) {}

  @OnDomainEvent('identity.user.deactivated')
  async onUserDeactivated(event: DomainEvent<'identity.user.deactivated', UserPayload>): Promise<void> {
    if (event.payload.status !== 'deleted') return;
    await this.departments.lockTenant(event.tenantId);
    const membership = await this.departments.membershipOf(event.tenantId, event.payload.userId);
    const userId = event.payload.userId;
    if (membership.managesDepartmentId !== null) await this.memberships.setManager(event.tenantId, { id: membership.managesDepartmentId, managerId: userId }, null);
    if (membership.departmentId !== null) await this.memberships.leave(event.tenantId, userId, membership.departmentId);
  }
}
