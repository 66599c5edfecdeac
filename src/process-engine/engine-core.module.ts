import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DeleteDeployment } from './application/deployments/delete-deployment.use-case.js';
import { EngineTenant } from './application/deployments/engine-tenant.js';
import { GetDeployment } from './application/deployments/get-deployment.query.js';
import { GetDeploymentResources } from './application/deployments/get-deployment-resources.query.js';
import { GetRepositoryDefinition } from './application/deployments/get-repository-definition.query.js';
import { ListDeployments } from './application/deployments/list-deployments.query.js';
import { ListRepositoryDefinitions } from './application/deployments/list-repository-definitions.query.js';
import { ActivitiDeploymentsController } from './http/activiti/activiti-deployments.controller.js';
import { ActivitiProcessDefinitionsController } from './http/activiti/activiti-process-definitions.controller.js';
import { DeployProcess } from './application/deployments/deploy-process.use-case.js';
import { AdvanceOnTaskCompleted } from './application/engine/advance-on-task-completed.handler.js';
import { AssignmentResolver } from './application/engine/assignment-resolver.js';
import { ContinueInstance } from './application/engine/continue-instance.handler.js';
import { RunEngine } from './application/engine/run-engine.js';
import { SERVICE_TASK_DELEGATES } from './application/engine/service-task-delegate.js';
import { StartProcessInstance } from './application/instances/start-process-instance.use-case.js';
import { CompleteTask } from './application/tasks/complete-task.use-case.js';
import { CompleteOnFormSubmitted } from './application/engine/complete-on-form-submitted.handler.js';
import { EngineForms } from './application/forms/engine-forms.js';
import { UploadFieldContent } from './application/forms/upload-field-content.js';
import { FormSubmitters } from './application/forms/form-submitters.js';
import { StartForms } from './application/forms/start-forms.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { DefinitionRepository } from './infrastructure/definition.repository.js';
import { DeploymentRepository } from './infrastructure/deployment.repository.js';
import { EngineWrites } from './infrastructure/engine-writes.js';
import { WrittenInstanceRows } from './infrastructure/instance-columns.js';
import { ExecutionRepository } from './infrastructure/execution.repository.js';
import { InstanceRepository } from './infrastructure/instance.repository.js';

/** Deployments, definitions, starting instances and advancing them (the engine runner), and the Activiti engine subset at /activiti-app/api/repository. */
@Module({
  imports: [
    EngineSharedModule,
    // Uploads are held in memory (BPMN files are small) and bounded by MAX_UPLOAD_BYTES: beyond it, 413.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.maxUploadBytes, files: 50, fields: 20, fieldSize: 64 * 1024 } }),
    }),
  ],
  controllers: [ActivitiDeploymentsController, ActivitiProcessDefinitionsController],
  providers: [
    DeploymentRepository,
    DefinitionRepository,
    InstanceRepository,
    ExecutionRepository,
    EngineWrites,
    WrittenInstanceRows,
    AssignmentResolver,
    RunEngine,
    // No service-task delegate ships in this version: service tasks pass through (see ServiceTaskDelegate).
    { provide: SERVICE_TASK_DELEGATES, useValue: [] },
    AdvanceOnTaskCompleted,
    CompleteOnFormSubmitted,
    EngineForms,
    UploadFieldContent,
    FormSubmitters,
    StartForms,
    ContinueInstance,
    DeployProcess,
    StartProcessInstance,
    CompleteTask,
    EngineTenant,
    ListDeployments,
    GetDeployment,
    GetDeploymentResources,
    DeleteDeployment,
    ListRepositoryDefinitions,
    GetRepositoryDefinition,
  ],
  exports: [DeployProcess, StartProcessInstance, CompleteTask, RunEngine, DefinitionRepository, InstanceRepository, EngineWrites, WrittenInstanceRows, EngineForms, FormSubmitters, UploadFieldContent],
})
export class EngineCoreModule {}
