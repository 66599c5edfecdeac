import type { FilterRow } from '../../infrastructure/filter.repository.js';

/** A saved task or process filter as aps shows it: `{id, name, appId, recent, icon, filter, index}`. */
export interface FilterView {
  readonly id: string;
  readonly name: string;
  readonly appId: string | null;
  readonly recent: boolean;
  readonly icon: string | null;
  readonly filter: Record<string, unknown>;
  /** The filter's place in the user's order (0 first). */
  readonly index: number;
}

export function toFilterView(r: FilterRow): FilterView {
  return { id: r.id, name: r.name, appId: r.appId, recent: r.recent, icon: r.icon, filter: r.filter, index: r.position };
}

/** The criteria of a task filter (seed 004 "User Task Filters"). */
export interface TaskFilterCriteria {
  readonly sort?: 'created-desc' | 'created-asc' | 'due-desc' | 'due-asc';
  readonly name?: string;
  readonly state?: 'open' | 'active' | 'completed' | 'all';
  readonly assignment?: string;
  readonly dueAfter?: string;
  readonly dueBefore?: string;
  readonly processDefinitionId?: string;
  readonly processDefinitionKey?: string;
  readonly asc?: boolean;
}

/** The criteria of a process instance filter. */
export interface ProcessFilterCriteria {
  readonly sort?: 'created-desc' | 'created-asc' | 'ended-desc' | 'ended-asc';
  readonly name?: string;
  readonly state?: 'running' | 'completed' | 'all';
  readonly processDefinitionId?: string;
  readonly processDefinitionKey?: string;
  readonly asc?: boolean;
}

/** Only the criteria that were sent, in a stable order (the stored JSON is what GET answers). */
export function compactCriteria(c: TaskFilterCriteria | ProcessFilterCriteria | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!c) return out;
  for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
  return out;
}
