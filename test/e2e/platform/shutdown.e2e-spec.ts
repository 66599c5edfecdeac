import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../support/app.js';
import { clientBasic } from '../../support/oauth.js';
import { closeGracefully } from '../../../src/shutdown.js';

describe('platform: graceful shutdown', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('finishes a request in flight when the application closes, then refuses new connections', async () => {
    const server = t.app.getHttpServer();
    const arrived = new Promise<void>((resolve) => server.once('request', () => resolve()));
    let answered = false;
    // A password grant spends ~100 ms in argon2 and then writes its refresh token: in flight long enough.
    const inFlight = t
      .http()
      .post('/oauth/token')
      .set('Authorization', clientBasic())
      .type('form')
      .send({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD })
      .then((res) => {
        answered = true;
        return res;
      });
    await arrived;
    expect(answered).toBe(false);

    // As main.ts does on SIGTERM: drain HTTP first, then stop workers and the database.
    await closeGracefully(t.app);

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer' });
    await expect(fetch(`${t.baseUrl}/health`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });
});
