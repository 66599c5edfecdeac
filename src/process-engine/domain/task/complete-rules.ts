/**
 * Who may complete a task (seed 004: the people involved in a task act on it; admins on all).
 *
 * - the assignee and the owner;
 * - a candidate (a user link or a group link of the task) while the task is unassigned: the task
 *   is claimed by them as it completes. Once someone claimed it, candidacy no longer grants it
 *   (the task left the group's queue, as in Alfresco's task list);
 * - an admin of the tenant, always (an unassigned task becomes theirs as it completes);
 * - nobody while a delegation is pending: the delegate resolves the task, the owner then completes
 *   it (Activiti refuses to complete a task in `pending` delegation).
 */
export interface TaskForCompletion {
  readonly assigneeId: string | null;
  readonly ownerId: string | null;
  readonly delegationState: 'pending' | 'resolved' | null;
  readonly candidateUserIds: readonly string[];
  readonly candidateGroupIds: readonly string[];
}

export interface Completer {
  readonly userId: string;
  readonly groupIds: readonly string[];
  readonly admin: boolean;
}

export type CompletionDecision =
  | { readonly allowed: true; readonly as: 'assignee' | 'owner' | 'candidate' | 'admin'; readonly claims: boolean }
  | { readonly allowed: false; readonly reason: 'not-involved' | 'delegated' };

export function decideCompletion(task: TaskForCompletion, who: Completer): CompletionDecision {
  if (task.delegationState === 'pending') return { allowed: false, reason: 'delegated' };
  const claims = task.assigneeId === null;
  if (task.assigneeId === who.userId) return { allowed: true, as: 'assignee', claims: false };
  if (task.ownerId === who.userId) return { allowed: true, as: 'owner', claims };
  if (task.assigneeId === null) {
    const candidate =
      task.candidateUserIds.includes(who.userId) || task.candidateGroupIds.some((g) => who.groupIds.includes(g));
    if (candidate) return { allowed: true, as: 'candidate', claims: true };
  }
  if (who.admin) return { allowed: true, as: 'admin', claims };
  return { allowed: false, reason: 'not-involved' };
}
