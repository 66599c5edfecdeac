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

  describe('content store (CONTENT_STORE, S3_*)', () => {
    const s3 = { CONTENT_STORE: 's3', S3_BUCKET: 'meridian-content' };

    it('defaults to the local filesystem under DATA_DIR', () => {
      expect(loadConfig({}).contentStore).toEqual({ kind: 'local' });
      expect(loadConfig({ CONTENT_STORE: 'local' }).contentStore).toEqual({ kind: 'local' });
    });

    it('reads the S3 settings; region defaults to us-east-1, path style to false, credentials to the AWS chain', () => {
      expect(loadConfig(s3).contentStore).toEqual({
        kind: 's3',
        bucket: 'meridian-content',
        region: 'us-east-1',
        endpoint: undefined,
        accessKeyId: undefined,
        secretAccessKey: undefined,
        forcePathStyle: false,
      });
      expect(
        loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'eu-west-1', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' })
          .contentStore,
      ).toEqual({ kind: 's3', bucket: 'meridian-content', region: 'eu-west-1', endpoint: 'http://minio:9000', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: true });
    });

    it.each([
      [{ CONTENT_STORE: 'ftp' }, 'CONTENT_STORE'],
      [{ CONTENT_STORE: 's3' }, 'S3_BUCKET'],
      [{ ...s3, S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET'],
      [{ ...s3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
      [{ ...s3, S3_REGION: 'EU West' }, 'S3_REGION'],
      [{ ...s3, S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY'],
      [{ ...s3, S3_SECRET_ACCESS_KEY: 'secret-value' }, 'S3_ACCESS_KEY_ID'],
      [{ ...s3, S3_FORCE_PATH_STYLE: 'sometimes' }, 'S3_FORCE_PATH_STYLE'],
    ])('refuses %j naming %s, and never shows the secret', (env, variable) => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).not.toContain('secret-value');
    });
  });
});
