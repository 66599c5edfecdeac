import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../kernel/domain-error.js';
import { parseNumericId, pm3Id } from './ids.js';

describe('ids', () => {
  it('pm3 ids are the number zero-padded to 32 characters, and back', () => {
    expect(pm3Id.encode('1')).toBe('00000000000000000000000000000001');
    expect(pm3Id.decode('00000000000000000000000000000002', 'rol_uid')).toBe('2');
    expect(pm3Id.decode('1234', 'usr_uid')).toBe('1234');
  });

  it.each(['abc', '', '0000000000000000000000000000000000001', '00000000000000000000000000000000', '55625662755e0e42fe83f41018778834'])(
    'pm3 rejects %p as a validation error naming the field',
    (raw) => {
      expect(() => pm3Id.decode(raw, 'usr_uid')).toThrow(DomainError);
      try {
        pm3Id.decode(raw, 'usr_uid');
      } catch (e) {
        expect((e as DomainError).kind).toBe('validation');
        expect((e as DomainError).details.field).toBe('usr_uid');
      }
    },
  );

  it.each(['-1', '1.5', '9223372036854775808', 'x', '0', ''])('numeric ids reject %p', (raw) => {
    expect(() => parseNumericId(raw, 'id')).toThrow(DomainError);
  });

  it('numeric ids accept numbers and canonical strings', () => {
    expect(parseNumericId(42, 'id')).toBe('42');
    expect(parseNumericId('007', 'id')).toBe('7');
    expect(parseNumericId('9223372036854775807', 'id')).toBe('9223372036854775807');
  });
});
