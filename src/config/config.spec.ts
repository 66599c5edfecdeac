import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults (design.md §7)', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.oauthClientId).toBe('meridian');
    expect(c.oauthClientSecret).toBeUndefined();
    expect(c.adminPassword).toBeUndefined();
    expect(c.authBasic).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.maxJsonBytes).toBe(1024 * 1024);
    expect(c.maxUploadBytes).toBe(200 * 1024 * 1024);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['DATABASE_URL', 'not a url'],
    ['AUTH_BASIC', 'maybe'],
    ['ADMIN_PASSWORD', 'short'],
    ['OAUTH_CLIENT_SECRET', 'too-short'],
    ['OAUTH_CLIENT_ID', 'has spaces'],
    ['OAUTH_REDIRECT_URIS', 'https://ok.example/cb, /relative'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_JSON_BYTES', '-1'],
    ['PUBLIC_URL', 'ftp://example.com'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as ConfigError).message).toContain(name);
  });

  it('parses booleans, lists and URLs', () => {
    const c = loadConfig({
      AUTH_BASIC: 'false',
      OAUTH_REDIRECT_URIS: 'https://a.example/cb, http://localhost:3000/cb',
      DATABASE_URL: 'postgresql://u:p@db:5432/meridian',
      PUBLIC_URL: 'https://bpm.example.com/',
      PORT: '9000',
    });
    expect(c.authBasic).toBe(false);
    expect(c.oauthRedirectUris).toEqual(['https://a.example/cb', 'http://localhost:3000/cb']);
    expect(c.databaseUrl).toBe('postgresql://u:p@db:5432/meridian');
    expect(c.publicUrl).toBe('https://bpm.example.com');
    expect(c.port).toBe(9000);
  });
});
