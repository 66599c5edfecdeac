import { Injectable } from '@nestjs/common';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type TaskAssignment, TaskReadModel } from '../../infrastructure/task.read-model.js';
import { EngineAccess } from '../access/engine-access.js';
import { type TaskView, TaskViews } from './task.view.js';

export type TaskQuerySort = 'created-desc' | 'created-asc' | 'due-desc' | 'due-asc';
export type TaskQueryState = 'open' | 'active' | 'completed' | 'all';

export interface QueryTasksInput {
  readonly actor: Principal;
  readonly appDefinitionId?: string;
  readonly processInstanceId?: string;
  readonly processDefinitionId?: string;
  readonly taskId?: string;
  readonly text?: string;
  /** assignee | candidate | group_{groupId} | involved (default). */
  readonly assignment?: string;
  /** open (= active, default) | completed | all. */
  readonly state?: TaskQueryState;
  readonly includeProcessVariables?: boolean;
  readonly includeTaskLocalVariables?: boolean;
  readonly dueAfter?: Date;
  readonly dueBefore?: Date;
  readonly sort?: TaskQuerySort;
  readonly offset: number;
  readonly limit: number;
}

/** `group_{id}` with a numeric id; anything else is a 400 naming `assignment`. */
export function parseAssignment(value: string | undefined): TaskAssignment {
  if (value === undefined || value === '' || value === 'involved') return { kind: 'involved' };
  if (value === 'assignee' || value === 'candidate') return { kind: value };
  const group = /^group_(.+)$/.exec(value);
  if (group) {
    try {
      return { kind: 'group', groupId: parseNumericId(group[1], 'assignment') };
    } catch {
      // fall through to the message that lists the accepted values
    }
  }
  throw EngineErrors.badTaskQuery('assignment', `assignment must be assignee, candidate, involved or group_{groupId}, not "${value}"`, value);
}

/**
 * The aps task list (seed 004 "Task List"): tasks the caller is involved in (admins: every task of
 * their tenant), narrowed by `assignment`, `state` (open by default), the app, instance and
 * definition, a case-insensitive name substring and due dates; sorted (created-desc by default)
 * and paged in SQL, users resolved in one batch.
 */
@Injectable()
export class QueryTasks {
  constructor(
    private readonly access: EngineAccess,
    private readonly reads: TaskReadModel,
    private readonly views: TaskViews,
  ) {}

  async execute(input: QueryTasksInput): Promise<{ total: number; items: TaskView[] }> {
    const assignment = parseAssignment(input.assignment);
    const viewer = await this.access.viewer(input.actor);
    const state = input.state === undefined || input.state === 'active' ? 'open' : input.state;
    const [field, direction] = (input.sort ?? 'created-desc').split('-') as ['created' | 'due', 'asc' | 'desc'];
    const page = await this.reads.page({
      criteria: {
        viewer,
        assignment,
        state,
        appDefinitionId: input.appDefinitionId,
        instanceId: input.processInstanceId,
        definitionId: input.processDefinitionId,
        taskId: input.taskId,
        nameContains: input.text,
        dueAfter: input.dueAfter,
        dueBefore: input.dueBefore,
      },
      sort: { field, direction },
      offset: input.offset,
      limit: input.limit,
      includeProcessVariables: input.includeProcessVariables,
      includeTaskLocalVariables: input.includeTaskLocalVariables,
    });
    return { total: page.total, items: await this.views.of(viewer, page.rows) };
  }
}
