import { evaluate, parseExpression } from 'feelin';
import type { Expression, TextTemplate } from '../model/process-model.js';
import { juelToFeel } from './juel-to-feel.js';

/**
 * Expressions of the engine: FEEL evaluated by feelin, JUEL `${…}` translated to FEEL at compile
 * time. No eval, no vm, no Function. Evaluation never throws: a failure carries a message.
 */
export type Compiled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
export type Evaluated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** FEEL syntax check: feelin's parser recovers from errors, so look for error nodes in the tree. */
export function feelSyntaxError(feel: string): string | null {
  try {
    const tree = parseExpression(feel, {}, undefined);
    let error: number | null = null;
    tree.iterate({
      enter(node) {
        if (node.type.isError && error === null) error = node.from;
        return error === null;
      },
    });
    return error === null ? null : `syntax error at position ${error}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function checked(language: Expression['language'], source: string, feel: string): Compiled<Expression> {
  const error = feelSyntaxError(feel);
  if (error) return { ok: false, message: `'${source}' is not a valid expression: ${error}` };
  return { ok: true, value: { language, source, feel } };
}

/** Whether a condition is written as JUEL (`${…}` / `#{…}` inside) rather than FEEL. */
export function isJuel(source: string): boolean {
  return /[$#]\{/.test(source);
}

/**
 * A condition or value expression as written in the model: `${…}` is JUEL; anything else is FEEL
 * (a leading `=` as in Camunda 8 models is dropped).
 */
export function compileExpression(written: string): Compiled<Expression> {
  const source = written.trim();
  const template = parseTextTemplate(source);
  if (!template.ok) return template;
  if (template.value.length === 1 && typeof template.value[0] !== 'string') return { ok: true, value: template.value[0]! };
  if (template.value.some((p) => typeof p !== 'string')) {
    return { ok: false, message: `'${source}' mixes text and \${…} expressions; a condition must be one expression` };
  }
  const feel = source.replace(/^=/, '').trim();
  if (!feel) return { ok: false, message: 'the expression is empty' };
  return checked('feel', source, feel);
}

/** Splits text into literal parts and `${…}` / `#{…}` expressions (JUEL, translated to FEEL). */
export function parseTextTemplate(text: string): Compiled<TextTemplate> {
  const parts: Array<string | Expression> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '$' || c === '#') && text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) return { ok: false, message: `'${text}' has an unterminated ${c}{ expression` };
      const source = text.slice(i, end + 1);
      // the translator prints well-formed FEEL by construction: no second (slow) parse here
      const translated = juelToFeel(text.slice(i + 2, end));
      if (!translated.ok) return { ok: false, message: `'${source}' is not a valid expression: ${translated.message}` };
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ language: 'juel', source, feel: translated.feel });
      i = end + 1;
      continue;
    }
    literal += c;
    i++;
  }
  if (literal) parts.push(literal);
  return { ok: true, value: parts };
}

/** The index of the `}` closing an expression that starts at `from`, skipping string literals. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

export function isTemplateLiteral(template: TextTemplate): boolean {
  return template.every((p) => typeof p === 'string');
}

/** Warnings that mean "this value is missing" rather than "this expression is wrong". */
const TOLERATED = new Set(['NO_PROPERTY_FOUND', 'NO_CONTEXT_ENTRY_FOUND']);

/**
 * A lone variable name (`initiator`, `amount`): FEEL's value of it is the variable's value, or null
 * when it is not set (NO_CONTEXT_ENTRY_FOUND, tolerated below). The commonest expression of all
 * (`${initiator}` assignees) is answered without feelin parsing it again on every evaluation, which
 * cost ≈ 0.1 ms per user task. Keywords and names FEEL reads differently are left to feelin.
 */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FEEL_WORDS = new Set([
  'true', 'false', 'null', 'not', 'and', 'or', 'in', 'between', 'instance', 'of', 'for', 'return', 'if', 'then', 'else',
  'some', 'every', 'satisfies', 'function', 'external', 'date', 'time', 'duration',
]);

function plainName(feel: string): string | null {
  const name = feel.trim();
  return PLAIN_NAME.test(name) && !FEEL_WORDS.has(name) ? name : null;
}

export function evaluateExpression(expr: Expression, variables: Readonly<Record<string, unknown>>): Evaluated<unknown> {
  const name = plainName(expr.feel);
  // A set variable only: an unset one is feelin's warning (an incident, not a silent null).
  if (name !== null && Object.prototype.hasOwnProperty.call(variables, name)) {
    const value = variables[name];
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value: value ?? null };
    if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
    // lists, contexts, other numbers: feelin's own conversions apply
  }
  return evaluateWithFeelin(expr, variables);
}

/** Every expression through feelin (what evaluateExpression answers for anything but a lone set variable). */
export function evaluateWithFeelin(expr: Expression, variables: Readonly<Record<string, unknown>>): Evaluated<unknown> {
  try {
    const { value, warnings } = evaluate(expr.feel, { ...variables });
    const fatal = warnings.find((w) => !TOLERATED.has(w.type));
    if (fatal) return { ok: false, message: `${expr.source}: ${fatal.message}` };
    return { ok: true, value: toPlain(value) };
  } catch (e) {
    return { ok: false, message: `${expr.source}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function evaluateCondition(expr: Expression, variables: Readonly<Record<string, unknown>>): Evaluated<boolean> {
  const r = evaluateExpression(expr, variables);
  if (!r.ok) return r;
  if (typeof r.value !== 'boolean') return { ok: false, message: `${expr.source}: a condition must be true or false, not ${describe(r.value)}` };
  return { ok: true, value: r.value };
}

/** A template's value: the raw value of a lone expression, else the concatenated text. */
export function evaluateTemplate(template: TextTemplate, variables: Readonly<Record<string, unknown>>): Evaluated<unknown> {
  if (template.length === 1 && typeof template[0] !== 'string') return evaluateExpression(template[0]!, variables);
  let text = '';
  for (const part of template) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const r = evaluateExpression(part, variables);
    if (!r.ok) return r;
    text += r.value === null || r.value === undefined ? '' : stringify(r.value);
  }
  return { ok: true, value: text };
}

export function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value) ?? '';
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return `${typeof value} ${stringify(value).slice(0, 50)}`;
}

/** feelin returns its own temporal objects; the engine works with JSON values only. */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value) && value.constructor && value.constructor !== Object) {
    return typeof (value as { toString?: unknown }).toString === 'function' ? String(value) : null;
  }
  return value;
}
