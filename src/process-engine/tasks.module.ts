import { Module } from '@nestjs/common';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps tasks: queries (runtime and historic), details, actions, checklists and task audit. CompleteTask comes from EngineCoreModule. */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineTasksModule {}
