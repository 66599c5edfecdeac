import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { parseAssignment } from './query-tasks.query.js';

describe('parseAssignment (tasks/query `assignment`)', () => {
  it('absent, empty and `involved` mean involved', () => {
    expect(parseAssignment(undefined)).toEqual({ kind: 'involved' });
    expect(parseAssignment('')).toEqual({ kind: 'involved' });
    expect(parseAssignment('involved')).toEqual({ kind: 'involved' });
  });
  it('assignee and candidate', () => {
    expect(parseAssignment('assignee')).toEqual({ kind: 'assignee' });
    expect(parseAssignment('candidate')).toEqual({ kind: 'candidate' });
  });
  it('group_{id} with a numeric id (leading zeros normalised)', () => {
    expect(parseAssignment('group_12')).toEqual({ kind: 'group', groupId: '12' });
    expect(parseAssignment('group_007')).toEqual({ kind: 'group', groupId: '7' });
  });
  it.each(['group_', 'group_x', 'group_0', 'group_-1', 'group_99999999999999999999', 'Assignee', 'everyone', 'group 1'])('%s is a 400 naming assignment', (value) => {
    try {
      parseAssignment(value);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('validation');
      expect((e as DomainError).details.field).toBe('assignment');
    }
  });
});
