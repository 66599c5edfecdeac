import { EngineErrors } from '../process-engine.errors.js';

/**
 * The rules of the aps task actions (claim, assign, delegate, resolve, involve, update) as pure
 * functions: given what the task looks like and who acts, they answer the change to write, `null`
 * when the action changes nothing, or throw the coded error. Completing is engine-core's
 * (complete-rules.ts); the application layer has already checked that the caller may see the task.
 */

export type DelegationState = 'pending' | 'resolved';

export interface TaskFacts {
  readonly id: string;
  readonly assigneeId: string | null;
  readonly ownerId: string | null;
  readonly delegationState: DelegationState | null;
  readonly ended: boolean;
  readonly candidateUserIds: readonly string[];
  readonly candidateGroupIds: readonly string[];
  /** The task's process instance is suspended (Activiti: a suspended task takes no actions). */
  readonly suspended?: boolean;
}

export interface ActorFacts {
  readonly userId: string;
  /** The caller's groups, nested groups' ancestors included. */
  readonly groupIds: readonly string[];
  readonly admin: boolean;
}

/** What an action writes on the task row. Absent fields stay as they are. */
export interface TaskChange {
  readonly assigneeId?: string | null;
  readonly ownerId?: string | null;
  readonly delegationState?: DelegationState | null;
  /** The assignee took the task from the candidates: `claimed_at` is set. */
  readonly claimed?: boolean;
}

export function isCandidate(task: TaskFacts, actor: ActorFacts): boolean {
  return task.candidateUserIds.includes(actor.userId) || task.candidateGroupIds.some((g) => actor.groupIds.includes(g));
}

function requireOpen(task: TaskFacts): void {
  if (task.ended) throw EngineErrors.taskEnded(task.id);
  if (task.suspended === true) throw EngineErrors.taskSuspended(task.id);
}

/**
 * Claim (seed 004: "in case the task is assigned to a group"): the caller becomes the assignee of
 * an unassigned task they can see (candidates, involved users, admins). Claiming one's own task
 * again changes nothing; a task someone else holds is a 409.
 */
export function claimTask(task: TaskFacts, actor: ActorFacts): TaskChange | null {
  requireOpen(task);
  if (task.assigneeId === actor.userId) return null;
  if (task.assigneeId !== null) throw EngineErrors.taskAlreadyClaimed(task.id);
  return { assigneeId: actor.userId, claimed: true };
}

/**
 * Assign to a user: the current assignee, the owner, an admin, or — while nobody holds the task —
 * one of its candidates may hand it on. Assigning to the current assignee changes nothing.
 */
export function assignTask(task: TaskFacts, actor: ActorFacts, assigneeId: string): TaskChange | null {
  requireOpen(task);
  const allowed =
    actor.admin ||
    task.assigneeId === actor.userId ||
    task.ownerId === actor.userId ||
    (task.assigneeId === null && isCandidate(task, actor));
  if (!allowed) throw EngineErrors.notAllowedOnTask(task.id, 'assign');
  if (task.assigneeId === assigneeId) return null;
  return { assigneeId };
}

/**
 * Delegate (Activiti's delegateTask): the assignee (or the owner, or an admin) passes the task to
 * `userId` and expects it back. The owner becomes the previous assignee unless the task already
 * has one (a re-delegation keeps the original owner, as Activiti does); the delegation is pending.
 */
export function delegateTask(task: TaskFacts, actor: ActorFacts, userId: string): TaskChange {
  requireOpen(task);
  if (task.assigneeId === null) throw EngineErrors.taskNotAssigned(task.id);
  const allowed = actor.admin || task.assigneeId === actor.userId || task.ownerId === actor.userId;
  if (!allowed) throw EngineErrors.notAllowedOnTask(task.id, 'delegate');
  return { assigneeId: userId, ownerId: task.ownerId ?? task.assigneeId, delegationState: 'pending' };
}

/**
 * Resolve (Activiti's resolveTask): the delegate hands a pending delegation back: the owner is the
 * assignee again and the delegation is resolved. Only the delegate (current assignee) or an admin.
 */
export function resolveTask(task: TaskFacts, actor: ActorFacts): TaskChange {
  requireOpen(task);
  if (task.delegationState !== 'pending') throw EngineErrors.taskNotDelegated(task.id);
  const allowed = actor.admin || task.assigneeId === actor.userId;
  if (!allowed) throw EngineErrors.notAllowedOnTask(task.id, 'resolve');
  return { assigneeId: task.ownerId, delegationState: 'resolved' };
}

/** Involving and removing people need an open task of an active instance, as every action does. */
export function requireActive(task: TaskFacts): void {
  requireOpen(task);
}

/**
 * Editing the details and the checklist needs an open task; a suspended instance does not stop it
 * (Activiti's saveTask does not check suspension either).
 */
export function requireChangeable(task: TaskFacts): void {
  if (task.ended) throw EngineErrors.taskEnded(task.id);
}

/** Task priorities as the aps UI shows them (0 low … 100 high; 50 is the engine's default). */
export const TASK_PRIORITY_MIN = 0;
export const TASK_PRIORITY_MAX = 100;

/**
 * Sort of a checklist: `order` must name every item of the checklist exactly once. Answers the
 * new position of each item (0-based), in the order given.
 */
export function checklistPositions(current: readonly string[], order: readonly string[]): Array<{ id: string; position: number }> {
  const known = new Set(current);
  const seen = new Set<string>();
  for (const id of order) {
    if (!known.has(id)) throw EngineErrors.checklistOrder(`${id} is not an item of this checklist`);
    if (seen.has(id)) throw EngineErrors.checklistOrder(`${id} appears twice in order`);
    seen.add(id);
  }
  if (seen.size !== known.size) throw EngineErrors.checklistOrder(`order must list all ${known.size} items of the checklist`);
  return order.map((id, position) => ({ id, position }));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The task audit's times, as Java's Date#toString writes them (seed 004: `Wed Jan 20 22:03:05 EET 2016`), in UTC. */
export function auditTime(value: Date | null): string | null {
  if (!value) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[value.getUTCDay()]} ${MONTHS[value.getUTCMonth()]} ${two(value.getUTCDate())} ${two(value.getUTCHours())}:${two(
    value.getUTCMinutes(),
  )}:${two(value.getUTCSeconds())} UTC ${value.getUTCFullYear()}`;
}
