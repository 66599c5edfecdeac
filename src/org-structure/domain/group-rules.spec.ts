import { describe, expect, it } from '@jest/globals';
import { assertCanNest, assertCarriesCapabilities, assertHoldsAll, normalizeTitle } from './group-rules.js';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('group rules', () => {
  const f = (id: string) => ({ id, kind: 'functional' as const });
  const s = (id: string) => ({ id, kind: 'system' as const });

  it('titles are trimmed, non-empty and at most 255 characters', () => {
    expect(normalizeTitle('  Sales ')).toBe('Sales');
    expect(code(() => normalizeTitle('   '))).toBe('ORG.GROUP_TITLE_INVALID');
    expect(code(() => normalizeTitle('x'.repeat(256)))).toBe('ORG.GROUP_TITLE_INVALID');
  });

  it('a group cannot contain itself', () => {
    expect(code(() => assertCanNest(f('1'), f('1'), new Set(['1']), 'parentId'))).toBe('ORG.GROUP_SELF_MEMBER');
  });

  it('refuses an edge that closes a cycle: the child is already an ancestor of the container', () => {
    expect(code(() => assertCanNest(f('3'), f('1'), new Set(['3', '2', '1']), 'parentId'))).toBe('ORG.GROUP_CYCLE');
    expect(code(() => assertCanNest(f('3'), f('4'), new Set(['3', '2', '1']), 'parentId'))).toBeUndefined();
  });

  it('system groups neither nest nor contain groups', () => {
    expect(code(() => assertCanNest(s('1'), f('2'), new Set(['1']), 'memberGroupId'))).toBe('ORG.SYSTEM_GROUP_NESTING');
    expect(code(() => assertCanNest(f('1'), s('2'), new Set(['1']), 'memberGroupId'))).toBe('ORG.SYSTEM_GROUP_NESTING');
  });

  it('only system groups carry capabilities, and only capabilities the actor holds are granted', () => {
    expect(code(() => assertCarriesCapabilities(f('1')))).toBe('ORG.CAPABILITIES_ON_FUNCTIONAL_GROUP');
    expect(code(() => assertCarriesCapabilities(s('1')))).toBeUndefined();
    expect(code(() => assertHoldsAll(new Set(['a']), ['a', 'b']))).toBe('ORG.CAPABILITY_NOT_HELD');
    expect(code(() => assertHoldsAll(new Set(['a', 'b']), ['a']))).toBeUndefined();
  });
});
