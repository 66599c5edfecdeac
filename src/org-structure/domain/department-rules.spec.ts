import { describe, expect, it } from '@jest/globals';
import { isDomainError } from '../../../libs/kernel/domain-error.js';
import { assertDeletable, assertParentAllowed, planAssignment, planManager, planUnassignment } from './department-rules.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return `${e.code} ${String(e.details.field)}`;
    throw e;
  }
  return undefined;
}

describe('department rules', () => {
  describe('parents', () => {
    it('accepts any parent for a new department, and a parent outside the department\'s own subtree', () => {
      expect(codeOf(() => assertParentAllowed(null, '5', ['5', '1']))).toBeUndefined();
      expect(codeOf(() => assertParentAllowed('7', '5', ['5', '1']))).toBeUndefined();
    });

    it('refuses the department itself and any of its sub-departments as parent', () => {
      expect(codeOf(() => assertParentAllowed('5', '5', ['5']))).toBe('ORG.DEPARTMENT_PARENT_CYCLE parentId');
      // 9 is below 7 below 5: making 5's parent 9 would close a loop.
      expect(codeOf(() => assertParentAllowed('5', '9', ['9', '7', '5', '1']))).toBe('ORG.DEPARTMENT_PARENT_CYCLE parentId');
    });
  });

  describe('deletion', () => {
    it('needs no members and no sub-departments, members checked first with the seed\'s message', () => {
      expect(codeOf(() => assertDeletable('3', 0, 0))).toBeUndefined();
      expect(codeOf(() => assertDeletable('3', 1, 2))).toBe('ORG.DEPARTMENT_HAS_MEMBERS departmentId');
      expect(() => assertDeletable('3', 1, 0)).toThrow('Department cannot be deleted while has assigned users.');
      expect(codeOf(() => assertDeletable('3', 0, 1))).toBe('ORG.DEPARTMENT_HAS_CHILDREN departmentId');
    });
  });

  describe('assignment', () => {
    const base = { userId: 'u', departmentId: 'd', managerId: 'm', currentDepartmentId: null, managesDepartmentId: null };

    it('the first user assigned to a department without a manager becomes its manager', () => {
      expect(planAssignment({ ...base, managerId: null })).toEqual({ unchanged: false, clearManagerOf: null, becomesManager: true });
      expect(planAssignment(base)).toEqual({ unchanged: false, clearManagerOf: null, becomesManager: false });
    });

    it('moves a member of another department; a manager who moves leaves that department without a manager', () => {
      expect(planAssignment({ ...base, currentDepartmentId: 'x' })).toEqual({ unchanged: false, clearManagerOf: null, becomesManager: false });
      expect(planAssignment({ ...base, currentDepartmentId: 'x', managesDepartmentId: 'x' })).toEqual({
        unchanged: false,
        clearManagerOf: 'x',
        becomesManager: false,
      });
    });

    it('changes nothing for a member of the same department', () => {
      expect(planAssignment({ ...base, managerId: null, currentDepartmentId: 'd' }).unchanged).toBe(true);
    });
  });

  describe('manager', () => {
    it('a user in no department joins; a member stays; a member of another department is refused, naming the field', () => {
      expect(planManager({ userId: 'u', departmentId: 'd', currentDepartmentId: null }, 'managerId')).toEqual({ joins: true });
      expect(planManager({ userId: 'u', departmentId: 'd', currentDepartmentId: 'd' }, 'userId')).toEqual({ joins: false });
      expect(codeOf(() => planManager({ userId: 'u', departmentId: 'd', currentDepartmentId: 'x' }, 'managerId'))).toBe(
        'ORG.MANAGER_IN_OTHER_DEPARTMENT managerId',
      );
      expect(codeOf(() => planManager({ userId: 'u', departmentId: 'd', currentDepartmentId: 'x' }, 'userId'))).toBe(
        'ORG.MANAGER_IN_OTHER_DEPARTMENT userId',
      );
    });
  });

  describe('unassignment', () => {
    it('needs a member of this department, and clears the manager when the manager leaves', () => {
      expect(planUnassignment({ userId: 'u', departmentId: 'd', managerId: 'm', currentDepartmentId: 'd' })).toEqual({ clearsManager: false });
      expect(planUnassignment({ userId: 'u', departmentId: 'd', managerId: 'u', currentDepartmentId: 'd' })).toEqual({ clearsManager: true });
      expect(codeOf(() => planUnassignment({ userId: 'u', departmentId: 'd', managerId: 'm', currentDepartmentId: 'x' }))).toBe(
        'ORG.USER_NOT_IN_DEPARTMENT userId',
      );
      expect(codeOf(() => planUnassignment({ userId: 'u', departmentId: 'd', managerId: 'm', currentDepartmentId: null }))).toBe(
        'ORG.USER_NOT_IN_DEPARTMENT userId',
      );
    });
  });
});
