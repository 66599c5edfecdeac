import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileExpression, evaluateExpression, evaluateWithFeelin } from './expressions.js';

/**
 * A lone variable name is answered without feelin (the `${initiator}` fast path): for every name and
 * every JSON scalar value, set or not, the answer (value or failure) is exactly what evaluating it
 * through feelin gives.
 */
describe('expressions: a lone variable name', () => {

  it('has the value feelin gives it, for strings, booleans, finite numbers, null and unset names', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
    const scalar = fc.oneof(fc.string(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(name, scalar, fc.boolean(), (n, value, set) => {
        const compiled = compileExpression(`\${${n}}`);
        if (!compiled.ok) return; // a JUEL keyword (true, null, empty, …): not a variable name
        const variables: Record<string, unknown> = set ? { [n]: value } : { other: value };
        expect(evaluateExpression(compiled.value, variables)).toEqual(evaluateWithFeelin(compiled.value, variables));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves FEEL words, lists and contexts to feelin', () => {
    for (const word of ['true', 'false', 'null', 'not', 'date', 'time', 'duration']) {
      const compiled = compileExpression(word);
      if (!compiled.ok) continue; // not even FEEL on its own (`not`)
      const variables = { [word]: 'shadowed' };
      expect(evaluateExpression(compiled.value, variables)).toEqual(evaluateWithFeelin(compiled.value, variables));
    }
    const list = compileExpression('${items}');
    expect(list.ok && evaluateExpression(list.value, { items: [1, 2] })).toEqual({ ok: true, value: [1, 2] });
    const context = compileExpression('${order}');
    expect(context.ok && evaluateExpression(context.value, { order: { total: 3 } })).toEqual({ ok: true, value: { total: 3 } });
    const unset = compileExpression('${nobody}');
    expect(unset.ok && evaluateExpression(unset.value, {})).toMatchObject({ ok: false, message: expect.stringContaining('nobody') });
  });
});
