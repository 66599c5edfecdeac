import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { toTypedValue, toTypedValues } from './typed-value.js';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('toTypedValue', () => {
  it.each([
    ['string', 'abc', 'abc'],
    ['string', '', ''],
    ['integer', 42, 42],
    ['integer', '42', 42],
    ['integer', ' -7 ', -7],
    ['integer', 2147483647, 2147483647],
    ['integer', -2147483648, -2147483648],
    ['long', 2147483648, 2147483648],
    ['long', '9007199254740991', 9007199254740991],
    ['double', 1.5, 1.5],
    ['double', 3, 3],
    ['double', '2.25', 2.25],
    ['double', '1e3', 1000],
    ['boolean', true, true],
    ['boolean', false, false],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['date', '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z'],
    ['date', '2026-11-22T10:00:00.000+0000', '2026-11-22T10:00:00.000Z'],
    ['date', '2026-11-22T12:30:00+02:00', '2026-11-22T10:30:00.000Z'],
    ['date', '2026-11-22', '2026-11-22T00:00:00.000Z'],
    ['date', '2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['json', { a: [1, 2] }, { a: [1, 2] }],
    ['json', [1, 'x'], [1, 'x']],
    ['json', 'text', 'text'],
  ])('%s %j is stored as %j', (type, value, stored) => {
    expect(toTypedValue('v', type, value)).toEqual({ type, value: stored });
  });

  it('reads a time without an offset as UTC, whatever the server\'s time zone', () => {
    expect(toTypedValue('v', 'date', '2026-11-22T10:00:00')).toEqual({ type: 'date', value: '2026-11-22T10:00:00.000Z' });
    expect(toTypedValue('v', 'date', '2026-11-22T10:00')).toEqual({ type: 'date', value: '2026-11-22T10:00:00.000Z' });
  });

  it.each([
    ['string', 42],
    ['string', true],
    ['string', { a: 1 }],
    ['integer', 'abc'],
    ['integer', '4.2'],
    ['integer', 4.2],
    ['integer', 2147483648],
    ['integer', -2147483649],
    ['integer', ''],
    ['integer', true],
    ['integer', [1]],
    ['long', 9007199254740992],
    ['long', '99999999999999999999'],
    ['long', 1.5],
    ['double', 'abc'],
    ['double', ''],
    ['double', '0x10'],
    ['double', 'Infinity'],
    ['double', '1e400'],
    ['double', true],
    ['boolean', 'yes'],
    ['boolean', 'TRUE'],
    ['boolean', 1],
    ['boolean', 0],
    ['date', 'tomorrow'],
    ['date', '2026-02-30'],
    ['date', '2025-02-29'],
    ['date', '2026-13-01'],
    ['date', '2026-11-22T25:00:00Z'],
    ['date', '2026-11-22T10:60:00Z'],
    ['date', '22/11/2026'],
    ['date', 1795341600000],
    ['date', ''],
  ])('refuses %s %j naming the variable', (type, value) => {
    const e = failure(() => toTypedValue('amount', type, value));
    expect(e.kind).toBe('validation');
    expect(e.code).toBe('ENGINE.VARIABLE_TYPE');
    expect(e.details.field).toBe('amount');
    expect(e.message).toContain("'amount'");
    expect(e.message).toContain(type);
  });

  it('refuses an unknown type, naming the variable and listing the known ones', () => {
    const e = failure(() => toTypedValue('x', 'float', 1.5));
    expect(e.code).toBe('ENGINE.VARIABLE_TYPE');
    expect(e.details.field).toBe('x');
    expect(e.message).toMatch(/unknown type 'float'.*string, integer, long, double, boolean, date, json/);
    expect(failure(() => toTypedValue('x', 'String', 'a')).code).toBe('ENGINE.VARIABLE_TYPE');
  });

  it('infers the type from the JSON value when none is declared', () => {
    expect(toTypedValue('v', undefined, 'a')).toEqual({ type: 'string', value: 'a' });
    expect(toTypedValue('v', null, true)).toEqual({ type: 'boolean', value: true });
    expect(toTypedValue('v', undefined, 7)).toEqual({ type: 'integer', value: 7 });
    expect(toTypedValue('v', undefined, 2 ** 40)).toEqual({ type: 'long', value: 2 ** 40 });
    expect(toTypedValue('v', undefined, 0.5)).toEqual({ type: 'double', value: 0.5 });
    expect(toTypedValue('v', undefined, { a: 1 })).toEqual({ type: 'json', value: { a: 1 } });
    expect(toTypedValue('v', undefined, [1])).toEqual({ type: 'json', value: [1] });
  });

  it('keeps null values: typed when a type is declared, type null otherwise', () => {
    expect(toTypedValue('v', 'integer', null)).toEqual({ type: 'integer', value: null });
    expect(toTypedValue('v', 'date', undefined)).toEqual({ type: 'date', value: null });
    expect(toTypedValue('v', undefined, null)).toEqual({ type: 'null', value: null });
  });

  it('refuses empty, blank, over-long and non-string names', () => {
    for (const name of ['', '   ', 'n'.repeat(256), 42 as unknown as string]) {
      const e = failure(() => toTypedValue(name, 'string', 'a'));
      expect(e.code).toBe('ENGINE.VARIABLE_NAME');
      expect(e.details.field).toBe('name');
    }
    expect(toTypedValue('n'.repeat(255), 'string', 'a').type).toBe('string');
  });
});

describe('toTypedValues', () => {
  it('types every item of a batch', () => {
    expect(
      toTypedValues([
        { name: 'a', type: 'integer', value: '1' },
        { name: 'b', value: 'x' },
      ]),
    ).toEqual([
      { name: 'a', type: 'integer', value: 1 },
      { name: 'b', type: 'string', value: 'x' },
    ]);
  });

  it('fails the whole batch on one bad item, naming it', () => {
    const e = failure(() =>
      toTypedValues([
        { name: 'good', type: 'string', value: 'x' },
        { name: 'bad', type: 'boolean', value: 'yes' },
      ]),
    );
    expect(e.details.field).toBe('bad');
  });

  it('refuses a name given twice', () => {
    const e = failure(() =>
      toTypedValues([
        { name: 'a', type: 'string', value: 'x' },
        { name: 'a', type: 'string', value: 'y' },
      ]),
    );
    expect(e.code).toBe('ENGINE.VARIABLE_DUPLICATE');
    expect(e.details.field).toBe('a');
  });
});
