/**
 * Translates the JUEL subset that Activiti/Flowable models use in conditions and task attributes
 * (the text between `${` and `}`) into FEEL, by parsing it (recursive descent) and printing FEEL
 * with every operation parenthesised, so that JUEL's precedence survives FEEL's. Never evaluates.
 *
 * Supported: `&& and || or ! not == eq != ne < > <= >= lt gt le ge + - * / div % mod`, `empty x`,
 * `a ? b : c`, parentheses, property access `a.b`, indexes by number or string literal, numbers,
 * single- or double-quoted strings, true/false/null. Method calls and anything else: a failure
 * with a message (a compile problem at deploy).
 */
export type Translation = { readonly ok: true; readonly feel: string } | { readonly ok: false; readonly message: string };

type Token =
  | { readonly t: 'num'; readonly v: string }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'id'; readonly v: string }
  | { readonly t: 'op'; readonly v: string };

class JuelError extends Error {}

/** Parentheses and prefix operators nest at most this deep (the parser recurses). */
const MAX_NESTING = 64;

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '!', '<', '>', '+', '-', '*', '/', '%', '(', ')', '.', '[', ']', '?', ':', ','];
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod', 'empty', 'instanceof']);
/** FEEL words that cannot be variable names without quoting, which FEEL has no syntax for. */
const FEEL_RESERVED = new Set(['for', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'in', 'instance', 'of', 'function', 'external', 'between']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 400))!;
      if (m[1]) throw new JuelError(`exponent notation is not supported ('${m[0]}')`);
      // FEEL wants digits on both sides of the point
      out.push({ t: 'num', v: m[0].startsWith('.') ? `0${m[0]}` : m[0].endsWith('.') ? m[0].slice(0, -1) : m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= src.length) throw new JuelError('unterminated string literal');
        const d = src[j]!;
        if (d === '\\' && j + 1 < src.length) {
          value += src[j + 1];
          j += 2;
          continue;
        }
        if (d === c) break;
        value += d;
        j++;
      }
      out.push({ t: 'str', v: value });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i, i + 1000))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new JuelError(`unexpected character '${c}'`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function feelString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): string {
    if (this.tokens.length === 0) throw new JuelError('empty expression');
    const e = this.ternary();
    const rest = this.peek();
    if (rest) throw new JuelError(`unexpected '${rest.v}'`);
    return e;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private isOp(...values: string[]): boolean {
    const t = this.peek();
    return !!t && (t.t === 'op' || (t.t === 'id' && WORD_OPERATORS.has(t.v))) && values.includes(t.v);
  }
  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new JuelError('unexpected end of expression');
    return t;
  }
  private expect(v: string): void {
    const t = this.next();
    if (t.v !== v || t.t === 'str') throw new JuelError(`expected '${v}' but found '${t.v}'`);
  }

  private depth = 0;

  private ternary(): string {
    if (++this.depth > MAX_NESTING) throw new JuelError(`the expression is nested deeper than ${MAX_NESTING} levels`);
    const cond = this.or();
    let result = cond;
    if (this.isOp('?')) {
      this.next();
      const a = this.ternary();
      this.expect(':');
      const b = this.ternary();
      result = `(if ${cond} then ${a} else ${b})`;
    }
    this.depth--;
    return result;
  }
  private binary(sub: () => string, ops: Record<string, string>): string {
    let left = sub();
    while (this.isOp(...Object.keys(ops))) {
      const op = ops[this.next().v]!;
      const right = sub();
      left = op === 'modulo' ? `modulo(${left}, ${right})` : `(${left} ${op} ${right})`;
    }
    return left;
  }
  private or(): string {
    return this.binary(() => this.and(), { '||': 'or', or: 'or' });
  }
  private and(): string {
    return this.binary(() => this.equality(), { '&&': 'and', and: 'and' });
  }
  private equality(): string {
    return this.binary(() => this.relational(), { '==': '=', eq: '=', '!=': '!=', ne: '!=' });
  }
  private relational(): string {
    return this.binary(() => this.additive(), { '<': '<', lt: '<', '>': '>', gt: '>', '<=': '<=', le: '<=', '>=': '>=', ge: '>=' });
  }
  private additive(): string {
    return this.binary(() => this.multiplicative(), { '+': '+', '-': '-' });
  }
  private multiplicative(): string {
    return this.binary(() => this.unary(), { '*': '*', '/': '/', div: '/', '%': 'modulo', mod: 'modulo' });
  }
  private unary(): string {
    if (++this.unaryDepth > MAX_NESTING) throw new JuelError(`the expression is nested deeper than ${MAX_NESTING} levels`);
    try {
      return this.unaryInner();
    } finally {
      this.unaryDepth--;
    }
  }
  private unaryDepth = 0;
  private unaryInner(): string {
    if (this.isOp('!', 'not')) {
      this.next();
      return `not(${this.unary()})`;
    }
    if (this.isOp('-')) {
      this.next();
      return `(- ${this.unary()})`;
    }
    if (this.isOp('empty')) {
      this.next();
      const x = this.unary();
      return `(${x} = null or (${x} instance of string and string length(${x}) = 0) or (${x} instance of list and count(${x}) = 0) or (${x} instance of context and count(get entries(${x})) = 0))`;
    }
    return this.postfix();
  }
  private postfix(): string {
    let e = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.next();
        if (name.t !== 'id') throw new JuelError(`expected a property name after '.' but found '${name.v}'`);
        if (this.isOp('(')) {
          e = this.methodCall(e, name.v);
          continue;
        }
        e = `${e}.${this.name(name.v)}`;
        continue;
      }
      if (this.isOp('[')) {
        this.next();
        const index = this.next();
        this.expect(']');
        if (index.t === 'num' && /^[0-9]+$/.test(index.v)) e = `${e}[${Number(index.v) + 1}]`;
        else if (index.t === 'str' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(index.v) && !FEEL_RESERVED.has(index.v)) e = `${e}.${index.v}`;
        else throw new JuelError('only a number or a simple string literal is supported as an index');
        continue;
      }
      if (this.isOp('(')) throw new JuelError('function calls are not supported');
      return e;
    }
  }
  /**
   * The two method calls Activiti models use in conditions: `execution.getVariable('name')` (the
   * variable itself) and `a.equals(b)`. Any other method is a failure.
   */
  private methodCall(target: string, method: string): string {
    this.expect('(');
    const args: Token[] = [];
    const argTexts: string[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        const start = this.pos;
        argTexts.push(this.ternary());
        args.push(this.tokens[start]!);
        if (!this.isOp(',')) break;
        this.next();
      }
    }
    this.expect(')');
    if (target === 'execution' && (method === 'getVariable' || method === 'getVariableLocal') && args.length === 1) {
      const arg = args[0]!;
      if (arg.t === 'str' && argTexts[0] === feelString(arg.v) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.v)) return this.name(arg.v);
      throw new JuelError(`${method} needs a variable name as a string literal`);
    }
    if (method === 'equals' && args.length === 1) return `(${target} = ${argTexts[0]})`;
    throw new JuelError(`method calls are not supported ('${method}(…)')`);
  }

  private primary(): string {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return t.v;
      case 'str':
        return feelString(t.v);
      case 'id':
        if (t.v === 'true' || t.v === 'false' || t.v === 'null') return t.v;
        if (WORD_OPERATORS.has(t.v)) throw new JuelError(`unexpected '${t.v}'`);
        return this.name(t.v);
      case 'op':
        if (t.v === '(') {
          const e = this.ternary();
          this.expect(')');
          return `(${e})`;
        }
        throw new JuelError(`unexpected '${t.v}'`);
    }
  }
  private name(v: string): string {
    if (FEEL_RESERVED.has(v) || v.includes('$')) throw new JuelError(`the name '${v}' cannot be used in an expression`);
    return v;
  }
}

/** `body` is what stands between `${` and `}`. */
export function juelToFeel(body: string): Translation {
  try {
    return { ok: true, feel: new Parser(tokenize(body)).parseAll() };
  } catch (e) {
    if (e instanceof JuelError) return { ok: false, message: e.message };
    throw e;
  }
}
