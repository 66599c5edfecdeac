import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { CLIENT_ID, openSignInForm } from '../../support/oauth.js';

describe('platform: OAuth2 sign-in form behind https', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://bpm.example.com' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks the form-token cookie Secure when PUBLIC_URL is https', async () => {
    const form = await openSignInForm(t, { response_type: 'code', client_id: CLIENT_ID, redirect_uri: 'https://bpm.example.com/docs/oauth2-redirect.html' });
    const attributes = form.setCookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/oauth']));
  });
});
