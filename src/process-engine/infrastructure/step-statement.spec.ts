import { describe, expect, it } from '@jest/globals';
import { StepStatement } from './step-statement.js';

interface Step {
  readonly a: readonly string[];
  readonly b: readonly number[];
}

const statement = (): StepStatement<Step> =>
  new StepStatement<Step>(
    2,
    [
      { name: 'a', when: (s) => s.a.length > 0, sql: (p) => `a AS (SELECT ${p(0)}::text[], ${p(1)}::int)`, values: (s) => [s.a, s.a.length] },
      { name: 'b', when: (s) => s.b.length > 0, sql: (p) => `b AS (SELECT ${p(0)}::int[], ${p(0)}::int[])`, values: (s) => [s.b] },
    ],
    (ctes, has) => `WITH ${ctes.join(', ')} SELECT ${has('a') ? 'a' : 'none'}, ${has('b') ? 'b' : 'none'}`,
  );

describe('StepStatement', () => {
  it('numbers each included part after the fixed parameters and the parts before it', () => {
    const s = statement();
    expect(s.assemble({ a: ['x'], b: [7] }, ['t', 'i'])).toEqual({
      text: 'WITH a AS (SELECT $3::text[], $4::int), b AS (SELECT $5::int[], $5::int[]) SELECT a, b',
      values: ['t', 'i', ['x'], 1, [7]],
      parts: 2,
    });
  });

  it('leaves out the parts a step has no rows for, renumbering those after them', () => {
    const s = statement();
    expect(s.assemble({ a: [], b: [7, 8] }, ['t', 'i'])).toEqual({
      text: 'WITH b AS (SELECT $3::int[], $3::int[]) SELECT none, b',
      values: ['t', 'i', [7, 8]],
      parts: 1,
    });
    expect(s.assemble({ a: [], b: [] }, ['t', 'i']).parts).toBe(0);
  });

  it('builds a combination once: the same text (one prepared statement) whatever the rows', () => {
    const s = statement();
    const first = s.assemble({ a: ['x'], b: [] }, ['t', 'i']);
    const second = s.assemble({ a: ['y', 'z'], b: [] }, ['u', 'j']);
    expect(second.text).toBe(first.text);
    expect(second.values).toEqual(['u', 'j', ['y', 'z'], 2]);
  });

  it('refuses a part whose values and placeholders disagree, and the wrong number of fixed values', () => {
    const broken = new StepStatement<Step>(1, [{ name: 'a', when: () => true, sql: (p) => `a AS (SELECT ${p(0)})`, values: () => [1, 2] }], (c) => c.join());
    expect(() => broken.assemble({ a: [], b: [] }, ['t'])).toThrow('3 values for 2 parameters');
    expect(() => statement().assemble({ a: [], b: [] }, ['t'])).toThrow('1 fixed values for 2 parameters');
  });
});
