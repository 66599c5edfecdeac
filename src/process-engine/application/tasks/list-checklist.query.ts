import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { TaskReadModel } from '../../infrastructure/task.read-model.js';
import { EngineAccess } from '../access/engine-access.js';
import { type TaskView, TaskViews } from './task.view.js';

/** The checklist (sub-tasks) of a task the caller sees, in checklist order. */
@Injectable()
export class ListChecklist {
  constructor(
    private readonly access: EngineAccess,
    private readonly reads: TaskReadModel,
    private readonly views: TaskViews,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<TaskView[]> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    return this.views.of(viewer, await this.reads.checklist(viewer, input.taskId));
  }
}
