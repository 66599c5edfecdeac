import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type FilterKind, FilterRepository } from '../../infrastructure/filter.repository.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { checkFilterApp, filterScope } from './filter-access.js';
import { compactCriteria, type FilterView, type ProcessFilterCriteria, type TaskFilterCriteria, toFilterView } from './filter.view.js';

export interface FilterInput {
  readonly actor: Principal;
  readonly kind: FilterKind;
  readonly name: string;
  readonly appId?: string | null;
  readonly icon?: string | null;
  readonly recent?: boolean;
  /** Validated at the edge (sort, state, assignment values). */
  readonly filter?: TaskFilterCriteria | ProcessFilterCriteria;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw EngineErrors.invalidFilter('name', 'name must not be blank');
  return trimmed;
}

/** Saves a new filter for the caller, after their other filters of the same app. */
@Injectable()
export class CreateFilter {
  constructor(
    private readonly filters: FilterRepository,
    private readonly models: ModelRepository,
  ) {}

  @Transactional()
  async execute(input: FilterInput): Promise<FilterView> {
    const scope = filterScope(input.actor, input.kind);
    const name = checkName(input.name);
    const appId = input.appId ?? null;
    await checkFilterApp(this.models, input.actor, appId);
    await this.filters.lockScope(scope);
    const id = await this.filters.insert(scope, {
      appId,
      name,
      icon: input.icon ?? null,
      recent: input.recent ?? false,
      filter: compactCriteria(input.filter),
    });
    return toFilterView((await this.filters.find(scope, id))!);
  }
}

export interface UpdateFilterInput extends Omit<FilterInput, 'name'> {
  readonly id: string;
  readonly name?: string;
}

/**
 * Changes one of the caller's filters (others' are 404). Sent fields replace the stored ones;
 * `filter`, when sent, replaces the whole criteria object. The filter keeps its place.
 */
@Injectable()
export class UpdateFilter {
  constructor(
    private readonly filters: FilterRepository,
    private readonly models: ModelRepository,
  ) {}

  @Transactional()
  async execute(input: UpdateFilterInput): Promise<FilterView> {
    const scope = filterScope(input.actor, input.kind);
    const current = await this.filters.find(scope, input.id, true);
    if (!current) throw EngineErrors.filterNotFound(input.id);
    const appId = input.appId !== undefined ? input.appId : current.appId;
    if (input.appId !== undefined) await checkFilterApp(this.models, input.actor, appId);
    await this.filters.update(scope, input.id, {
      appId,
      name: input.name !== undefined ? checkName(input.name) : current.name,
      icon: input.icon !== undefined ? input.icon : current.icon,
      recent: input.recent ?? current.recent,
      filter: input.filter !== undefined ? compactCriteria(input.filter) : current.filter,
    });
    return toFilterView((await this.filters.find(scope, input.id))!);
  }
}

/** Deletes one of the caller's filters (others' are 404). */
@Injectable()
export class DeleteFilter {
  constructor(private readonly filters: FilterRepository) {}

  @Transactional()
  async execute(input: { readonly actor: Principal; readonly kind: FilterKind; readonly id: string }): Promise<void> {
    const scope = filterScope(input.actor, input.kind);
    if (!(await this.filters.find(scope, input.id, true))) throw EngineErrors.filterNotFound(input.id);
    await this.filters.delete(scope, input.id);
  }
}
