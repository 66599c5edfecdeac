import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { ManagerOfUserQuery } from './application/departments/manager-of-user.query.js';

/** The department tree, its managers and memberships, with their endpoints. */
@Module({
  imports: [IdentityModule],
  controllers: [],
  providers: [ManagerOfUserQuery],
  exports: [ManagerOfUserQuery],
})
export class OrgDepartmentsModule {}
