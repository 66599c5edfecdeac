import { Module } from '@nestjs/common';
import { EngineContentModule } from './engine-content.module.js';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineInstancesModule } from './instances.module.js';
import { EngineModelsModule } from './models.module.js';
import { EngineRuntimeDataModule } from './runtime-data.module.js';
import { EngineTaskFormsModule } from './task-forms.module.js';
import { EngineTasksModule } from './tasks.module.js';

/** The process-engine context (design.md §1, §3): BPMN execution, human tasks and the aps process API. */
@Module({
  imports: [
    EngineCoreModule,
    EngineInstancesModule,
    EngineTasksModule,
    EngineRuntimeDataModule,
    EngineModelsModule,
    EngineContentModule,
    EngineTaskFormsModule,
  ],
})
export class ProcessEngineModule {}
