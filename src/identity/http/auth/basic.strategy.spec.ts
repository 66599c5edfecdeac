import { describe, expect, it } from '@jest/globals';
import { parseBasicCredentials } from './basic.strategy.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('parseBasicCredentials', () => {
  it('splits user id and password at the first colon only, scheme case-insensitive', () => {
    expect(parseBasicCredentials(`Basic ${b64('admin:secret')}`)).toEqual({ login: 'admin', password: 'secret' });
    expect(parseBasicCredentials(`basic ${b64('a@b.example:p:a:ss')}`)).toEqual({ login: 'a@b.example', password: 'p:a:ss' });
    expect(parseBasicCredentials(`BASIC  ${b64('jürgen:pässwörd')} `)).toEqual({ login: 'jürgen', password: 'pässwörd' });
  });

  it('is null for anything that is not one user id and one password', () => {
    for (const header of [undefined, '', 'Basic', `Bearer ${b64('a:b')}`, `Basic ${b64('nocolon')}`, `Basic ${b64(':pw')}`,
      `Basic ${b64('user:')}`, 'Basic !!!', `Basic ${b64('a:b')} extra`]) {
      expect(parseBasicCredentials(header)).toBeNull();
    }
  });
});
