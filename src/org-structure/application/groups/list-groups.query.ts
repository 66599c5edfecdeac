import { Injectable } from '@nestjs/common';
import type { GroupKind, GroupStatus } from '../../domain/group-rules.js';
import { GroupRepository, type GroupSortField } from '../../infrastructure/group.repository.js';
import { type GroupAccess, type GroupActorInput, groupTenant } from './group-access.js';
import type { GroupView } from './group.view.js';

export interface ListGroupsInput extends GroupActorInput {
  /** Default `admin`. */
  readonly access?: GroupAccess;
  /** Case-insensitive substring of the title. */
  readonly title?: string;
  /** The whole title, case-insensitively. */
  readonly titleEquals?: string;
  readonly status?: GroupStatus;
  readonly kind?: GroupKind;
  readonly externalId?: string;
  readonly externalIdCaseInsensitive?: boolean;
  /** A group id, or `null` for top-level groups only. */
  readonly parentId?: string | null;
  /** Only the groups that are direct group members of this group (pm4 `groups/{id}/groups`). */
  readonly memberOf?: string;
  /** Default title ascending (then id). */
  readonly sort?: { readonly field: GroupSortField; readonly direction: 'asc' | 'desc' };
  readonly offset?: number;
  /** Default and maximum 1000. */
  readonly limit?: number;
}

@Injectable()
export class ListGroups {
  constructor(private readonly groups: GroupRepository) {}

  async execute(input: ListGroupsInput): Promise<{ total: number; items: GroupView[] }> {
    const tenantId = groupTenant(input, input.access);
    return this.groups.list({
      tenantId,
      title: input.title,
      titleEquals: input.titleEquals,
      status: input.status,
      kind: input.kind,
      externalId: input.externalId === undefined ? undefined : { value: input.externalId, caseInsensitive: input.externalIdCaseInsensitive ?? false },
      parentId: input.parentId,
      memberOf: input.memberOf,
      sort: input.sort,
      offset: input.offset,
      limit: input.limit,
    });
  }
}
