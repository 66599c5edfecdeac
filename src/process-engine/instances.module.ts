import { Module } from '@nestjs/common';
import { EngineSharedModule } from './engine-shared.module.js';

/** aps process definitions, process instances, historic process instances, audit logs and incidents. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EngineInstancesModule {}
