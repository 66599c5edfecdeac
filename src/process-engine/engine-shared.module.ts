import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { OrgStructureModule } from '../org-structure/index.js';
import { EngineAccess } from './application/access/engine-access.js';
import { VariableStore } from './infrastructure/variable.store.js';

/** What every part of the engine shares: the visibility rules and the variable store. */
@Module({
  imports: [IdentityModule, OrgStructureModule],
  providers: [EngineAccess, VariableStore],
  exports: [EngineAccess, VariableStore, IdentityModule, OrgStructureModule],
})
export class EngineSharedModule {}
