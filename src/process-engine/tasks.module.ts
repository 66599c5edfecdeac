import { Module } from '@nestjs/common';
import { CompleteTask } from './application/tasks/complete-task.use-case.js';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps tasks: queries (runtime and historic), details, actions, checklists and task audit. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [CompleteTask],
  exports: [CompleteTask],
})
export class EngineTasksModule {}
