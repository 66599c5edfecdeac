import { Module } from '@nestjs/common';
import { ContentModule } from '../content/index.js';
import { FormsModule } from '../forms/index.js';
import { IdentityModule } from '../identity/index.js';
import { OrgStructureModule } from '../org-structure/index.js';
import { EngineAccess } from './application/access/engine-access.js';
import { VariableStore } from './infrastructure/variable.store.js';

/** What every part of the engine shares: the visibility rules, the variable store, and the facades of forms and content. */
@Module({
  imports: [IdentityModule, OrgStructureModule, FormsModule, ContentModule],
  providers: [EngineAccess, VariableStore],
  exports: [EngineAccess, VariableStore, IdentityModule, OrgStructureModule, FormsModule, ContentModule],
})
export class EngineSharedModule {}
