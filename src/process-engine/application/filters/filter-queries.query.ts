import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type FilterKind, FilterRepository } from '../../infrastructure/filter.repository.js';
import { filterScope } from './filter-access.js';
import { type FilterView, toFilterView } from './filter.view.js';

/** The caller's own filters of a kind, in their order; `appId` limits them to one app. */
@Injectable()
export class ListFilters {
  constructor(private readonly filters: FilterRepository) {}

  async execute(input: { readonly actor: Principal; readonly kind: FilterKind; readonly appId?: string }): Promise<FilterView[]> {
    return (await this.filters.list(filterScope(input.actor, input.kind), input.appId)).map(toFilterView);
  }
}

/** One of the caller's filters. Filters are private: another user's filter id answers 404, as an unknown one. */
@Injectable()
export class GetFilter {
  constructor(private readonly filters: FilterRepository) {}

  async execute(input: { readonly actor: Principal; readonly kind: FilterKind; readonly id: string }): Promise<FilterView> {
    const row = await this.filters.find(filterScope(input.actor, input.kind), input.id);
    if (!row) throw EngineErrors.filterNotFound(input.id);
    return toFilterView(row);
  }
}
