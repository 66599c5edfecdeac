import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IdentityApi, type UserOrgInfo, type UserOrgInfoSource } from '../../../identity/index.js';
import { DepartmentRepository } from '../../infrastructure/department.repository.js';

/** Tells identity each user's department and manager (ProcessMaker's dep_uid and usr_reports_to). */
@Injectable()
export class DepartmentUserOrgInfoSource implements UserOrgInfoSource, OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly departments: DepartmentRepository,
  ) {}

  onModuleInit(): void {
    this.identity.registerUserOrgInfoSource(this);
  }

  orgInfoOf(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, UserOrgInfo>> {
    return this.departments.orgInfoOf(tenantId, userIds);
  }
}
