import { Injectable } from '@nestjs/common';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { isBlank } from '../../../../libs/dialects/questetra-params.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { Principal } from '../../../identity/index.js';
import { GetGroup } from '../../application/groups/get-group.query.js';
import type { GroupView } from '../../application/groups/group.view.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { GROUP_TITLE_MAX, type GroupKind } from '../../domain/group-rules.js';
import { GroupErrors } from '../../domain/group.errors.js';

/**
 * Questetra's two kinds of user sets map onto the two kinds of groups: an organization (Qgroup)
 * is a functional group, a role (Qrole) a system group. A group of the other kind is, for the
 * client, one that does not exist.
 */
export const QGROUP_KIND: GroupKind = 'functional';
export const QROLE_KIND: GroupKind = 'system';

/** An optional id parameter: blank is not given, anything else must be a positive integer (InvalidId). */
export function optionalId(raw: unknown, field: string): string | undefined {
  return isBlank(raw) ? undefined : parseNumericId(raw, field);
}

/** An optional name parameter: blank is not given; a non-text or an over-long one is Questetra's InvalidName. */
export function optionalName(raw: unknown, field: string): string | undefined {
  if (isBlank(raw)) return undefined;
  if (typeof raw !== 'string' || raw.length > GROUP_TITLE_MAX) {
    throw DomainError.validation('REQUEST.MALFORMED_NAME', `${field} must be a text of at most ${GROUP_TITLE_MAX} characters`, { field, value: raw });
  }
  return raw;
}

/** Neither key of a lookup was given: a Validation error naming the first. */
export function keyRequired(fields: readonly [string, string]): DomainError {
  return DomainError.validation('REQUEST.INVALID', `One of ${fields.join(', ')} is required`, { field: fields[0] });
}

/** Finds a group of one kind by id or by name through the group queries, open to every user of the tenant. */
@Injectable()
export class QuestetraGroupLookup {
  constructor(
    private readonly getGroup: GetGroup,
    private readonly listGroups: ListGroups,
  ) {}

  async byId(actor: Principal, id: string, kind: GroupKind, field: string): Promise<GroupView> {
    let group: GroupView;
    try {
      group = await this.getGroup.execute({ actor, groupId: id, access: 'member' });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'ORG.GROUP_NOT_FOUND') throw GroupErrors.notFound(id, field);
      throw e;
    }
    if (group.kind !== kind) throw GroupErrors.notFound(id, field);
    return group;
  }

  /** Titles are unique per tenant case-insensitively, so at most one group matches. */
  async byName(actor: Principal, name: string, kind: GroupKind, field: string): Promise<GroupView> {
    const [found] = (await this.listGroups.execute({ actor, access: 'member', titleEquals: name, kind, limit: 1 })).items;
    if (!found) throw GroupErrors.notFound(name, field);
    return found;
  }
}
