import { createHash, randomBytes } from 'node:crypto';
import { basic, OAUTH_CLIENT_SECRET, type TestApp } from './app.js';

export const CLIENT_ID = 'meridian';

export function clientBasic(clientId = CLIENT_ID, secret = OAUTH_CLIENT_SECRET): string {
  return basic(clientId, secret);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The cookie the sign-in form's double-submit token travels in (the wire name is the contract). */
export const FORM_TOKEN_COOKIE = 'meridian_oauth_form';

export interface SignInForm {
  /** The hidden fields of the form, unescaped: the authorization request and `form_token`. */
  readonly fields: Record<string, string>;
  /** `name=value` of the form-token cookie, to send back as `Cookie`. */
  readonly cookie: string;
  /** The whole Set-Cookie header of the form-token cookie. */
  readonly setCookie: string;
}

export function hiddenFields(html: string): Record<string, string> {
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

export function formTokenSetCookie(headers: Record<string, unknown>): string | undefined {
  const raw = headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return all.find((c) => c.startsWith(`${FORM_TOKEN_COOKIE}=`));
}

/** Opens the sign-in form as a browser would (GET /oauth/authorize) and keeps what the post needs. */
export async function openSignInForm(t: TestApp, query: Record<string, string>): Promise<SignInForm> {
  const res = await t.http().get('/oauth/authorize').query(query).expect(200);
  const setCookie = formTokenSetCookie(res.headers);
  if (!setCookie) throw new Error('GET /oauth/authorize set no form-token cookie');
  return { fields: hiddenFields(res.text), cookie: setCookie.split(';')[0]!, setCookie };
}

/** Posts the form as the browser would: its hidden fields, the cookie, and the credentials. */
export function submitSignIn(t: TestApp, form: SignInForm, username: string, password: string) {
  return t.http().post('/oauth/authorize').set('Cookie', form.cookie).type('form').send({ ...form.fields, username, password });
}
