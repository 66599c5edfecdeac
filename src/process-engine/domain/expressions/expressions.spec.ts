import { describe, expect, it } from '@jest/globals';
import { compileExpression, evaluateCondition, evaluateExpression, evaluateTemplate, parseTextTemplate } from './expressions.js';
import type { Expression } from '../model/process-model.js';

const compiled = (source: string): Expression => {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('expressions', () => {
  it('${…} is JUEL translated to FEEL; other text is FEEL; a leading "=" is dropped', () => {
    expect(compiled('${amount > 100 && approved}')).toEqual({ language: 'juel', source: '${amount > 100 && approved}', feel: '((amount > 100) and approved)' });
    expect(compiled('amount > 100')).toEqual({ language: 'feel', source: 'amount > 100', feel: 'amount > 100' });
    expect(compiled('= amount > 100').feel).toBe('amount > 100');
  });

  it('conditions: true and false as computed by feelin', () => {
    expect(evaluateCondition(compiled('${amount > 100 && approved}'), { amount: 200, approved: true })).toEqual({ ok: true, value: true });
    expect(evaluateCondition(compiled('${amount > 100 && approved}'), { amount: 20, approved: true })).toEqual({ ok: true, value: false });
    expect(evaluateCondition(compiled('${empty list}'), { list: [] })).toEqual({ ok: true, value: true });
    expect(evaluateCondition(compiled('${empty list}'), { list: [1] })).toEqual({ ok: true, value: false });
    expect(evaluateCondition(compiled("${customer.tier == 'gold'}"), { customer: { tier: 'gold' } })).toEqual({ ok: true, value: true });
  });

  it('an unknown variable is a failure, not an exception', () => {
    expect(evaluateCondition(compiled('${x > 1}'), {})).toEqual({ ok: false, message: "${x > 1}: Variable 'x' not found" });
  });

  it('wrong types are a failure', () => {
    const r = evaluateExpression(compiled('${a + 1}'), { a: 'text' });
    expect(r.ok).toBe(false);
  });

  it('a missing property is null (as JUEL reads a missing map key)', () => {
    expect(evaluateExpression(compiled('${order.missing}'), { order: {} })).toEqual({ ok: true, value: null });
  });

  it('an input that makes feelin throw is a failure too', () => {
    const r = evaluateExpression({ language: 'feel', source: 'x', feel: 'a >>> 1' }, { a: 1 });
    expect(r.ok).toBe(false);
  });

  it('a condition that mixes text and expressions does not compile', () => {
    expect(compileExpression('${a} and ${b}')).toEqual({ ok: false, message: "'${a} and ${b}' mixes text and ${…} expressions; a condition must be one expression" });
  });

  it('templates alternate literal text and expressions; a lone expression keeps its value', () => {
    const t = parseTextTemplate('sales-${region}, #{team}');
    expect(t.ok && t.value.map((p) => (typeof p === 'string' ? p : p.feel))).toEqual(['sales-', 'region', ', ', 'team']);
    expect(evaluateTemplate(t.ok ? t.value : [], { region: 'eu', team: 'x' })).toEqual({ ok: true, value: 'sales-eu, x' });
    const lone = parseTextTemplate('${users}');
    expect(evaluateTemplate(lone.ok ? lone.value : [], { users: ['a', 'b'] })).toEqual({ ok: true, value: ['a', 'b'] });
  });

  it("a '}' inside a string literal does not end the expression", () => {
    const t = parseTextTemplate("${x == '}'}!");
    expect(t.ok && t.value.length).toBe(2);
  });
});
