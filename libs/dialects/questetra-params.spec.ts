import { describe, expect, it } from '@jest/globals';
import { integerParam, isBlank, isIntegerParam, mergeParams, textParam } from './questetra-params.js';

describe('mergeParams', () => {
  it('joins query string and body, the query string winning on a shared name', () => {
    expect(mergeParams({ start: '1', query: 'a' }, { start: '5', limit: '2' })).toEqual({ start: '1', limit: '2', query: 'a' });
  });

  it('ignores a body that is not an object', () => {
    expect(mergeParams({ id: '3' }, ['x'])).toEqual({ id: '3' });
    expect(mergeParams({ id: '3' }, 'id=4')).toEqual({ id: '3' });
    expect(mergeParams(undefined, undefined)).toEqual({});
  });

  it('keeps a parameter named __proto__ as plain data', () => {
    const bag = mergeParams(JSON.parse('{"__proto__":{"polluted":"yes"}}'), undefined);
    expect(Object.getPrototypeOf(bag)).toBe(Object.prototype);
    expect(Object.keys(bag)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('isIntegerParam', () => {
  it.each([
    ['0', true],
    ['10', true],
    ['007', true],
    [25, true],
    ['1000', true],
    ['1001', false],
    ['-1', false],
    [-1, false],
    ['+1', false],
    [' 1', false],
    ['1.5', false],
    [1.5, false],
    ['1e3', false],
    ['abc', false],
    [['1', '2'], false],
    [true, false],
    ['9999999999999999', false],
  ])('%p → %p within 0..1000', (value, ok) => {
    expect(isIntegerParam(value, 0, 1000)).toBe(ok);
  });

  it('lets blank values through (they take the default)', () => {
    expect(isIntegerParam(undefined, 0, 10)).toBe(true);
    expect(isIntegerParam('', 0, 10)).toBe(true);
    expect(isIntegerParam(null, 0, 10)).toBe(true);
  });
});

describe('integerParam and textParam', () => {
  it('gives the default for blank values and the number otherwise', () => {
    expect(integerParam(undefined, 1)).toBe(1);
    expect(integerParam('', 1)).toBe(1);
    expect(integerParam('0', 1)).toBe(0);
    expect(integerParam('42', 1)).toBe(42);
    expect(integerParam(7, 1)).toBe(7);
  });

  it('treats an empty text as not given', () => {
    expect(textParam('')).toBeUndefined();
    expect(textParam(undefined)).toBeUndefined();
    expect(textParam('ann')).toBe('ann');
    expect(isBlank(' ')).toBe(false);
  });
});
