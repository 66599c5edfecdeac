import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loadConfig } from '../../../src/config/config.js';
import { createApp } from '../../../src/create-app.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { clientBasic } from '../../support/oauth.js';

describe('platform: OAuth2 bootstrap client without OAUTH_CLIENT_SECRET', () => {
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      t = await startTestApp({ OAUTH_CLIENT_SECRET: '', OAUTH_REDIRECT_URIS: 'https://app.example.com/cb' });
    } finally {
      spy.mockRestore();
    }
    printed = lines.join('');
  });
  afterAll(async () => {
    await t.close();
  });

  it('generates a secret, prints it once, and stores only its hash', async () => {
    const match = /created OAuth2 client "meridian" with the generated secret: (\S+)/.exec(printed);
    expect(match).not.toBeNull();
    const secret = match![1]!;
    await t.http().post('/oauth/token').set('Authorization', clientBasic('meridian', secret)).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    const rows = await sql<{ secret_hash: string; redirect_uris: string[] }>(t, `SELECT secret_hash, redirect_uris FROM identity.oauth_clients WHERE client_id = 'meridian'`);
    expect(rows[0]!.secret_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.redirect_uris).toEqual([`${t.config.publicUrl}/docs/oauth2-redirect.html`, 'https://app.example.com/cb']);
    const keys = await sql(t, `SELECT kid FROM identity.oauth_signing_keys WHERE retired_at IS NULL`);
    expect(keys).toHaveLength(1);
  });

  it('a second start on the same database keeps the client and its secret, and adds new redirect URIs', async () => {
    const secret = /generated secret: (\S+)/.exec(printed)![1]!;
    const config = loadConfig({
      ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.databaseUrl,
      OAUTH_REDIRECT_URIS: 'https://other.example.com/cb',
    });
    const second = await createApp(config, t.databaseUrl);
    await second.init();
    await second.close();
    // (The second app's shutdown unregisters the process-wide UnitOfWork, so check through SQL from here on.)
    const rows = await sql<{ redirect_uris: string[]; secret_hash: string }>(
      t,
      `SELECT redirect_uris, secret_hash FROM identity.oauth_clients WHERE client_id = 'meridian'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.redirect_uris).toContain('https://other.example.com/cb');
    expect(await argon2.verify(rows[0]!.secret_hash, secret)).toBe(true);
    expect(await sql(t, `SELECT kid FROM identity.oauth_signing_keys`)).toHaveLength(1);
  });
});
