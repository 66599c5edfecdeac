import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { checkFieldSet, className, type DataTableField, type FieldSpec, mergeFields, normalizeName, parseFieldSpec, parseTableSpec, parseTableUpdate, SIZE_RULES } from './data-table-rules.js';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const spec = (name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name, label: name, type, size: null, nullable: true, autoIncrement: false, key: false, ...extra,
});
const stored = (uid: string, f: FieldSpec): DataTableField => ({ uid, ...f });

describe('data-table names', () => {
  it('upper-cases valid ASCII names and accepts 64 characters', () => {
    expect(normalizeName('pmt_clients', 'n')).toBe('PMT_CLIENTS');
    expect(normalizeName('a1_B2', 'n')).toBe('A1_B2');
    expect(normalizeName('X'.repeat(64), 'n')).toHaveLength(64);
  });

  it.each([
    ['PMT_X; DROP TABLE', 'may only contain'],
    ["A'B", 'may only contain'],
    ['A"B', 'may only contain'],
    ['A B', 'may only contain'],
    ['ÄBC', 'may only contain'],
    ['A-B', 'may only contain'],
    ['9LIVES', 'must begin with a letter'],
    ['_X', 'must begin with a letter'],
    ['__index__', 'must begin with a letter'],
    ['SELECT', 'reserved'],
    ['table', 'reserved'],
    ['Order', 'reserved'],
    ['X'.repeat(65), 'longer than 64'],
    ['', 'is required'],
  ])('refuses %j', (name, message) => {
    const e = failure(() => normalizeName(name, 'pmt_tab_name'));
    expect(e.code).toBe('FORMS.DATA_TABLE_INVALID');
    expect(e.message).toContain(message);
    expect(e.details.field).toBe('pmt_tab_name');
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 5, ['A'], { a: 1 }]) expect(failure(() => normalizeName(v, 'n')).code).toBe('FORMS.DATA_TABLE_INVALID');
  });

  it('derives the PHP class name', () => {
    expect(className('PMT_CLIENTS')).toBe('PmtClients');
    expect(className('PMT_A__B')).toBe('PmtAB');
    expect(className('ORDERS2')).toBe('Orders2');
  });
});

describe('field types and sizes', () => {
  it('defaults: NULL allowed, not a key, no auto-increment, label = name; keys are NOT NULL', () => {
    expect(parseFieldSpec({ fld_name: 'a', fld_type: 'integer' }, 'f')).toEqual(spec('A', 'INTEGER'));
    expect(parseFieldSpec({ fld_name: 'id', fld_type: 'BIGINT', fld_key: '1', fld_autoincrement: true, fld_label: 'Id' }, 'f')).toEqual(
      spec('ID', 'BIGINT', { label: 'Id', key: true, nullable: false, autoIncrement: true }),
    );
  });

  it('a size on a type that takes none is its own error (the documented 400 with no body)', () => {
    for (const type of ['DOUBLE', 'DATE', 'TIME', 'DATETIME', 'TIMESTAMP', 'LONGVARCHAR']) {
      expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: type, fld_size: 1 }, 'f')).code).toBe('FORMS.DATA_TABLE_SIZE_NOT_ALLOWED');
      expect(parseFieldSpec({ fld_name: 'A', fld_type: type, fld_size: null }, 'f').size).toBeNull();
    }
  });

  it('each sized type accepts its maximum and refuses one more', () => {
    for (const [type, rule] of Object.entries(SIZE_RULES)) {
      if (rule.size === 'none') continue;
      expect(parseFieldSpec({ fld_name: 'A', fld_type: type, fld_size: rule.max }, 'f').size).toBe(rule.max);
      const e = failure(() => parseFieldSpec({ fld_name: 'A', fld_type: type, fld_size: rule.max! + 1 }, 'f'));
      expect(e.code).toBe('FORMS.DATA_TABLE_INVALID');
      expect(e.message).toContain(`larger than a ${type} field allows`);
    }
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'INTEGER', fld_size: 50 }, 'f')).message).toContain('at most 10');
  });

  it('CHAR and VARCHAR need a size; sizes are positive integers (digit strings too)', () => {
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'VARCHAR' }, 'f')).message).toContain('fld_size is required');
    expect(parseFieldSpec({ fld_name: 'A', fld_type: 'VARCHAR', fld_size: '20' }, 'f').size).toBe(20);
    for (const bad of [0, -1, 1.5, 'x', '1e3', true]) expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'CHAR', fld_size: bad }, 'f')).message).toContain('positive integer');
  });

  it('unknown types, bad flags, NULL keys, LONGVARCHAR keys, non-integer auto-increment, unknown properties', () => {
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'TEXT' }, 'f')).message).toContain("unknown fld_type 'TEXT'");
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'INTEGER', fld_null: 'yes' }, 'f')).message).toContain('must be 1 or 0');
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'INTEGER', fld_key: 1, fld_null: 1 }, 'f')).message).toContain('cannot allow NULL');
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'LONGVARCHAR', fld_key: 1 }, 'f')).message).toContain('cannot be a primary key');
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'DOUBLE', fld_autoincrement: 1 }, 'f')).message).toContain('can auto-increment');
    expect(failure(() => parseFieldSpec({ fld_name: 'A', fld_type: 'INTEGER', fld_extra: 1 }, 'f')).message).toContain('not a field property');
  });
});

describe('table rules', () => {
  it('at most 3 keys, one auto-increment field, unique names, at least one field', () => {
    expect(() => checkFieldSet(['A', 'B', 'C'].map((n) => spec(n, 'INTEGER', { key: true, nullable: false })))).not.toThrow();
    expect(failure(() => checkFieldSet(['A', 'B', 'C', 'D'].map((n) => spec(n, 'INTEGER', { key: true, nullable: false })))).message).toContain('at most 3 primary-key fields');
    expect(failure(() => checkFieldSet([spec('A', 'INTEGER', { autoIncrement: true }), spec('B', 'INTEGER', { autoIncrement: true })])).message).toContain('only one field may auto-increment');
    expect(failure(() => checkFieldSet([spec('A', 'INTEGER'), spec('A', 'DATE')])).message).toContain('used twice');
    expect(failure(() => checkFieldSet([])).message).toContain('at least one field');
  });

  it('parses a create body with its synonyms and refuses unknown properties', () => {
    expect(parseTableSpec({ pmt_tab_name: 'pmt_a', pmt_tab_dsc: 'd', fields: [{ fld_name: 'x', fld_type: 'DATE' }] })).toEqual({
      name: 'PMT_A', description: 'd', fields: [spec('X', 'DATE')],
    });
    expect(failure(() => parseTableSpec({ pmt_tab_name: 'A', fields: [], extra: 1 })).message).toContain('extra is not a property');
    expect(failure(() => parseTableSpec([])).message).toContain('JSON object');
    expect(parseTableUpdate({ rep_tab_dsc: 'r' })).toEqual({ description: 'r', fields: undefined });
  });

  it('merging fields: an empty table changes freely; a table with rows only grows', () => {
    const current = [stored('1', spec('ID', 'INTEGER', { key: true, nullable: false })), stored('2', spec('NAME', 'VARCHAR', { size: 10, nullable: false }))];
    let n = 10;
    const uid = () => String(n++);
    expect(mergeFields(current, [spec('ID', 'BIGINT', { key: false })], false, uid)[0]).toEqual(stored('1', spec('ID', 'BIGINT')));
    const grown = mergeFields(current, [spec('NAME', 'VARCHAR', { size: 20, label: 'Name' }), spec('NOTE', 'LONGVARCHAR')], true, uid);
    expect(grown.map((f) => [f.uid, f.name, f.size, f.nullable])).toEqual([['1', 'ID', null, false], ['2', 'NAME', 20, true], ['10', 'NOTE', null, true]]);
    expect(failure(() => mergeFields(current, [spec('NAME', 'CHAR', { size: 10, nullable: false })], true, uid)).code).toBe('FORMS.DATA_TABLE_STRUCTURE_LOCKED');
    expect(failure(() => mergeFields(current, [spec('NAME', 'VARCHAR', { size: 9, nullable: false })], true, uid)).message).toContain('shrink');
    expect(failure(() => mergeFields(current, [spec('ID', 'INTEGER', { nullable: false })], true, uid)).message).toContain('stop being a primary-key field');
    expect(failure(() => mergeFields(current, [spec('X', 'INTEGER', { nullable: false })], true, uid)).message).toContain('must allow NULL');
    // Unbounded integers are "bigger" than any size: dropping a size is growing.
    const sized = [stored('1', spec('Q', 'INTEGER', { size: 4 }))];
    expect(mergeFields(sized, [spec('Q', 'INTEGER')], true, uid)[0]!.size).toBeNull();
  });
});
