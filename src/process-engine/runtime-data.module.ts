import { Module } from '@nestjs/common';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps variables, identity links and comments of process instances and tasks. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineRuntimeDataModule {}
