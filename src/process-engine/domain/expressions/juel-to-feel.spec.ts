import { describe, expect, it } from '@jest/globals';
import { juelToFeel } from './juel-to-feel.js';

const feel = (juel: string) => {
  const r = juelToFeel(juel);
  if (!r.ok) throw new Error(r.message);
  return r.feel;
};
const failure = (juel: string) => {
  const r = juelToFeel(juel);
  if (r.ok) throw new Error(`translated to ${r.feel}`);
  return r.message;
};

describe('JUEL → FEEL translation', () => {
  it('&& and "and" become and; || and "or" become or', () => {
    expect(feel('a && b')).toBe('(a and b)');
    expect(feel('a and b')).toBe('(a and b)');
    expect(feel('a || b')).toBe('(a or b)');
    expect(feel('a or b')).toBe('(a or b)');
  });

  it('! and "not" become not(…)', () => {
    expect(feel('!a')).toBe('not(a)');
    expect(feel('not a')).toBe('not(a)');
    expect(feel('!(a && b)')).toBe('not(((a and b)))');
  });

  it('== and eq become =; != and ne stay !=', () => {
    expect(feel('a == 1')).toBe('(a = 1)');
    expect(feel('a eq 1')).toBe('(a = 1)');
    expect(feel('a != 1')).toBe('(a != 1)');
    expect(feel('a ne 1')).toBe('(a != 1)');
  });

  it('lt gt le ge and their symbols', () => {
    expect(feel('a lt 1')).toBe('(a < 1)');
    expect(feel('a gt 1')).toBe('(a > 1)');
    expect(feel('a le 1')).toBe('(a <= 1)');
    expect(feel('a ge 1')).toBe('(a >= 1)');
    expect(feel('a <= 1')).toBe('(a <= 1)');
  });

  it('string literals in single or double quotes, with escapes', () => {
    expect(feel("a == 'x'")).toBe('(a = "x")');
    expect(feel('a == "x"')).toBe('(a = "x")');
    expect(feel("a == 'it\\'s \"q\"'")).toBe('(a = "it\'s \\"q\\"")');
  });

  it('property access, numbers, true/false/null', () => {
    expect(feel('order.customer.vip == true')).toBe('(order.customer.vip = true)');
    expect(feel('x == null')).toBe('(x = null)');
    expect(feel('amount > 1000.5')).toBe('(amount > 1000.5)');
  });

  it('JUEL precedence survives: && binds tighter than ||, comparison tighter than &&', () => {
    expect(feel('a || b && c')).toBe('(a or (b and c))');
    expect(feel('x > 1 && y < 2')).toBe('((x > 1) and (y < 2))');
    expect(feel('a + b * c')).toBe('(a + (b * c))');
  });

  it('empty x, the ternary, modulo, list and map indexes', () => {
    expect(feel('empty x')).toContain('x = null');
    expect(feel('a ? 1 : 2')).toBe('(if a then 1 else 2)');
    expect(feel('a % 2')).toBe('modulo(a, 2)');
    expect(feel('items[0]')).toBe('items[1]');
    expect(feel("m['key']")).toBe('m.key');
  });

  it("execution.getVariable('x') is the variable; a.equals(b) is equality", () => {
    expect(feel("execution.getVariable('approved') == true")).toBe('(approved = true)');
    expect(feel('execution.getVariableLocal("n") > 1')).toBe('(n > 1)');
    expect(feel("status.equals('done') && !x.equals(1)")).toBe('((status = "done") and not((x = 1)))');
  });

  it('what cannot be translated is a failure with a reason', () => {
    expect(failure('')).toBe('empty expression');
    expect(failure('a &&')).toBe('unexpected end of expression');
    expect(failure('a.b()')).toBe("method calls are not supported ('b(…)')");
    expect(failure('execution.getVariable(name)')).toBe('getVariable needs a variable name as a string literal');
    expect(failure('fn(1)')).toBe('function calls are not supported');
    expect(failure("'open")).toBe('unterminated string literal');
    expect(failure('a # b')).toBe("unexpected character '#'");
    expect(failure('items[i]')).toBe('only a number or a simple string literal is supported as an index');
    expect(failure('for')).toBe("the name 'for' cannot be used in an expression");
    expect(failure('(a')).toBe("unexpected end of expression");
    expect(failure('a b')).toBe("unexpected 'b'");
  });
});

describe('JUEL → FEEL: hostile input', () => {
  it('deep nesting is a failure, not a stack overflow', () => {
    expect(failure(`${'('.repeat(10_000)}a${')'.repeat(10_000)}`)).toBe('the expression is nested deeper than 64 levels');
    expect(failure(`${'!'.repeat(10_000)}a`)).toBe('the expression is nested deeper than 64 levels');
    expect(failure(`${'a ? '.repeat(10_000)}b`)).toBe('the expression is nested deeper than 64 levels');
  });

  it('nesting within the limit translates', () => {
    expect(feel(`${'('.repeat(30)}a${')'.repeat(30)}`)).toContain('a');
  });
});

describe('JUEL → FEEL: numbers', () => {
  it('numbers FEEL cannot write are normalised or refused', () => {
    expect(feel('a > .5')).toBe('(a > 0.5)');
    expect(feel('a > 5.')).toBe('(a > 5)');
    expect(failure('a > 1e3')).toBe("exponent notation is not supported ('1e3')");
  });
});
