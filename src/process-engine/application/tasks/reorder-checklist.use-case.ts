import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { checklistPositions, requireChangeable } from '../../domain/task/task-actions.js';
import { TaskRepository } from '../../infrastructure/task.repository.js';
import { TaskCommandSupport } from './task-command.js';

export interface ReorderChecklistInput {
  readonly actor: Principal;
  readonly taskId: string;
  /** Every item id of the checklist, once, in the new order. */
  readonly order: readonly string[];
}

/** Re-orders the checklist of an open task (checklist_order); the order must list every item once. */
@Injectable()
export class ReorderChecklist {
  constructor(
    private readonly support: TaskCommandSupport,
    private readonly tasks: TaskRepository,
  ) {}

  @Transactional()
  async execute(input: ReorderChecklistInput): Promise<void> {
    const { viewer, task } = await this.support.lockVisible(input.actor, input.taskId);
    requireChangeable(task);
    const positions = checklistPositions(await this.tasks.lockChecklist(task.id), input.order);
    await this.tasks.reorderChecklist(task.id, positions);
    await this.tasks.touch(task);
    await this.support.audit(viewer, task, 'checklist-reordered', { order: input.order });
  }
}
