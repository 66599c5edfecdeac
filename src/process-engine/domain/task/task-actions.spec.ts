import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import {
  type ActorFacts,
  assignTask,
  auditTime,
  checklistPositions,
  claimTask,
  delegateTask,
  isCandidate,
  requireActive,
  requireChangeable,
  resolveTask,
  type TaskFacts,
} from './task-actions.js';

const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  id: '7',
  assigneeId: null,
  ownerId: null,
  delegationState: null,
  ended: false,
  candidateUserIds: [],
  candidateGroupIds: [],
  ...over,
});
const me: ActorFacts = { userId: '10', groupIds: ['100', '101'], admin: false };
const admin: ActorFacts = { userId: '1', groupIds: [], admin: true };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return `${e.kind}:${e.code}`;
    throw e;
  }
  return 'no error';
}

describe('task actions', () => {
  describe('isCandidate', () => {
    it('is a candidate as a candidate user or through any of their groups', () => {
      expect(isCandidate(task({ candidateUserIds: ['10'] }), me)).toBe(true);
      expect(isCandidate(task({ candidateGroupIds: ['101'] }), me)).toBe(true);
      expect(isCandidate(task({ candidateUserIds: ['11'], candidateGroupIds: ['102'] }), me)).toBe(false);
    });
  });

  describe('claim', () => {
    it('makes the caller the assignee of an unassigned task', () => {
      expect(claimTask(task(), me)).toEqual({ assigneeId: '10', claimed: true });
    });
    it('changes nothing when the caller already holds it', () => {
      expect(claimTask(task({ assigneeId: '10' }), me)).toBeNull();
    });
    it('refuses a task held by someone else (409), even for an admin', () => {
      expect(codeOf(() => claimTask(task({ assigneeId: '11' }), me))).toBe('conflict:ENGINE.TASK_ALREADY_CLAIMED');
      expect(codeOf(() => claimTask(task({ assigneeId: '11' }), admin))).toBe('conflict:ENGINE.TASK_ALREADY_CLAIMED');
    });
    it('refuses a completed task (409)', () => {
      expect(codeOf(() => claimTask(task({ ended: true }), me))).toBe('conflict:ENGINE.TASK_ENDED');
    });
  });

  describe('assign', () => {
    it('lets the assignee, the owner and an admin hand the task on', () => {
      expect(assignTask(task({ assigneeId: '10' }), me, '20')).toEqual({ assigneeId: '20' });
      expect(assignTask(task({ assigneeId: '11', ownerId: '10' }), me, '20')).toEqual({ assigneeId: '20' });
      expect(assignTask(task({ assigneeId: '11' }), admin, '20')).toEqual({ assigneeId: '20' });
    });
    it('lets a candidate assign an unassigned task, but not one someone holds', () => {
      expect(assignTask(task({ candidateGroupIds: ['100'] }), me, '20')).toEqual({ assigneeId: '20' });
      expect(codeOf(() => assignTask(task({ assigneeId: '11', candidateGroupIds: ['100'] }), me, '20'))).toBe(
        'forbidden:ENGINE.TASK_ACTION_NOT_ALLOWED',
      );
    });
    it('refuses others (403) and completed tasks (409); the same assignee changes nothing', () => {
      expect(codeOf(() => assignTask(task(), me, '20'))).toBe('forbidden:ENGINE.TASK_ACTION_NOT_ALLOWED');
      expect(codeOf(() => assignTask(task({ assigneeId: '10', ended: true }), me, '20'))).toBe('conflict:ENGINE.TASK_ENDED');
      expect(assignTask(task({ assigneeId: '20', ownerId: '10' }), me, '20')).toBeNull();
    });
  });

  describe('delegate and resolve', () => {
    it('delegation makes the previous assignee the owner and the delegation pending', () => {
      expect(delegateTask(task({ assigneeId: '10' }), me, '20')).toEqual({ assigneeId: '20', ownerId: '10', delegationState: 'pending' });
    });
    it('a re-delegation keeps the original owner', () => {
      expect(delegateTask(task({ assigneeId: '20', ownerId: '10', delegationState: 'pending' }), me, '30')).toEqual({
        assigneeId: '30',
        ownerId: '10',
        delegationState: 'pending',
      });
    });
    it('refuses unassigned tasks (409), strangers (403) and completed tasks (409)', () => {
      expect(codeOf(() => delegateTask(task(), me, '20'))).toBe('conflict:ENGINE.TASK_NOT_ASSIGNED');
      expect(codeOf(() => delegateTask(task({ assigneeId: '11' }), me, '20'))).toBe('forbidden:ENGINE.TASK_ACTION_NOT_ALLOWED');
      expect(codeOf(() => delegateTask(task({ assigneeId: '10', ended: true }), me, '20'))).toBe('conflict:ENGINE.TASK_ENDED');
      expect(delegateTask(task({ assigneeId: '11' }), admin, '20')).toEqual({ assigneeId: '20', ownerId: '11', delegationState: 'pending' });
    });
    it('resolve gives the task back to the owner; only the delegate or an admin', () => {
      const delegated = task({ assigneeId: '10', ownerId: '11', delegationState: 'pending' });
      expect(resolveTask(delegated, me)).toEqual({ assigneeId: '11', delegationState: 'resolved' });
      expect(resolveTask(delegated, admin)).toEqual({ assigneeId: '11', delegationState: 'resolved' });
      expect(codeOf(() => resolveTask({ ...delegated, assigneeId: '12' }, me))).toBe('forbidden:ENGINE.TASK_ACTION_NOT_ALLOWED');
    });
    it('resolve refuses a task without a pending delegation (409) and a completed one', () => {
      expect(codeOf(() => resolveTask(task({ assigneeId: '10' }), me))).toBe('conflict:ENGINE.TASK_NOT_DELEGATED');
      expect(codeOf(() => resolveTask(task({ assigneeId: '10', ownerId: '11', delegationState: 'resolved' }), me))).toBe(
        'conflict:ENGINE.TASK_NOT_DELEGATED',
      );
      expect(codeOf(() => resolveTask(task({ assigneeId: '10', delegationState: 'pending', ended: true }), me))).toBe('conflict:ENGINE.TASK_ENDED');
    });
  });

  it('changes of a completed task are a 409', () => {
    expect(codeOf(() => requireChangeable(task({ ended: true })))).toBe('conflict:ENGINE.TASK_ENDED');
    expect(codeOf(() => requireChangeable(task()))).toBe('no error');
    expect(codeOf(() => requireActive(task({ ended: true })))).toBe('conflict:ENGINE.TASK_ENDED');
  });

  it('a task of a suspended instance takes no action (409), but its details may still be edited', () => {
    const suspended = task({ suspended: true, assigneeId: '10', ownerId: '11', delegationState: 'pending' });
    expect(codeOf(() => claimTask({ ...suspended, assigneeId: null }, me))).toBe('conflict:ENGINE.TASK_SUSPENDED');
    expect(codeOf(() => assignTask(suspended, me, '20'))).toBe('conflict:ENGINE.TASK_SUSPENDED');
    expect(codeOf(() => delegateTask(suspended, me, '20'))).toBe('conflict:ENGINE.TASK_SUSPENDED');
    expect(codeOf(() => resolveTask(suspended, me))).toBe('conflict:ENGINE.TASK_SUSPENDED');
    expect(codeOf(() => requireActive(suspended))).toBe('conflict:ENGINE.TASK_SUSPENDED');
    expect(codeOf(() => requireChangeable(suspended))).toBe('no error');
  });

  describe('checklist order', () => {
    it('answers the new positions in the order given', () => {
      expect(checklistPositions(['1', '2', '3'], ['3', '1', '2'])).toEqual([
        { id: '3', position: 0 },
        { id: '1', position: 1 },
        { id: '2', position: 2 },
      ]);
    });
    it('refuses unknown ids, duplicates and incomplete orders (400)', () => {
      expect(codeOf(() => checklistPositions(['1', '2'], ['1', '9']))).toBe('validation:ENGINE.CHECKLIST_ORDER');
      expect(codeOf(() => checklistPositions(['1', '2'], ['1', '1']))).toBe('validation:ENGINE.CHECKLIST_ORDER');
      expect(codeOf(() => checklistPositions(['1', '2'], ['2']))).toBe('validation:ENGINE.CHECKLIST_ORDER');
    });
  });

  it('writes audit times as Java does, in UTC', () => {
    expect(auditTime(new Date('2016-01-20T20:03:05.123Z'))).toBe('Wed Jan 20 20:03:05 UTC 2016');
    expect(auditTime(null)).toBeNull();
  });
});
