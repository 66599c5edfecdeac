import { Module } from '@nestjs/common';
import { DeployProcess } from './application/deployments/deploy-process.use-case.js';
import { StartProcessInstance } from './application/instances/start-process-instance.use-case.js';
import { EngineSharedModule } from './engine-shared.module.js';

/** Deployments, definitions, starting instances and advancing them (the engine runner), and the Activiti engine subset at /activiti-app/api/repository. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [DeployProcess, StartProcessInstance],
  exports: [DeployProcess, StartProcessInstance],
})
export class EngineCoreModule {}
