import { Module } from '@nestjs/common';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps tasks: queries (runtime and historic), details, actions, checklists and task audit. */
@Module({
  // CompleteTask is engine-core's (it needs the engine runner): take it from there rather than providing a second copy.
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineTasksModule {}
