import { Module } from '@nestjs/common';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';

/**
 * aps tasks: queries (runtime and historic), details, actions, checklists and task audit.
 * CompleteTask lives in EngineCoreModule (it needs the engine's repositories) and is exported by it.
 */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineTasksModule {}
