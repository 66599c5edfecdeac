import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { type TaskCriteria, TaskReadModel, type TaskSortField } from '../../infrastructure/task.read-model.js';
import { EngineAccess } from '../access/engine-access.js';
import { type TaskView, TaskViews } from './task.view.js';

/** The filters of the historic task query, as the read model takes them (ids parsed, dates as Dates). */
export type HistoricTaskFilters = Omit<TaskCriteria, 'viewer' | 'assignment' | 'state' | 'nameContains' | 'appDefinitionId' | 'tenantMatches'> & {
  /** The tenant id the caller asked for (aps `tenantId`), if any. */
  readonly tenantId?: string;
  readonly withoutTenantId?: boolean;
};

export interface QueryHistoricTasksInput {
  readonly actor: Principal;
  readonly filters: HistoricTaskFilters;
  readonly sort: { readonly field: TaskSortField; readonly direction: 'asc' | 'desc' };
  readonly includeProcessVariables?: boolean;
  readonly includeTaskLocalVariables?: boolean;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Historic task instances (seed 004 "Get historic task instances"): open and completed tasks
 * (tasks keep their row when they end), with Activiti's filters. Same visibility as the task list.
 */
@Injectable()
export class QueryHistoricTasks {
  constructor(
    private readonly access: EngineAccess,
    private readonly reads: TaskReadModel,
    private readonly views: TaskViews,
  ) {}

  async execute(input: QueryHistoricTasksInput): Promise<{ total: number; items: TaskView[] }> {
    const viewer = await this.access.viewer(input.actor);
    const { tenantId, withoutTenantId, ...filters } = input.filters;
    // Every task has a tenant: withoutTenantId=true matches none; another tenant's id matches none.
    const tenantMatches = withoutTenantId !== true && (tenantId === undefined || tenantId === viewer.tenantId);
    const page = await this.reads.page({
      criteria: { ...filters, viewer, tenantMatches },
      sort: input.sort,
      offset: input.offset,
      limit: input.limit,
      includeProcessVariables: input.includeProcessVariables,
      includeTaskLocalVariables: input.includeTaskLocalVariables,
    });
    return { total: page.total, items: await this.views.of(viewer, page.rows) };
  }
}
