import { Injectable } from '@nestjs/common';
import type { DepartmentMembershipChangedPayload } from '../../../../libs/contracts/index.js';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { IdentityApi } from '../../../identity/index.js';
import { planManager } from '../../domain/department-rules.js';
import { DepartmentErrors } from '../../domain/department.errors.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';

/** What a membership write needs to know of the department: which one, and its manager until now. */
export interface ManagedDepartment {
  readonly id: string;
  readonly managerId: string | null;
}

/**
 * Every write to a department's members or manager, each publishing
 * `org-structure.membership.changed` in the caller's transaction, so that no use case can change a
 * membership without saying so.
 */
@Injectable()
export class DepartmentMemberships {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly identity: IdentityApi,
    private readonly bus: DomainEventBus,
  ) {}

  /** The user must exist (not deleted) in the tenant. */
  async requireUser(tenantId: string, userId: string, field: 'userId' | 'managerId'): Promise<void> {
    const [user] = await this.identity.userSummariesByIds(tenantId, [userId]);
    if (!user) throw DepartmentErrors.userNotFound(userId, field);
  }

  /** Puts the user in the department; `from` is their department until now, which they leave. */
  async join(tenantId: string, userId: string, departmentId: string, from: string | null): Promise<void> {
    await this.departments.putMember(tenantId, userId, departmentId);
    if (from !== null) await this.publish(tenantId, from, userId, 'removed');
    await this.publish(tenantId, departmentId, userId, 'added');
  }

  async leave(tenantId: string, userId: string, departmentId: string): Promise<void> {
    await this.departments.removeMember(tenantId, userId);
    await this.publish(tenantId, departmentId, userId, 'removed');
  }

  /** `userId` null: the department has no manager any more (the former one stays a member). */
  async setManager(tenantId: string, department: ManagedDepartment, userId: string | null): Promise<void> {
    await this.departments.setManager(tenantId, department.id, userId);
    if (department.managerId === userId) return;
    if (department.managerId !== null) await this.publish(tenantId, department.id, department.managerId, 'manager-removed');
    if (userId !== null) await this.publish(tenantId, department.id, userId, 'manager-appointed');
  }

  /**
   * Makes the user the department's manager. A user in no department joins it (a manager is a
   * member of the department they manage); the previous manager stays a member.
   */
  async appointManager(tenantId: string, department: ManagedDepartment, userId: string, field: 'userId' | 'managerId'): Promise<void> {
    await this.requireUser(tenantId, userId, field);
    const membership = await this.departments.membershipOf(tenantId, userId);
    const plan = planManager({ userId, departmentId: department.id, currentDepartmentId: membership.departmentId }, field);
    if (plan.joins) await this.join(tenantId, userId, department.id, null);
    await this.setManager(tenantId, department, userId);
  }

  private async publish(tenantId: string, departmentId: string, userId: string, change: DepartmentMembershipChangedPayload['change']): Promise<void> {
    await this.bus.publish('org-structure.membership.changed', { scope: 'department', departmentId, memberType: 'user', memberId: userId, change }, tenantId);
  }
}
