import { Module } from '@nestjs/common';
import { OrgDepartmentsModule } from './departments.module.js';
import { OrgGroupsModule } from './groups.module.js';
import { OrgStructureApi } from './org-structure.api.js';

/** The org-structure context (design.md §1): groups, departments, memberships. */
@Module({
  imports: [OrgGroupsModule, OrgDepartmentsModule],
  providers: [OrgStructureApi],
  exports: [OrgStructureApi],
})
export class OrgStructureModule {}
