import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { AddGroupCapabilities } from './application/groups/add-group-capabilities.use-case.js';
import { AddGroupMember } from './application/groups/add-group-member.use-case.js';
import { CreateGroup } from './application/groups/create-group.use-case.js';
import { DeleteGroup } from './application/groups/delete-group.use-case.js';
import { GetGroupMembership } from './application/groups/get-group-membership.query.js';
import { GetGroup } from './application/groups/get-group.query.js';
import { GroupTenant } from './application/groups/group-tenant.query.js';
import { GroupGrants } from './application/groups/group-grants.handler.js';
import { GroupMembershipQuery } from './application/groups/group-membership.query.js';
import { ListAvailableGroups } from './application/groups/list-available-groups.query.js';
import { ListAvailableUsers } from './application/groups/list-available-users.query.js';
import { ListGroupCapabilities } from './application/groups/list-group-capabilities.query.js';
import { ListGroupMembers } from './application/groups/list-group-members.query.js';
import { ListGroupMemberships } from './application/groups/list-group-memberships.query.js';
import { ListGroups } from './application/groups/list-groups.query.js';
import { OrganizationMembersSource } from './application/groups/organization-members.handler.js';
import { ListGroupsOfUser } from './application/groups/list-groups-of-user.query.js';
import { RemoveGroupCapability } from './application/groups/remove-group-capability.use-case.js';
import { RemoveGroupMember } from './application/groups/remove-group-member.use-case.js';
import { UpdateGroup } from './application/groups/update-group.use-case.js';
import { GroupProfileSource } from './application/groups/profile-groups.source.js';
import { ApsAdminGroupsController } from './http/aps/aps-admin-groups.controller.js';
import { ApsGroupsController } from './http/aps/aps-groups.controller.js';
import { Pm3GroupsController } from './http/pm3/pm3-groups.controller.js';
import { Pm3GroupWorkspacePipe } from './http/pm3/pm3-groups.support.js';
import { Pm4GroupMembersController } from './http/pm4/pm4-group-members.controller.js';
import { Pm4GroupsController } from './http/pm4/pm4-groups.controller.js';
import { QgroupController } from './http/questetra/qgroup.controller.js';
import { QuestetraGroupLookup } from './http/questetra/questetra-groups.support.js';
import { RoleMembershipController } from './http/questetra/role-membership.controller.js';
import { GroupRepository } from './infrastructure/group.repository.js';

/** The group use cases every dialect's controllers call (pm4, aps and questetra controllers register here too). */
const useCases = [
  CreateGroup,
  UpdateGroup,
  DeleteGroup,
  GetGroup,
  GroupTenant,
  ListGroups,
  AddGroupMember,
  RemoveGroupMember,
  ListGroupMembers,
  ListAvailableUsers,
  ListGroupsOfUser,
  ListGroupMemberships,
  GetGroupMembership,
  ListAvailableGroups,
  AddGroupCapabilities,
  RemoveGroupCapability,
  ListGroupCapabilities,
];

/** Groups (system and functional, nested), memberships and capabilities, with their endpoints in every dialect. */
@Module({
  imports: [IdentityModule],
  controllers: [
    Pm3GroupsController,
    Pm4GroupsController,
    Pm4GroupMembersController,
    ApsAdminGroupsController,
    ApsGroupsController,
    QgroupController,
    RoleMembershipController,
  ],
  providers: [
    GroupRepository,
    GroupMembershipQuery,
    GroupGrants,
    OrganizationMembersSource,
    GroupProfileSource,
    Pm3GroupWorkspacePipe,
    QuestetraGroupLookup,
    ...useCases,
  ],
  exports: [GroupMembershipQuery, GroupRepository, ...useCases],
})
export class OrgGroupsModule {}
