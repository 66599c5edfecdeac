import { describe, expect, it } from '@jest/globals';
import { MAX_MATCHED_LENGTH, patternProblem, wholeValueMatcher } from './safe-pattern.js';

describe('patternProblem', () => {
  it.each([
    '^[A-Z]{2}-\\d{4}$',
    '[a-z]+@[a-z]+\\.[a-z]{2,}',
    '\\d{3}(-\\d{2})?',
    '(?:ab)?c+',
    '(ab){2}',
    'a|b|c',
    '[(+*)]+',
    '\\(\\d+\\)',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+', 'catastrophic'],
    ['(a*)*b', 'catastrophic'],
    ['(a|aa)+', 'catastrophic'],
    ['((ab)*c)+', 'catastrophic'],
    ['(\\d{1,3}){2,}', 'catastrophic'],
    ['(a)\\1', 'back-references'],
    ['(?<x>a)\\k<x>', 'back-references'],
    ['(', 'not a valid regular expression'],
    ['', 'empty'],
    ['a'.repeat(501), 'at most 500'],
  ])('refuses %s', (pattern, why) => {
    expect(patternProblem(pattern)).toContain(why);
  });

  it('matches whole values only, and never values longer than the limit', () => {
    const m = wholeValueMatcher('[a-z]+');
    expect(m('abc')).toBe(true);
    expect(m('abc1')).toBe(false);
    expect(m('a'.repeat(MAX_MATCHED_LENGTH))).toBe(true);
    expect(m('a'.repeat(MAX_MATCHED_LENGTH + 1))).toBe(false);
    expect(wholeValueMatcher('a|b')('ab')).toBe(false);
  });
});
