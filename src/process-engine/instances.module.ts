import { Module } from '@nestjs/common';
import { AddCandidateStarter } from './application/definitions/add-candidate-starter.use-case.js';
import { GetCandidateStarter } from './application/definitions/get-candidate-starter.query.js';
import { GetStartForm } from './application/definitions/get-start-form.query.js';
import { GetInstanceStartForm } from './application/forms/get-instance-start-form.query.js';
import { ListCandidateStarters } from './application/definitions/list-candidate-starters.query.js';
import { ListProcessDefinitions } from './application/definitions/list-process-definitions.query.js';
import { RemoveCandidateStarter } from './application/definitions/remove-candidate-starter.use-case.js';
import { QueryHistoricProcessInstances } from './application/history/query-historic-process-instances.query.js';
import { ListIncidents } from './application/incidents/list-incidents.query.js';
import { ActivateProcessInstance } from './application/instances/activate-process-instance.use-case.js';
import { DeleteProcessInstance } from './application/instances/delete-process-instance.use-case.js';
import { GetAuditLog } from './application/instances/get-audit-log.query.js';
import { GetProcessInstance } from './application/instances/get-process-instance.query.js';
import { InstanceReader } from './application/instances/instance-reader.js';
import { QueryProcessInstances } from './application/instances/query-process-instances.query.js';
import { StartProcessInstanceFromApi } from './application/instances/start-process-instance-from-api.use-case.js';
import { SuspendProcessInstance } from './application/instances/suspend-process-instance.use-case.js';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { ApsHistoricProcessInstancesController } from './http/aps/historic-process-instances.controller.js';
import { ApsProcessDefinitionsController } from './http/aps/process-definitions.controller.js';
import { ApsProcessInstancesController } from './http/aps/process-instances.controller.js';
import { IncidentsController } from './http/platform/incidents.controller.js';

/** aps process definitions, process instances, historic process instances, audit logs and incidents. */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [ApsProcessDefinitionsController, ApsProcessInstancesController, ApsHistoricProcessInstancesController, IncidentsController],
  providers: [
    InstanceReader,
    ListProcessDefinitions,
    GetCandidateStarter,
    ListCandidateStarters,
    AddCandidateStarter,
    RemoveCandidateStarter,
    GetStartForm,
    GetInstanceStartForm,
    StartProcessInstanceFromApi,
    QueryProcessInstances,
    GetProcessInstance,
    DeleteProcessInstance,
    SuspendProcessInstance,
    ActivateProcessInstance,
    GetAuditLog,
    QueryHistoricProcessInstances,
    ListIncidents,
  ],
  exports: [InstanceReader],
})
export class EngineInstancesModule {}
