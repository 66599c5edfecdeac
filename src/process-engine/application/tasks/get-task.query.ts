import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess } from '../access/engine-access.js';
import { TaskCommandSupport } from './task-command.js';
import type { TaskView } from './task.view.js';

/** One task the caller sees (unknown or other tenant: 404, not involved: 403). */
@Injectable()
export class GetTask {
  constructor(
    private readonly access: EngineAccess,
    private readonly support: TaskCommandSupport,
  ) {}

  async execute(input: { readonly actor: Principal; readonly taskId: string }): Promise<TaskView> {
    const viewer = await this.access.requireTask(input.actor, input.taskId);
    return this.support.view(viewer, input.taskId);
  }
}
