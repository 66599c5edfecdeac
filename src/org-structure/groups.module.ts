import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { GroupMembershipQuery } from './application/groups/group-membership.query.js';

/** Groups (system and functional, nested), memberships and capabilities, with their endpoints in every dialect. */
@Module({
  imports: [IdentityModule],
  controllers: [],
  providers: [GroupMembershipQuery],
  exports: [GroupMembershipQuery],
})
export class OrgGroupsModule {}
