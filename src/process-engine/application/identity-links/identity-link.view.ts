import type { LinkFamily } from '../../infrastructure/identity-link.repository.js';
import type { RuntimeTarget } from '../variables/runtime-target.js';

/** An identity link as the aps API shows it: exactly one of user and group (ids as strings). */
export interface IdentityLinkView {
  readonly user: string | null;
  readonly group: string | null;
  readonly type: string;
}

export interface IdentityLinkKey {
  readonly target: RuntimeTarget;
  readonly family: LinkFamily;
  readonly identityId: string;
  readonly type: string;
}

/** A task's assignee and owner are shown as links of these types, but change only through the task actions. */
export const TASK_PERSON_TYPES: readonly string[] = ['assignee', 'owner'];

export function linkView(family: LinkFamily, identityId: string, type: string): IdentityLinkView {
  return family === 'users' ? { user: identityId, group: null, type } : { user: null, group: identityId, type };
}
