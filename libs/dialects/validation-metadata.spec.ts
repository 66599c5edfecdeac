import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, IsInt, IsString, Min, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata.js';

class Base {
  @IsString()
  name!: string;
}

class Derived extends Base {
  @IsInt()
  @Min(1)
  size!: number;
}

class Grouped {
  @IsString({ groups: ['strict'] })
  code!: string;
}

const problems = async (o: object, groups?: string[]) =>
  (await validate(o, groups ? { groups } : {})).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).sort().join(',')}`).sort();

describe('memoizeValidationMetadata', () => {
  it('keeps what validation finds — own and inherited rules, groups — and answers repeated lookups from memory', async () => {
    const bad = Object.assign(new Derived(), { name: 7, size: 0 });
    const before = await problems(bad);
    const groupedBefore = [await problems(Object.assign(new Grouped(), { code: 1 }), ['strict']), await problems(Object.assign(new Grouped(), { code: 1 }))];

    memoizeValidationMetadata();
    memoizeValidationMetadata(); // idempotent

    expect(before).toEqual(['name:isString', 'size:min']);
    expect(await problems(bad)).toEqual(before);
    expect(await problems(Object.assign(new Derived(), { name: 'ok', size: 2 }))).toEqual([]);
    expect([await problems(Object.assign(new Grouped(), { code: 1 }), ['strict']), await problems(Object.assign(new Grouped(), { code: 1 }))]).toEqual(groupedBefore);

    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Derived, '', false, false);
    expect(first.map((m) => m.propertyName).sort()).toEqual(['name', 'size', 'size']);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false, ['other'])).not.toBe(first);
  });
});
