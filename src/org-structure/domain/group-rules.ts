import { GroupErrors } from './group.errors.js';

export type GroupKind = 'system' | 'functional';
export type GroupStatus = 'ACTIVE' | 'INACTIVE';
export type MembershipRole = 'LEADER' | 'STAFF';
export type GroupMember = { readonly type: 'user'; readonly id: string } | { readonly type: 'group'; readonly id: string };

export const GROUP_TITLE_MAX = 255;

/** Titles are compared case-insensitively and without surrounding blanks (unique per tenant). */
export function normalizeTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw GroupErrors.titleInvalid('A group title cannot be empty');
  if (trimmed.length > GROUP_TITLE_MAX) throw GroupErrors.titleInvalid(`A group title has at most ${GROUP_TITLE_MAX} characters`);
  return trimmed;
}

interface NodeRef {
  readonly id: string;
  readonly kind: GroupKind;
}

/**
 * `ancestorsOfContainer`: the container and every group that contains it, through parents or
 * group membership (one recursive query). Placing `child` under `container` closes a cycle
 * exactly when the child is among them.
 */
export function assertCanNest(container: NodeRef, child: NodeRef, ancestorsOfContainer: ReadonlySet<string>, field: string): void {
  if (container.id === child.id) throw GroupErrors.selfMember(child.id, field);
  // System groups grant capabilities to their direct members only; nesting would blur who holds them.
  if (container.kind === 'system') throw GroupErrors.systemNesting(field, container.id);
  if (child.kind === 'system') throw GroupErrors.systemNesting(field, child.id);
  if (ancestorsOfContainer.has(child.id)) throw GroupErrors.cycle(field, container.id);
}

/** Capabilities belong to system groups only. */
export function assertCarriesCapabilities(group: NodeRef): void {
  if (group.kind !== 'system') throw GroupErrors.capabilitiesOnFunctional(group.id);
}

/**
 * Nobody hands out more than they hold: a capability added to a system group, or a user added to
 * a system group, grants its capabilities; the actor must hold each of them.
 */
export function assertHoldsAll(held: ReadonlySet<string>, granted: readonly string[]): void {
  for (const code of granted) if (!held.has(code)) throw GroupErrors.capabilityNotHeld(code);
}
