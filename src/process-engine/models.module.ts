import { Module } from '@nestjs/common';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps models (BPMN export and import), app definitions and the user's filters. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineModelsModule {}
