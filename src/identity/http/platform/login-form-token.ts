import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { isWellFormedFormToken } from '../../domain/oauth/oauth-rules.js';

/**
 * The double-submit token of the sign-in form (login CSRF): a random value in a cookie that only
 * this site's own pages send back (SameSite=Strict, scoped to /oauth, unreadable by scripts), and
 * the same value as a hidden field of the form. A cross-site post carries neither.
 */
export const FORM_TOKEN_COOKIE = 'meridian_oauth_form';
export const FORM_TOKEN_FIELD = 'form_token';

const MAX_AGE_MS = 60 * 60_000;

export function formTokenCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === FORM_TOKEN_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Sets the cookie and answers the token for the form. A well-formed token the browser already
 * holds is kept, so that two open sign-in tabs do not invalidate each other.
 */
export function issueFormToken(req: Request, res: Response, secure: boolean): string {
  const existing = formTokenCookie(req);
  const token = isWellFormedFormToken(existing) ? existing : randomBytes(32).toString('base64url');
  res.cookie(FORM_TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/oauth', maxAge: MAX_AGE_MS });
  return token;
}
