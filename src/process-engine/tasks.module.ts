import { Module } from '@nestjs/common';
import { AddChecklistItem } from './application/tasks/add-checklist-item.use-case.js';
import { AssignTask } from './application/tasks/assign-task.use-case.js';
import { ClaimTask } from './application/tasks/claim-task.use-case.js';
import { CreateTask } from './application/tasks/create-task.use-case.js';
import { DelegateTask } from './application/tasks/delegate-task.use-case.js';
import { GetTask } from './application/tasks/get-task.query.js';
import { GetTaskAudit } from './application/tasks/get-task-audit.query.js';
import { InvolveUser } from './application/tasks/involve-user.use-case.js';
import { ListChecklist } from './application/tasks/list-checklist.query.js';
import { QueryHistoricTasks } from './application/tasks/query-historic-tasks.query.js';
import { QueryTasks } from './application/tasks/query-tasks.query.js';
import { RemoveInvolvedUser } from './application/tasks/remove-involved-user.use-case.js';
import { ReorderChecklist } from './application/tasks/reorder-checklist.use-case.js';
import { ResolveTask } from './application/tasks/resolve-task.use-case.js';
import { TaskCommandSupport } from './application/tasks/task-command.js';
import { TaskViews } from './application/tasks/task.view.js';
import { UpdateTask } from './application/tasks/update-task.use-case.js';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { ApsChecklistController } from './http/aps/checklist.controller.js';
import { ApsHistoricTasksController } from './http/aps/historic-tasks.controller.js';
import { ApsTasksController } from './http/aps/tasks.controller.js';
import { TaskReadModel } from './infrastructure/task.read-model.js';
import { TaskRepository } from './infrastructure/task.repository.js';

/** aps tasks: queries (runtime and historic), details, actions, checklists and task audit. Completing is engine-core's CompleteTask. */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [ApsTasksController, ApsChecklistController, ApsHistoricTasksController],
  providers: [
    TaskReadModel,
    TaskRepository,
    TaskViews,
    TaskCommandSupport,
    QueryTasks,
    QueryHistoricTasks,
    GetTask,
    GetTaskAudit,
    UpdateTask,
    CreateTask,
    ClaimTask,
    AssignTask,
    DelegateTask,
    ResolveTask,
    InvolveUser,
    RemoveInvolvedUser,
    ListChecklist,
    AddChecklistItem,
    ReorderChecklist,
  ],
})
export class EngineTasksModule {}
