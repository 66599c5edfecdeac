import { describe, expect, it } from '@jest/globals';
import { decideCompletion, type TaskForCompletion } from './complete-rules.js';

const task = (over: Partial<TaskForCompletion> = {}): TaskForCompletion => ({
  assigneeId: null,
  ownerId: null,
  delegationState: null,
  candidateUserIds: [],
  candidateGroupIds: [],
  ...over,
});
const user = (userId: string, groupIds: string[] = [], admin = false) => ({ userId, groupIds, admin });

describe('decideCompletion (who may complete a task)', () => {
  it('lets the assignee complete without claiming', () => {
    expect(decideCompletion(task({ assigneeId: '7' }), user('7'))).toEqual({ allowed: true, as: 'assignee', claims: false });
  });

  it('lets the owner complete; an unassigned task becomes theirs', () => {
    expect(decideCompletion(task({ assigneeId: '8', ownerId: '7' }), user('7'))).toEqual({ allowed: true, as: 'owner', claims: false });
    expect(decideCompletion(task({ ownerId: '7' }), user('7'))).toEqual({ allowed: true, as: 'owner', claims: true });
  });

  it('lets a candidate user or a member of a candidate group complete an unassigned task, claiming it', () => {
    expect(decideCompletion(task({ candidateUserIds: ['7'] }), user('7'))).toEqual({ allowed: true, as: 'candidate', claims: true });
    expect(decideCompletion(task({ candidateGroupIds: ['3'] }), user('7', ['2', '3']))).toEqual({ allowed: true, as: 'candidate', claims: true });
  });

  it('refuses a candidate once someone else claimed the task', () => {
    expect(decideCompletion(task({ assigneeId: '9', candidateUserIds: ['7'], candidateGroupIds: ['3'] }), user('7', ['3']))).toEqual({
      allowed: false,
      reason: 'not-involved',
    });
  });

  it('refuses people who are not involved, and members of other groups', () => {
    expect(decideCompletion(task({ assigneeId: '9' }), user('7'))).toEqual({ allowed: false, reason: 'not-involved' });
    expect(decideCompletion(task({ candidateGroupIds: ['3'] }), user('7', ['4']))).toEqual({ allowed: false, reason: 'not-involved' });
  });

  it('lets an admin complete any task; an unassigned one becomes theirs, an assigned one keeps its assignee', () => {
    expect(decideCompletion(task({ assigneeId: '9' }), user('1', [], true))).toEqual({ allowed: true, as: 'admin', claims: false });
    expect(decideCompletion(task(), user('1', [], true))).toEqual({ allowed: true, as: 'admin', claims: true });
  });

  it('refuses everyone while a delegation is pending (the delegate resolves instead)', () => {
    const delegated = task({ assigneeId: '7', ownerId: '8', delegationState: 'pending' });
    expect(decideCompletion(delegated, user('7'))).toEqual({ allowed: false, reason: 'delegated' });
    expect(decideCompletion(delegated, user('8'))).toEqual({ allowed: false, reason: 'delegated' });
    expect(decideCompletion(delegated, user('1', [], true))).toEqual({ allowed: false, reason: 'delegated' });
    expect(decideCompletion(task({ assigneeId: '8', ownerId: '8', delegationState: 'resolved' }), user('8')).allowed).toBe(true);
  });
});
