/**
 * Alfresco's `visibilityCondition` (the documents show it only as null; this follows Alfresco's
 * form runtime): `{leftFormFieldId | leftType+leftValue, operator, rightValue | rightType+rightValue
 * | rightFormFieldId, nextConditionOperator, nextCondition}`. A chain is evaluated left to right
 * (`a and b or c` = `(a and b) or c`), as Alfresco's runtime does.
 */
export type VisibilityOperator = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'empty' | '!empty';
export type NextConditionOperator = 'and' | 'or' | 'and-not' | 'or-not';

/** One side of a comparison: a form field's value, a process variable or a literal. */
export type Operand =
  | { readonly kind: 'field'; readonly fieldId: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'value'; readonly value: unknown };

export interface VisibilityCondition {
  readonly left: Operand;
  readonly operator: VisibilityOperator;
  readonly right: Operand;
  readonly next: { readonly operator: NextConditionOperator; readonly condition: VisibilityCondition } | null;
}

export const VISIBILITY_OPERATORS: readonly VisibilityOperator[] = ['==', '!=', '<', '>', '<=', '>=', 'empty', '!empty'];
export const NEXT_OPERATORS: readonly NextConditionOperator[] = ['and', 'or', 'and-not', 'or-not'];
/** Longest `nextCondition` chain accepted. */
export const MAX_CONDITION_CHAIN = 20;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Parses a written condition; problems are described for the field carrying it. `null`, `{}` and a
 * condition without any left side mean "always visible" (Alfresco's editor writes empty ones).
 */
export function parseVisibilityCondition(raw: unknown, problems: string[], depth = 0): VisibilityCondition | null {
  if (raw === null || raw === undefined) return null;
  if (!isRecord(raw)) {
    problems.push('visibilityCondition must be an object');
    return null;
  }
  if (depth >= MAX_CONDITION_CHAIN) {
    problems.push(`visibilityCondition chains at most ${MAX_CONDITION_CHAIN} conditions`);
    return null;
  }
  const leftType = text(raw['leftType']);
  let left: Operand | null = null;
  if (text(raw['leftFormFieldId'])) left = { kind: 'field', fieldId: text(raw['leftFormFieldId'])! };
  else if (leftType === 'field' && text(raw['leftValue'])) left = { kind: 'field', fieldId: text(raw['leftValue'])! };
  else if (leftType === 'variable' && text(raw['leftValue'])) left = { kind: 'variable', name: text(raw['leftValue'])! };
  else if (text(raw['leftVariableName'])) left = { kind: 'variable', name: text(raw['leftVariableName'])! };
  else if (leftType === 'value') left = { kind: 'value', value: raw['leftValue'] ?? null };
  if (!left) {
    if (depth === 0 && raw['operator'] === undefined && raw['nextCondition'] == null) return null;
    problems.push('visibilityCondition needs leftFormFieldId (or leftType field/variable/value with leftValue)');
    return null;
  }
  const operator = raw['operator'];
  if (typeof operator !== 'string' || !(VISIBILITY_OPERATORS as readonly string[]).includes(operator)) {
    problems.push(`visibilityCondition operator must be one of ${VISIBILITY_OPERATORS.join(', ')}`);
    return null;
  }
  const rightType = text(raw['rightType']);
  let right: Operand;
  if (text(raw['rightFormFieldId'])) right = { kind: 'field', fieldId: text(raw['rightFormFieldId'])! };
  else if (rightType === 'field' && text(raw['rightValue'])) right = { kind: 'field', fieldId: text(raw['rightValue'])! };
  else if (rightType === 'variable' && text(raw['rightValue'])) right = { kind: 'variable', name: text(raw['rightValue'])! };
  else if (text(raw['rightVariableName'])) right = { kind: 'variable', name: text(raw['rightVariableName'])! };
  else right = { kind: 'value', value: raw['rightValue'] ?? null };

  let next: VisibilityCondition['next'] = null;
  const nextRaw = raw['nextCondition'];
  if (nextRaw !== null && nextRaw !== undefined) {
    const op = raw['nextConditionOperator'];
    if (typeof op !== 'string' || !(NEXT_OPERATORS as readonly string[]).includes(op)) {
      problems.push(`visibilityCondition nextConditionOperator must be one of ${NEXT_OPERATORS.join(', ')}`);
      return null;
    }
    const condition = parseVisibilityCondition(nextRaw, problems, depth + 1);
    if (!condition) {
      if (!isRecord(nextRaw) || Object.keys(nextRaw).length > 0) return null;
    } else next = { operator: op as NextConditionOperator, condition };
  }
  return { left, operator: operator as VisibilityOperator, right, next };
}

/** Field ids a condition reads (to check they exist). */
export function referencedFields(c: VisibilityCondition | null): string[] {
  const ids: string[] = [];
  for (let cur = c; cur; cur = cur.next?.condition ?? null) {
    if (cur.left.kind === 'field') ids.push(cur.left.fieldId);
    if (cur.right.kind === 'field') ids.push(cur.right.fieldId);
  }
  return ids;
}

export interface VisibilityContext {
  /** A field's value as the condition sees it (the option id for dropdowns); undefined: no value. */
  fieldValue(fieldId: string): unknown;
  /** Alternative spellings of the same value that compare equal (a dropdown option's name). */
  fieldAliases?(fieldId: string): readonly unknown[];
  variable(name: string): unknown;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function operandValue(o: Operand, ctx: VisibilityContext): unknown {
  if (o.kind === 'field') return ctx.fieldValue(o.fieldId);
  if (o.kind === 'variable') return ctx.variable(o.name);
  return o.value;
}

function asComparable(v: unknown): number | string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (t !== '' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
    return t;
  }
  if (isRecord(v) && (typeof v['id'] === 'string' || typeof v['id'] === 'number')) return asComparable(v['id']);
  return null;
}

function equal(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  const x = asComparable(a);
  const y = asComparable(b);
  if (x === null || y === null) return false;
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  return String(x) === String(y);
}

function order(a: unknown, b: unknown): number | null {
  const x = asComparable(a);
  const y = asComparable(b);
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number' || typeof y === 'number') return null;
  // ISO dates and plain strings compare lexically.
  return x < y ? -1 : x > y ? 1 : 0;
}

function evaluateOne(c: VisibilityCondition, ctx: VisibilityContext): boolean {
  const left = operandValue(c.left, ctx);
  if (c.operator === 'empty') return isEmpty(left);
  if (c.operator === '!empty') return !isEmpty(left);
  const right = operandValue(c.right, ctx);
  const aliases = c.left.kind === 'field' ? (ctx.fieldAliases?.(c.left.fieldId) ?? []) : [];
  const eq = equal(left, right) || aliases.some((alias) => equal(alias, right));
  switch (c.operator) {
    case '==':
      return eq;
    case '!=':
      return !eq;
    default: {
      const cmp = order(left, right);
      if (cmp === null) return false;
      if (c.operator === '<') return cmp < 0;
      if (c.operator === '>') return cmp > 0;
      if (c.operator === '<=') return cmp <= 0;
      return cmp >= 0;
    }
  }
}

/** true: the field is visible. A null condition is always visible. */
export function isVisible(c: VisibilityCondition | null, ctx: VisibilityContext): boolean {
  if (!c) return true;
  let result = evaluateOne(c, ctx);
  for (let cur = c; cur.next; cur = cur.next.condition) {
    const value = evaluateOne(cur.next.condition, ctx);
    switch (cur.next.operator) {
      case 'and':
        result = result && value;
        break;
      case 'or':
        result = result || value;
        break;
      case 'and-not':
        result = result && !value;
        break;
      case 'or-not':
        result = result || !value;
        break;
    }
  }
  return result;
}
