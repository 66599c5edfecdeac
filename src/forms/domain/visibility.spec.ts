import { describe, expect, it } from '@jest/globals';
import { isVisible, parseVisibilityCondition, referencedFields, type VisibilityContext } from './visibility.js';

const ctx = (values: Record<string, unknown>, variables: Record<string, unknown> = {}): VisibilityContext => ({
  fieldValue: (id) => values[id],
  variable: (name) => variables[name],
});

function parse(raw: unknown) {
  const problems: string[] = [];
  const c = parseVisibilityCondition(raw, problems);
  expect(problems).toEqual([]);
  return c;
}

describe('visibility conditions', () => {
  it('treats null and an empty editor condition as always visible', () => {
    expect(parse(null)).toBeNull();
    expect(parse({})).toBeNull();
    expect(parse({ leftFormFieldId: '', rightValue: '', nextCondition: null })).toBeNull();
    expect(isVisible(null, ctx({}))).toBe(true);
  });

  it.each([
    ['==', 'yes', 'yes', true],
    ['==', 'yes', 'no', false],
    ['!=', 'yes', 'no', true],
    ['==', 5, '5', true],
    ['<', 4, '10', true],
    ['>', '10', 4, true],
    ['<=', 4, 4, true],
    ['>=', 3, 4, false],
    ['<', '2026-01-01', '2026-02-01', true],
    ['==', true, 'true', true],
    ['<', 'abc', 5, false],
  ])('%s compares %j with %j → %s', (operator, left, right, expected) => {
    const c = parse({ leftFormFieldId: 'a', operator, rightValue: right });
    expect(isVisible(c, ctx({ a: left }))).toBe(expected);
  });

  it('knows empty and !empty', () => {
    const empty = parse({ leftFormFieldId: 'a', operator: 'empty' });
    const notEmpty = parse({ leftFormFieldId: 'a', operator: '!empty' });
    for (const v of [undefined, null, '', '  ', []]) expect(isVisible(empty, ctx({ a: v }))).toBe(true);
    expect(isVisible(empty, ctx({ a: 'x' }))).toBe(false);
    expect(isVisible(notEmpty, ctx({ a: 0 }))).toBe(true);
  });

  it('compares with another field, a variable, and the newer leftType/rightType spelling', () => {
    expect(isVisible(parse({ leftFormFieldId: 'a', operator: '==', rightFormFieldId: 'b' }), ctx({ a: 1, b: 1 }))).toBe(true);
    expect(isVisible(parse({ leftType: 'field', leftValue: 'a', operator: '==', rightType: 'variable', rightValue: 'v' }), ctx({ a: 'x' }, { v: 'x' }))).toBe(true);
    expect(isVisible(parse({ leftType: 'variable', leftValue: 'v', operator: '!=', rightType: 'value', rightValue: 'x' }), ctx({}, { v: 'x' }))).toBe(false);
    expect(referencedFields(parse({ leftFormFieldId: 'a', operator: '==', rightFormFieldId: 'b', nextConditionOperator: 'and', nextCondition: { leftFormFieldId: 'c', operator: 'empty' } }))).toEqual(['a', 'b', 'c']);
  });

  it('chains conditions left to right with and, or, and-not, or-not', () => {
    const chain = (op: string, next: string) =>
      parse({
        leftFormFieldId: 'a',
        operator: '==',
        rightValue: 1,
        nextConditionOperator: op,
        nextCondition: { leftFormFieldId: 'b', operator: '==', rightValue: 1, nextConditionOperator: 'or', nextCondition: next === 'x' ? null : { leftFormFieldId: 'c', operator: '==', rightValue: 1 } },
      });
    expect(isVisible(chain('and', 'c'), ctx({ a: 1, b: 0, c: 1 }))).toBe(true); // (1 and 0) or 1
    expect(isVisible(chain('and', 'c'), ctx({ a: 0, b: 1, c: 0 }))).toBe(false);
    expect(isVisible(chain('and-not', 'x'), ctx({ a: 1, b: 0 }))).toBe(true);
    expect(isVisible(chain('or-not', 'x'), ctx({ a: 0, b: 0 }))).toBe(true);
    expect(isVisible(chain('or', 'x'), ctx({ a: 0, b: 0 }))).toBe(false);
  });

  it('describes bad conditions', () => {
    const problems: string[] = [];
    parseVisibilityCondition('a == 1', problems);
    parseVisibilityCondition({ leftFormFieldId: 'a', operator: 'like', rightValue: 1 }, problems);
    parseVisibilityCondition({ operator: '==', rightValue: 1 }, problems);
    parseVisibilityCondition({ leftFormFieldId: 'a', operator: '==', rightValue: 1, nextConditionOperator: 'xor', nextCondition: { leftFormFieldId: 'b', operator: 'empty' } }, problems);
    let deep: Record<string, unknown> = { leftFormFieldId: 'a', operator: 'empty' };
    for (let i = 0; i < 25; i++) deep = { leftFormFieldId: 'a', operator: 'empty', nextConditionOperator: 'and', nextCondition: deep };
    parseVisibilityCondition(deep, problems);
    expect(problems).toEqual([
      'visibilityCondition must be an object',
      'visibilityCondition operator must be one of ==, !=, <, >, <=, >=, empty, !empty',
      'visibilityCondition needs leftFormFieldId (or leftType field/variable/value with leftValue)',
      'visibilityCondition nextConditionOperator must be one of and, or, and-not, or-not',
      'visibilityCondition chains at most 20 conditions',
    ]);
  });
});
