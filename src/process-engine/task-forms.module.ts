import { Module } from '@nestjs/common';
import { AttachTaskForm } from './application/forms/attach-task-form.use-case.js';
import { CompleteTaskForm } from './application/forms/complete-task-form.use-case.js';
import { GetTaskForm } from './application/forms/get-task-form.query.js';
import { RemoveTaskForm } from './application/forms/remove-task-form.use-case.js';
import { SaveTaskForm } from './application/forms/save-task-form.use-case.js';
import { TaskFormFieldValues } from './application/forms/task-form-field-values.query.js';
import { TaskFormVariables } from './application/forms/task-form-variables.query.js';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { ApsTaskFormActionsController, ApsTaskFormsController } from './http/aps/task-forms.controller.js';
import { TaskRepository } from './infrastructure/task.repository.js';

/** aps task forms (seed 004 "Task Form") and the attach-form / remove-form task actions. Completing goes through engine-core's CompleteTask. */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [ApsTaskFormsController, ApsTaskFormActionsController],
  providers: [TaskRepository, GetTaskForm, CompleteTaskForm, SaveTaskForm, TaskFormFieldValues, TaskFormVariables, AttachTaskForm, RemoveTaskForm],
})
export class EngineTaskFormsModule {}
