import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { juelToFeel } from './juel-to-feel.js';
import { evaluateExpression, feelSyntaxError } from './expressions.js';

/**
 * Random JUEL expressions (numbers, comparisons, boolean logic, the ternary; symbols and word
 * operators; parentheses only where JUEL precedence needs them) translate to FEEL that parses and
 * computes what the JUEL means.
 */
type Num = { k: 'lit'; v: number } | { k: 'var'; name: 'a' | 'b' | 'c' } | { k: 'arith'; op: '+' | '-' | '*'; l: Num; r: Num };
type Bool =
  | { k: 'const'; v: boolean }
  | { k: 'bvar'; name: 'p' | 'q' }
  | { k: 'cmp'; op: '<' | '>' | '<=' | '>=' | '==' | '!='; l: Num; r: Num }
  | { k: 'not'; e: Bool }
  | { k: 'and' | 'or'; l: Bool; r: Bool }
  | { k: 'if'; c: Bool; a: Bool; b: Bool };

const { num, bool } = fc.letrec<{ num: Num; bool: Bool }>((tie) => ({
  num: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'num' },
    fc.record({ k: fc.constant('lit' as const), v: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ k: fc.constant('var' as const), name: fc.constantFrom('a' as const, 'b' as const, 'c' as const) }),
    fc.record({ k: fc.constant('arith' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const), l: tie('num'), r: tie('num') }),
  ),
  bool: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'bool' },
    fc.record({ k: fc.constant('const' as const), v: fc.boolean() }),
    fc.record({ k: fc.constant('bvar' as const), name: fc.constantFrom('p' as const, 'q' as const) }),
    fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('<' as const, '>' as const, '<=' as const, '>=' as const, '==' as const, '!=' as const), l: tie('num'), r: tie('num') }),
    fc.record({ k: fc.constant('not' as const), e: tie('bool') }),
    fc.record({ k: fc.constantFrom('and' as const, 'or' as const), l: tie('bool'), r: tie('bool') }),
    fc.record({ k: fc.constant('if' as const), c: tie('bool'), a: tie('bool'), b: tie('bool') }),
  ),
}));

const WORDS: Record<string, string> = { '<': 'lt', '>': 'gt', '<=': 'le', '>=': 'ge', '==': 'eq', '!=': 'ne', and: 'and', or: 'or' };
const SYMBOLS: Record<string, string> = { and: '&&', or: '||' };
/** JUEL precedence, higher binds tighter. */
const PREC = { if: 1, or: 2, and: 3, eq: 4, rel: 5, add: 6, mul: 7, unary: 8, atom: 9 };

function numPrec(n: Num): number {
  return n.k === 'arith' ? (n.op === '*' ? PREC.mul : PREC.add) : PREC.atom;
}
function boolPrec(b: Bool): number {
  switch (b.k) {
    case 'cmp':
      return b.op === '==' || b.op === '!=' ? PREC.eq : PREC.rel;
    case 'not':
      return PREC.unary;
    case 'and':
      return PREC.and;
    case 'or':
      return PREC.or;
    case 'if':
      return PREC.if;
    default:
      return PREC.atom;
  }
}
const wrap = (text: string, childPrec: number, minPrec: number) => (childPrec < minPrec ? `(${text})` : text);

function printNum(n: Num, words: boolean): string {
  switch (n.k) {
    case 'lit':
      return String(n.v);
    case 'var':
      return n.name;
    case 'arith': {
      const p = numPrec(n);
      return `${wrap(printNum(n.l, words), numPrec(n.l), p)} ${n.op} ${wrap(printNum(n.r, words), numPrec(n.r), p + 1)}`;
    }
  }
}
function printBool(b: Bool, words: boolean): string {
  switch (b.k) {
    case 'const':
      return String(b.v);
    case 'bvar':
      return b.name;
    case 'cmp': {
      const p = boolPrec(b);
      const op = words ? WORDS[b.op]! : b.op;
      return `${wrap(printNum(b.l, words), numPrec(b.l), p + 1)} ${op} ${wrap(printNum(b.r, words), numPrec(b.r), p + 1)}`;
    }
    case 'not':
      return words ? `not ${wrap(printBool(b.e, words), boolPrec(b.e), PREC.unary)}` : `!${wrap(printBool(b.e, words), boolPrec(b.e), PREC.unary)}`;
    case 'and':
    case 'or': {
      const p = boolPrec(b);
      const op = words ? WORDS[b.k]! : SYMBOLS[b.k]!;
      return `${wrap(printBool(b.l, words), boolPrec(b.l), p)} ${op} ${wrap(printBool(b.r, words), boolPrec(b.r), p + 1)}`;
    }
    case 'if':
      return `${wrap(printBool(b.c, words), boolPrec(b.c), PREC.or)} ? ${wrap(printBool(b.a, words), boolPrec(b.a), PREC.if)} : ${wrap(printBool(b.b, words), boolPrec(b.b), PREC.if)}`;
  }
}

type Vars = { a: number; b: number; c: number; p: boolean; q: boolean };
function evalNum(n: Num, v: Vars): number {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'var':
      return v[n.name];
    case 'arith': {
      const l = evalNum(n.l, v);
      const r = evalNum(n.r, v);
      return n.op === '+' ? l + r : n.op === '-' ? l - r : l * r;
    }
  }
}
function evalBool(b: Bool, v: Vars): boolean {
  switch (b.k) {
    case 'const':
      return b.v;
    case 'bvar':
      return v[b.name];
    case 'cmp': {
      const l = evalNum(b.l, v);
      const r = evalNum(b.r, v);
      return { '<': l < r, '>': l > r, '<=': l <= r, '>=': l >= r, '==': l === r, '!=': l !== r }[b.op];
    }
    case 'not':
      return !evalBool(b.e, v);
    case 'and':
      return evalBool(b.l, v) && evalBool(b.r, v);
    case 'or':
      return evalBool(b.l, v) || evalBool(b.r, v);
    case 'if':
      return evalBool(b.c, v) ? evalBool(b.a, v) : evalBool(b.b, v);
  }
}

const vars = fc.record({ a: fc.integer({ min: -5, max: 5 }), b: fc.integer({ min: -5, max: 5 }), c: fc.integer({ min: -5, max: 5 }), p: fc.boolean(), q: fc.boolean() });

describe('JUEL → FEEL translation (properties)', () => {
  it('every translation is FEEL that feelin parses', () => {
    fc.assert(
      fc.property(bool, fc.boolean(), (b, words) => {
        const t = juelToFeel(printBool(b, words));
        expect(t.ok).toBe(true);
        expect(t.ok && feelSyntaxError(t.feel)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('the FEEL computes what the JUEL means (precedence, word and symbol operators, ternary)', () => {
    fc.assert(
      fc.property(bool, fc.boolean(), vars, (b, words, v) => {
        const source = printBool(b, words);
        const t = juelToFeel(source);
        if (!t.ok) throw new Error(t.message);
        const r = evaluateExpression({ language: 'juel', source, feel: t.feel }, v);
        expect(r).toEqual({ ok: true, value: evalBool(b, v) });
      }),
      { numRuns: 300 },
    );
  });

  it('arithmetic keeps JUEL precedence and associativity', () => {
    fc.assert(
      fc.property(num, vars, (n, v) => {
        const source = printNum(n, false);
        const t = juelToFeel(source);
        if (!t.ok) throw new Error(t.message);
        expect(evaluateExpression({ language: 'juel', source, feel: t.feel }, v)).toEqual({ ok: true, value: evalNum(n, v) });
      }),
      { numRuns: 300 },
    );
  });
});
