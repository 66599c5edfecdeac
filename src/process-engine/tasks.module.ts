import { Module } from '@nestjs/common';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps tasks: queries (runtime and historic), details, actions, checklists and task audit. */
@Module({
  // CompleteTask lives in EngineCoreModule (it needs the engine's repositories); re-exported here.
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [],
  providers: [],
  exports: [EngineCoreModule],
})
export class EngineTasksModule {}
