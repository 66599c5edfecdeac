import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { DataTableField, FieldType } from './data-table-rules.js';
import { coerceValue, describeKey, keyText, parseFilter, parseKeyPairs, parseNewRow, parseRowUpdate, rowAsStrings, rowDocument } from './data-table-values.js';
import { dataTableReference } from './data-table-reference.js';

const f = (name: string, type: FieldType, extra: Partial<DataTableField> = {}): DataTableField => ({
  uid: '1', name, label: name, type, size: null, nullable: true, autoIncrement: false, key: false, ...extra,
});

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('value coercion', () => {
  it('integers: numbers and digit strings, exact beyond 2^53, within the type range and size', () => {
    expect(coerceValue(f('A', 'INTEGER'), 42)).toBe('42');
    expect(coerceValue(f('A', 'INTEGER'), '-007')).toBe('-7');
    expect(coerceValue(f('A', 'BIGINT'), '9223372036854775807')).toBe('9223372036854775807');
    expect(coerceValue(f('A', 'TINYINT'), -128)).toBe('-128');
    for (const [type, bad] of [['TINYINT', 128], ['SMALLINT', -32769], ['INTEGER', 2147483648], ['BIGINT', '9223372036854775808']] as const) {
      expect(failure(() => coerceValue(f('A', type), bad)).message).toContain('out of the');
    }
    for (const bad of ['abc', '1.0', 1.5, true, '', ' 1', 2 ** 60, [1], {}]) expect(failure(() => coerceValue(f('A', 'INTEGER'), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
    expect(failure(() => coerceValue(f('A', 'INTEGER', { size: 3 }), 1000)).message).toContain('4 digits');
    expect(coerceValue(f('A', 'INTEGER', { size: 3 }), -999)).toBe('-999');
  });

  it('BOOLEAN is stored as 1/0', () => {
    for (const v of [true, 1, '1', 'true']) expect(coerceValue(f('B', 'BOOLEAN'), v)).toBe('1');
    for (const v of [false, 0, '0', 'false']) expect(coerceValue(f('B', 'BOOLEAN'), v)).toBe('0');
    for (const v of [2, 'yes', 'TRUE', '']) expect(failure(() => coerceValue(f('B', 'BOOLEAN'), v)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('DECIMAL keeps exactly 2 decimals, rounding half away from zero on the decimal text', () => {
    const d = f('D', 'DECIMAL');
    expect(coerceValue(d, 13435.99)).toBe('13435.99');
    expect(coerceValue(d, 7)).toBe('7.00');
    expect(coerceValue(d, '1.005')).toBe('1.01');
    expect(coerceValue(d, 1.005)).toBe('1.01');
    expect(coerceValue(d, '-0.004')).toBe('0.00');
    expect(coerceValue(d, '-2.345')).toBe('-2.35');
    expect(coerceValue(d, '.5')).toBe('0.50');
    expect(coerceValue(d, '1e3')).toBe('1000.00');
    expect(coerceValue(d, '12345678901234567890.129')).toBe('12345678901234567890.13');
    expect(coerceValue(d, '0.0001e2')).toBe('0.01');
    expect(coerceValue(d, '9'.repeat(63))).toBe(`${'9'.repeat(63)}.00`);
    expect(failure(() => coerceValue(d, '9'.repeat(64))).message).toContain('out of the DECIMAL range');
    expect(failure(() => coerceValue(d, '1e70')).message).toContain('out of the DECIMAL range');
    expect(failure(() => coerceValue(f('D', 'DECIMAL', { size: 2 }), 99.999)).message).toContain('3 digits');
    for (const bad of ['abc', '', '.', '1,5', 'NaN', Infinity, true]) expect(failure(() => coerceValue(d, bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('floating types: finite numbers in range', () => {
    expect(coerceValue(f('F', 'DOUBLE'), '1.5e3')).toBe('1500');
    expect(coerceValue(f('F', 'FLOAT'), -0)).toBe('0');
    expect(failure(() => coerceValue(f('F', 'FLOAT'), 3.5e38)).message).toContain('out of the FLOAT range');
    expect(coerceValue(f('F', 'REAL'), 3.5e38)).toBe('3.5e+38');
    expect(failure(() => coerceValue(f('F', 'FLOAT', { size: 2 }), 123.4)).message).toContain('3 digits');
    for (const bad of ['NaN', 'Infinity', '1e999', 'x', true]) expect(failure(() => coerceValue(f('F', 'DOUBLE'), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('text: length in characters, numbers as text, no NUL or broken UTF-16', () => {
    expect(coerceValue(f('S', 'VARCHAR', { size: 3 }), 'äöü')).toBe('"äöü"');
    expect(coerceValue(f('S', 'VARCHAR', { size: 2 }), '😀😀')).toBe('"😀😀"');
    expect(coerceValue(f('S', 'CHAR', { size: 5 }), 12)).toBe('"12"');
    expect(coerceValue(f('S', 'LONGVARCHAR'), 'a"b\\c\n')).toBe(JSON.stringify('a"b\\c\n'));
    expect(failure(() => coerceValue(f('S', 'VARCHAR', { size: 3 }), 'abcd')).message).toContain('4 characters');
    expect(failure(() => coerceValue(f('S', 'VARCHAR', { size: 9 }), 'a\u0000b')).message).toContain('NUL');
    expect(failure(() => coerceValue(f('S', 'VARCHAR', { size: 9 }), 'a\uD800b')).message).toContain('NUL');
    for (const bad of [true, {}, []]) expect(failure(() => coerceValue(f('S', 'VARCHAR', { size: 9 }), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('dates and times in the documented formats, real calendar days', () => {
    expect(coerceValue(f('D', 'DATE'), '2024-02-29')).toBe('"2024-02-29"');
    expect(coerceValue(f('D', 'DATE'), '9999-12-31')).toBe('"9999-12-31"');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '0999-12-31', '2024-1-1', '20240101', 20240101]) {
      expect(failure(() => coerceValue(f('D', 'DATE'), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
    }
    expect(coerceValue(f('T', 'DATETIME'), '2015-10-31 14:04:45')).toBe('"2015-10-31 14:04:45"');
    expect(coerceValue(f('T', 'TIMESTAMP'), '1000-01-01 00:00:00')).toBe('"1000-01-01 00:00:00"');
    for (const bad of ['2015-10-31T14:04:45', '2015-10-31 24:00:00', '2015-10-31 14:60:00', '2015-10-31']) {
      expect(failure(() => coerceValue(f('T', 'DATETIME'), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
    }
    expect(coerceValue(f('C', 'TIME'), '13:34:20')).toBe('"13:34:20"');
    for (const bad of ['24:00:00', '1:2:3', '12:00']) expect(failure(() => coerceValue(f('C', 'TIME'), bad)).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('NULL only where allowed', () => {
    expect(coerceValue(f('A', 'INTEGER'), null)).toBeNull();
    expect(failure(() => coerceValue(f('A', 'INTEGER', { nullable: false }), null)).message).toContain('cannot be NULL');
  });
});

describe('rows, keys and filters', () => {
  const fields = [
    f('ID', 'INTEGER', { key: true, nullable: false, autoIncrement: true }),
    f('CODE', 'CHAR', { size: 2, key: true, nullable: false }),
    f('NAME', 'VARCHAR', { size: 20, nullable: false }),
    f('NOTE', 'LONGVARCHAR'),
  ];

  it('a new row: names case-insensitive, missing nullable fields NULL, missing auto-increment left to the caller', () => {
    const values = parseNewRow(fields, { code: 'JP', Name: 'x' });
    expect([...values]).toEqual([['CODE', '"JP"'], ['NAME', '"x"'], ['NOTE', null]]);
    values.set('ID', '3');
    expect(rowDocument(fields, values)).toBe('{"ID":3,"CODE":"JP","NAME":"x","NOTE":null}');
    expect(JSON.parse(rowDocument(fields, values))).toEqual({ ID: 3, CODE: 'JP', NAME: 'x', NOTE: null });
    expect(keyText(fields.filter((x) => x.key), values)).toBe('[3,"JP"]');
    expect(describeKey(fields.filter((x) => x.key), values)).toBe('ID=3, CODE="JP"');
    expect(failure(() => parseNewRow(fields, { CODE: 'JP' })).message).toContain('NAME is required');
    expect(failure(() => parseNewRow(fields, { CODE: 'JP', NAME: 'x', EXTRA: 1 })).code).toBe('FORMS.DATA_TABLE_UNKNOWN_FIELD');
    expect(failure(() => parseNewRow(fields, { CODE: 'JP', NAME: 'x', name: 'y' })).message).toContain('given twice');
  });

  it('an update names the row by every key field', () => {
    const { key, changes } = parseRowUpdate(fields, { id: '3', CODE: 'JP', NOTE: 'n' });
    expect([...key]).toEqual([['ID', '3'], ['CODE', '"JP"']]);
    expect([...changes]).toEqual([['NOTE', '"n"']]);
    expect(failure(() => parseRowUpdate(fields, { ID: 3, NOTE: 'n' })).message).toContain('CODE is missing');
    expect(failure(() => parseRowUpdate([f('A', 'INTEGER')], { A: 1 })).code).toBe('FORMS.DATA_TABLE_NO_KEY');
  });

  it('delete key pairs: exactly the key fields, once each, in any order', () => {
    expect([...parseKeyPairs(fields, [['code', 'JP'], ['id', '3']])]).toEqual([['CODE', '"JP"'], ['ID', '3']]);
    expect(failure(() => parseKeyPairs(fields, [['ID', '3']])).message).toContain('CODE is missing');
    expect(failure(() => parseKeyPairs(fields, [['ID', '3'], ['NAME', 'x']])).message).toContain('not a primary-key field');
    expect(failure(() => parseKeyPairs(fields, [['ID', '3'], ['ID', '4']])).message).toContain('given twice');
    expect(failure(() => parseKeyPairs(fields, [['ID', 'x'], ['CODE', 'JP']])).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
  });

  it('filters: typed containment documents; only "where", only known fields, only single values', () => {
    expect(parseFilter(fields, undefined)).toBeNull();
    expect(parseFilter(fields, '{"where":{}}')).toBeNull();
    expect(parseFilter(fields, '{"where":{"id":"7","name":"Felix","note":null}}')).toBe('{"ID":7,"NAME":"Felix","NOTE":null}');
    expect(failure(() => parseFilter(fields, '{')).code).toBe('FORMS.DATA_TABLE_INVALID_FILTER');
    expect(failure(() => parseFilter(fields, '{"select":{}}')).message).toContain('only the filter type "where"');
    expect(failure(() => parseFilter(fields, '{"where":{"X":1}}')).code).toBe('FORMS.DATA_TABLE_UNKNOWN_FIELD');
    expect(failure(() => parseFilter(fields, '{"where":{"ID":"abc"}}')).code).toBe('FORMS.DATA_TABLE_INVALID_VALUE');
    expect(failure(() => parseFilter(fields, '{"where":{"ID":[1,2]}}')).message).toContain('single value');
  });

  it('stored rows come back with lower-case names, every value a string', () => {
    expect(rowAsStrings(fields, { ID: '3', CODE: 'JP', NAME: 'x' })).toEqual({ id: '3', code: 'JP', name: 'x', note: null });
  });
});

describe('restUrl references to data tables', () => {
  it('names a table by name or by its pm3 data URL path, and nothing else (never a URL to fetch)', () => {
    expect(dataTableReference('pmtable:pmt_countries')).toEqual({ kind: 'name', name: 'PMT_COUNTRIES' });
    expect(dataTableReference('/api/1.0/workflow/pmtable/00000000000000000000000000000012/data')).toEqual({ kind: 'id', id: '12' });
    for (const other of ['https://evil.example/api/1.0/w/pmtable/00000000000000000000000000000012/data', 'http://169.254.169.254/', 'pmtable:1X', 'pmtable:A;B', '/api/1.0/w/pmtable/12/data', '', null, undefined]) {
      expect(dataTableReference(other)).toBeNull();
    }
  });
});
