import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { EngineAccess } from '../access/engine-access.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

export interface CreateTaskInput {
  readonly actor: Principal;
  readonly name: string;
  readonly description?: string | null;
  readonly category?: string | null;
  readonly formKey?: string | null;
  readonly priority?: number;
  readonly dueDate?: Date | null;
}

/** The engine's default priority (Activiti's Task.DEFAULT_PRIORITY). */
const DEFAULT_PRIORITY = 50;

/**
 * A standalone task (no process instance) for the caller (seed 004): the caller is its assignee.
 * It is completed like any task; completing it advances nothing.
 */
@Injectable()
export class CreateTask {
  constructor(
    private readonly access: EngineAccess,
    private readonly tasks: TaskRepository,
    private readonly support: TaskCommandSupport,
  ) {}

  @Transactional()
  async execute(input: CreateTaskInput): Promise<TaskView> {
    const viewer = await this.access.viewer(input.actor);
    const id = await this.tasks.insert({
      tenantId: viewer.tenantId,
      name: input.name,
      description: input.description ?? null,
      category: input.category ?? null,
      formKey: input.formKey ?? null,
      assigneeId: viewer.userId,
      ownerId: null,
      priority: input.priority ?? DEFAULT_PRIORITY,
      dueDate: input.dueDate ?? null,
      parentTaskId: null,
      checklistOrder: null,
    });
    await this.tasks.audit({
      tenantId: viewer.tenantId,
      instanceId: null,
      taskId: id,
      type: 'task-created',
      userId: viewer.userId,
      details: { taskName: input.name, assigneeId: viewer.userId, standalone: true },
    });
    return this.support.view(viewer, id);
  }
}
