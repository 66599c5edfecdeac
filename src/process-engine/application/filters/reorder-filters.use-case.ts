import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type FilterKind, FilterRepository } from '../../infrastructure/filter.repository.js';
import { filterScope } from './filter-access.js';
import { type FilterView, toFilterView } from './filter.view.js';

export interface ReorderFiltersInput {
  readonly actor: Principal;
  readonly kind: FilterKind;
  /** The app whose filters are ordered; null: the filters tied to no app. */
  readonly appId: string | null;
  readonly order: readonly string[];
}

/**
 * Puts the caller's filters of one app in the given order. Every id must be one of the caller's
 * filters of that app, at most once (else 400 naming `order`, nothing changes); filters left out
 * keep their relative order after the listed ones.
 */
@Injectable()
export class ReorderFilters {
  constructor(private readonly filters: FilterRepository) {}

  @Transactional()
  async execute(input: ReorderFiltersInput): Promise<FilterView[]> {
    const scope = filterScope(input.actor, input.kind);
    await this.filters.lockScope(scope);
    const current = await this.filters.list(scope, input.appId);
    const known = new Set(current.map((f) => f.id));
    const seen = new Set<string>();
    input.order.forEach((id, i) => {
      if (!known.has(id)) {
        throw EngineErrors.invalidFilter(`order[${i}]`, `Filter ${id} is not one of your ${input.kind} filters${input.appId ? ` of app ${input.appId}` : ' without an app'}`, id);
      }
      if (seen.has(id)) throw EngineErrors.invalidFilter(`order[${i}]`, `Filter ${id} is listed twice`, id);
      seen.add(id);
    });
    const ids = [...input.order, ...current.map((f) => f.id).filter((id) => !seen.has(id))];
    await this.filters.setPositions(scope, ids);
    return (await this.filters.list(scope, input.appId)).map(toFilterView);
  }
}
