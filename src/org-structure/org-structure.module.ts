import { Module } from '@nestjs/common';

/** The org-structure context (design.md §1). Empty until its issue lands. */
@Module({})
export class OrgStructureModule {}
