import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsOptional, validateSync } from 'class-validator';
import { QueryBoolean } from './query-boolean.js';

class Query {
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  flag?: boolean;
}

const parse = (flag: unknown) => {
  const q = plainToInstance(Query, { flag });
  return { flag: q.flag, problems: validateSync(q).map((e) => e.property) };
};

describe('QueryBoolean', () => {
  it('reads true and false', () => {
    expect(parse('true')).toEqual({ flag: true, problems: [] });
    expect(parse('false')).toEqual({ flag: false, problems: [] });
    expect(parse(undefined)).toEqual({ flag: undefined, problems: [] });
  });

  it.each(['yes', '1', 'TRUE', '', 'true,false'])('leaves %j as sent, so that @IsBoolean refuses it naming the parameter', (value) => {
    expect(parse(value)).toEqual({ flag: value, problems: ['flag'] });
  });
});
