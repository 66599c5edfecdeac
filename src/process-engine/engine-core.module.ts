import { Module } from '@nestjs/common';
import { DeployProcess } from './application/deployments/deploy-process.use-case.js';
import { AdvanceOnTaskCompleted } from './application/engine/advance-on-task-completed.handler.js';
import { AssignmentResolver } from './application/engine/assignment-resolver.js';
import { ContinueInstance } from './application/engine/continue-instance.handler.js';
import { RunEngine } from './application/engine/run-engine.js';
import { StartProcessInstance } from './application/instances/start-process-instance.use-case.js';
import { CompleteTask } from './application/tasks/complete-task.use-case.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { DefinitionRepository } from './infrastructure/definition.repository.js';
import { DeploymentRepository } from './infrastructure/deployment.repository.js';
import { EngineWrites } from './infrastructure/engine-writes.js';
import { ExecutionRepository } from './infrastructure/execution.repository.js';
import { InstanceRepository } from './infrastructure/instance.repository.js';

/** Deployments, definitions, starting instances and advancing them (the engine runner), and the Activiti engine subset at /activiti-app/api/repository. */
@Module({
  imports: [EngineSharedModule],
  controllers: [],
  providers: [
    DeploymentRepository,
    DefinitionRepository,
    InstanceRepository,
    ExecutionRepository,
    EngineWrites,
    AssignmentResolver,
    RunEngine,
    AdvanceOnTaskCompleted,
    ContinueInstance,
    DeployProcess,
    StartProcessInstance,
    CompleteTask,
  ],
  exports: [DeployProcess, StartProcessInstance, CompleteTask, RunEngine, DefinitionRepository, InstanceRepository, EngineWrites],
})
export class EngineCoreModule {}
